import type { ProjectUpdate } from '../../core/model/update';
import type { UpdateStore } from '../../core/ports/update-store';
import type { MongoContext } from './context';
import { inScope, upsertRacing } from './context';
import { updateFromDoc, updateToDoc } from './mapping/update-mapping';
import type { UpdateDoc } from './schemas/update-schema';

/** Officials' progress updates on projects, newest first (equal times: the one inserted last first). */
export class MongoUpdateStore implements UpdateStore {
  constructor(private readonly c: MongoContext) {}

  async save(update: ProjectUpdate): Promise<void> {
    const { _id, ord, ...fields } = updateToDoc(update, this.c.order.next());
    await upsertRacing(this.c, () =>
      this.c.models.updates.updateOne(
        { _id },
        { $set: fields, $setOnInsert: { ord } },
        { ...inScope(this.c), upsert: true, runValidators: true },
      ),
    );
  }

  async listByProject(projectId: string): Promise<ProjectUpdate[]> {
    const docs = await this.c.models.updates
      .find({ projectId }, null, inScope(this.c))
      .sort({ createdAt: -1, ord: -1 })
      .lean<UpdateDoc[]>();
    return docs.map(updateFromDoc);
  }
}
