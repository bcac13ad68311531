import type { FanoutJob } from '../../core/model/fanout';
import type { FanoutStore } from '../../core/ports/fanout-store';
import type { MongoContext } from './context';
import { inScope } from './context';
import { fanoutFromDocs, fanoutToDocs } from './mapping/fanout-mapping';
import type { FanoutChunkDoc, FanoutJobDoc } from './schemas/fanout-schema';

/** Fan-out jobs; their recipients are stored in chunk documents (see FanoutChunkDoc). */
export class MongoFanoutStore implements FanoutStore {
  constructor(private readonly c: MongoContext) {}

  async create(job: FanoutJob): Promise<void> {
    const { job: doc, chunks } = fanoutToDocs(job, this.c.order.next());
    await this.c.scope.atomic(async (session) => {
      await this.c.models.fanoutJobs.insertMany([doc], { session });
      if (chunks.length > 0) await this.c.models.fanoutChunks.insertMany(chunks, { session });
    });
  }

  /** One findOneAndUpdate: of two workers, only one gets the lease on a job. */
  async claim(now: Date, leaseUntil: Date): Promise<FanoutJob | null> {
    const doc = await this.c.models.fanoutJobs
      .findOneAndUpdate(
        { doneAt: null, $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }] },
        { $set: { leaseUntil } },
        { ...inScope(this.c), sort: { createdAt: 1, ord: 1 }, new: true },
      )
      .lean<FanoutJobDoc>();
    return doc ? this.withRecipients(doc) : null;
  }

  /** Progress; once every recipient is written the job is done and its lease released. */
  async advance(id: string, nextIndex: number, at: Date): Promise<void> {
    const { fanoutJobs } = this.c.models;
    // `total` never changes, so which of the two updates applies cannot race.
    const unfinished = await fanoutJobs.updateOne(
      { _id: id, total: { $gt: nextIndex } },
      { $set: { nextIndex, doneAt: null } },
      inScope(this.c),
    );
    if (unfinished.matchedCount === 0)
      await fanoutJobs.updateOne(
        { _id: id },
        { $set: { nextIndex, doneAt: at, leaseUntil: null } },
        inScope(this.c),
      );
  }

  async get(id: string): Promise<FanoutJob | null> {
    const doc = await this.c.models.fanoutJobs.findById(id, null, inScope(this.c)).lean<FanoutJobDoc>();
    return doc ? this.withRecipients(doc) : null;
  }

  async countPending(): Promise<number> {
    return this.c.models.fanoutJobs.countDocuments({ doneAt: null }, inScope(this.c));
  }

  private async withRecipients(doc: FanoutJobDoc): Promise<FanoutJob> {
    const chunks = await this.c.models.fanoutChunks
      .find({ jobId: doc._id }, null, inScope(this.c))
      .sort({ n: 1 })
      .lean<FanoutChunkDoc[]>();
    return fanoutFromDocs(doc, chunks);
  }
}
