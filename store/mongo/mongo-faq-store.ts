import type { FaqEntry } from '../../core/model/faq';
import type { Locale } from '../../core/model/locale';
import type { FaqStore } from '../../core/ports/faq-store';
import type { MongoContext } from './context';
import { inScope, upsertRacing } from './context';
import { faqFromDoc, faqToDoc } from './mapping/faq-mapping';
import type { FaqDoc } from './schemas/faq-schema';

/** FAQ entries; lists keep the order entries were first saved in (an upsert keeps its `ord`). */
export class MongoFaqStore implements FaqStore {
  constructor(private readonly c: MongoContext) {}

  async get(id: string): Promise<FaqEntry | null> {
    const doc = await this.c.models.faq.findById(id, null, inScope(this.c)).lean<FaqDoc>();
    return doc ? faqFromDoc(doc) : null;
  }

  async list(challengeId: string | null, locale?: Locale): Promise<FaqEntry[]> {
    const filter = locale === undefined ? { challengeId } : { challengeId, locale };
    const docs = await this.c.models.faq
      .find(filter, null, inScope(this.c))
      .sort({ ord: 1 })
      .lean<FaqDoc[]>();
    return docs.map(faqFromDoc);
  }

  async upsert(entry: FaqEntry): Promise<void> {
    const { _id, ord, ...fields } = faqToDoc(entry, this.c.order.next());
    await upsertRacing(this.c, () =>
      this.c.models.faq.updateOne(
        { _id },
        { $set: fields, $setOnInsert: { ord } },
        { ...inScope(this.c), upsert: true, runValidators: true },
      ),
    );
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.c.models.faq.deleteOne({ _id: id }, inScope(this.c));
    return result.deletedCount > 0;
  }
}
