import type { Question } from '../../core/model/question';
import type { QuestionStore } from '../../core/ports/question-store';
import type { MongoContext } from './context';
import { inScope, upsertRacing } from './context';
import { questionFromDoc, questionToDoc } from './mapping/question-mapping';
import type { QuestionDoc } from './schemas/question-schema';

/** Citizens' questions; open ones are listed oldest first (the officials' inbox). */
export class MongoQuestionStore implements QuestionStore {
  constructor(private readonly c: MongoContext) {}

  async get(id: string): Promise<Question | null> {
    const doc = await this.c.models.questions.findById(id, null, inScope(this.c)).lean<QuestionDoc>();
    return doc ? questionFromDoc(doc) : null;
  }

  async save(question: Question): Promise<void> {
    const { _id, ord, ...fields } = questionToDoc(question, this.c.order.next());
    await upsertRacing(this.c, () =>
      this.c.models.questions.updateOne(
        { _id },
        { $set: fields, $setOnInsert: { ord } },
        { ...inScope(this.c), upsert: true, runValidators: true },
      ),
    );
  }

  async listOpen(): Promise<Question[]> {
    return this.list({ status: 'open' });
  }

  async listByCitizen(citizenId: string): Promise<Question[]> {
    return this.list({ citizenId });
  }

  /** Questions are personal text: erasure deletes them. */
  async removeByCitizen(citizenId: string): Promise<void> {
    await this.c.models.questions.deleteMany({ citizenId }, inScope(this.c));
  }

  private async list(filter: { status: 'open' } | { citizenId: string }): Promise<Question[]> {
    const docs = await this.c.models.questions
      .find(filter, null, inScope(this.c))
      .sort({ askedAt: 1, ord: 1 })
      .lean<QuestionDoc[]>();
    return docs.map(questionFromDoc);
  }
}
