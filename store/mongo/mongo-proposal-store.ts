import type { Proposal, ProposalStatus } from '../../core/model/proposal';
import type { ProposalStore } from '../../core/ports/proposal-store';
import { StoreConflict } from '../../core/ports/store';
import type { MongoContext } from './context';
import { inScope } from './context';
import { guarded } from './errors';
import { compareRefs, proposalFromDoc, proposalToDoc } from './mapping/proposal-mapping';
import type { ProposalDoc } from './schemas/proposal-schema';

/** Proposals (projects). `(challengeId, ref)` is unique: a clash throws StoreConflict 'proposal.ref'. */
export class MongoProposalStore implements ProposalStore {
  constructor(private readonly c: MongoContext) {}

  async get(id: string): Promise<Proposal | null> {
    const doc = await this.c.models.proposals.findById(id, null, inScope(this.c)).lean<ProposalDoc>();
    return doc ? proposalFromDoc(doc) : null;
  }

  async getByRef(challengeId: string, ref: string): Promise<Proposal | null> {
    const doc = await this.c.models.proposals
      .findOne({ challengeId, ref }, null, inScope(this.c))
      .lean<ProposalDoc>();
    return doc ? proposalFromDoc(doc) : null;
  }

  /** Sorted here: "numeric refs numerically, then the others" is no single index order. */
  async listByChallenge(challengeId: string, statuses?: readonly ProposalStatus[]): Promise<Proposal[]> {
    const filter = statuses === undefined ? { challengeId } : { challengeId, status: { $in: [...statuses] } };
    const docs = await this.c.models.proposals.find(filter, null, inScope(this.c)).lean<ProposalDoc[]>();
    return docs.sort((a, b) => compareRefs(a.ref, b.ref)).map(proposalFromDoc);
  }

  async listByAuthor(authorId: string): Promise<Proposal[]> {
    const docs = await this.c.models.proposals
      .find({ authorId }, null, inScope(this.c))
      .sort({ createdAt: 1, ord: 1 })
      .lean<ProposalDoc[]>();
    return docs.map(proposalFromDoc);
  }

  /**
   * Upsert by id. A ref used by another proposal of the challenge is found by a read first, so the
   * conflict leaves a caller's transaction usable; the unique index settles concurrent saves.
   */
  async save(proposal: Proposal): Promise<void> {
    const { _id, ord, ...fields } = proposalToDoc(proposal, this.c.order.next());
    const { proposals } = this.c.models;
    await this.c.scope.atomic((session) =>
      guarded(async () => {
        const clash = { challengeId: fields.challengeId, ref: fields.ref, _id: { $ne: _id } };
        if (await proposals.exists(clash).session(session))
          throw new StoreConflict(
            `ref ${fields.ref} is already used in challenge ${fields.challengeId}`,
            'proposal.ref',
          );
        await proposals.updateOne(
          { _id },
          { $set: fields, $setOnInsert: { ord } },
          { session, upsert: true, runValidators: true },
        );
      }),
    );
  }

  async nextRef(challengeId: string): Promise<string> {
    const highest = await this.c.models.proposals
      .findOne({ challengeId, refNumber: { $type: 'number' } }, { refNumber: 1 }, inScope(this.c))
      .sort({ refNumber: -1 })
      .lean<Pick<ProposalDoc, 'refNumber'>>();
    return String((highest?.refNumber ?? 0) + 1);
  }

  async anonymiseAuthor(authorId: string): Promise<void> {
    await this.c.models.proposals.updateMany({ authorId }, { $set: { authorId: null } }, inScope(this.c));
  }
}
