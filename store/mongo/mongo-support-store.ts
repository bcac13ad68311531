import type { SupportStore } from '../../core/ports/proposal-store';
import type { MongoContext } from './context';
import { inScope } from './context';
import { isDuplicateKey } from './errors';
import type { ProposalDoc } from './schemas/proposal-schema';

/** Supports; at most one per (proposal, citizen), kept with a null citizen after erasure. */
export class MongoSupportStore implements SupportStore {
  constructor(private readonly c: MongoContext) {}

  /**
   * An upsert that only ever inserts: an existing support matches and nothing changes (false).
   * A concurrent insert of the same support loses on the unique index: also "already supported".
   */
  async add(proposalId: string, citizenId: string, at: Date): Promise<boolean> {
    try {
      const result = await this.c.models.supports.updateOne(
        { proposalId, citizenId },
        { $setOnInsert: { at } },
        { ...inScope(this.c), upsert: true },
      );
      return result.upsertedCount === 1;
    } catch (error) {
      if (isDuplicateKey(error) && this.c.scope.session() === undefined) return false;
      throw error;
    }
  }

  async has(proposalId: string, citizenId: string): Promise<boolean> {
    return (await this.c.models.supports.exists({ proposalId, citizenId }).session(this.session())) !== null;
  }

  async count(proposalId: string): Promise<number> {
    return this.c.models.supports.countDocuments({ proposalId }, inScope(this.c));
  }

  /** Every proposal of the challenge, including those with no support (count 0). */
  async countsByChallenge(challengeId: string): Promise<Map<string, number>> {
    const proposals = await this.c.models.proposals
      .find({ challengeId }, { _id: 1 }, inScope(this.c))
      .sort({ _id: 1 })
      .lean<Pick<ProposalDoc, '_id'>[]>();
    const ids = proposals.map((p) => p._id);
    const counts = await this.c.models.supports
      .aggregate<{ _id: string; n: number }>([
        { $match: { proposalId: { $in: ids } } },
        { $group: { _id: '$proposalId', n: { $sum: 1 } } },
      ])
      .session(this.session());
    const byId = new Map(counts.map((r) => [r._id, r.n]));
    return new Map(ids.map((id) => [id, byId.get(id) ?? 0]));
  }

  async anonymise(citizenId: string): Promise<void> {
    await this.c.models.supports.updateMany({ citizenId }, { $set: { citizenId: null } }, inScope(this.c));
  }

  private session() {
    return this.c.scope.session() ?? null;
  }
}
