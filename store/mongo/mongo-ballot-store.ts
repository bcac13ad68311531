import type { Ballot } from '../../core/model/ballot';
import type { BallotStore } from '../../core/ports/ballot-store';
import { StoreConflict } from '../../core/ports/store';
import type { MongoContext } from './context';
import { inScope } from './context';
import { guarded } from './errors';
import { ballotFromDoc, ballotToDoc } from './mapping/ballot-mapping';
import type { BallotDoc } from './schemas/ballot-schema';

type BallotKey = Pick<BallotDoc, '_id' | 'challengeId'>;

/**
 * Ballots: one per (challenge, citizen) by a partial unique index; receipts unique. Lists are in
 * cast order, then insertion order.
 */
export class MongoBallotStore implements BallotStore {
  constructor(private readonly c: MongoContext) {}

  async get(challengeId: string, citizenId: string): Promise<Ballot | null> {
    const doc = await this.c.models.ballots
      .findOne({ challengeId, citizenId }, null, inScope(this.c))
      .lean<BallotDoc>();
    return doc ? ballotFromDoc(doc) : null;
  }

  async getByReceipt(receipt: string): Promise<Ballot | null> {
    const doc = await this.c.models.ballots.findOne({ receipt }, null, inScope(this.c)).lean<BallotDoc>();
    return doc ? ballotFromDoc(doc) : null;
  }

  /**
   * As the SQLite upsert: the citizen's existing ballot in the challenge is replaced (its id kept),
   * else the ballot with this id, else a new one. Read and write share a transaction, so two puts
   * for one voter cannot both insert: the loser gets a write conflict, is retried, and then finds
   * the winner's ballot to replace. The filter carries `challengeId` (the shard key when sharded).
   */
  async put(ballot: Ballot): Promise<Ballot> {
    const { _id, ord, ...fields } = ballotToDoc(ballot, this.c.order.next());
    const { ballots } = this.c.models;
    return this.c.scope.atomic((session) =>
      guarded(async () => {
        const mine =
          ballot.citizenId === null
            ? null
            : await ballots
                .findOne(
                  { challengeId: ballot.challengeId, citizenId: ballot.citizenId },
                  { challengeId: 1 },
                  { session },
                )
                .lean<BallotKey>();
        const target =
          mine ?? (await ballots.findById(_id, { challengeId: 1 }, { session }).lean<BallotKey>());
        const id = target?._id ?? _id;
        if (await ballots.exists({ receipt: ballot.receipt, _id: { $ne: id } }).session(session))
          throw new StoreConflict(`receipt ${ballot.receipt} is on another ballot`, 'ballot.receipt');
        const stored = await ballots
          .findOneAndUpdate(
            { _id: id, challengeId: target?.challengeId ?? ballot.challengeId },
            { $set: fields, $setOnInsert: { ord } },
            { session, upsert: true, new: true, runValidators: true },
          )
          .lean<BallotDoc>();
        if (!stored) throw new Error(`ballot ${id} was not stored`);
        return ballotFromDoc(stored);
      }),
    );
  }

  async listByChallenge(challengeId: string): Promise<Ballot[]> {
    const docs = await this.c.models.ballots
      .find({ challengeId }, null, inScope(this.c))
      .sort({ castAt: 1, ord: 1 })
      .lean<BallotDoc[]>();
    return docs.map(ballotFromDoc);
  }

  async countByChallenge(challengeId: string): Promise<number> {
    return this.c.models.ballots.countDocuments({ challengeId }, inScope(this.c));
  }

  async anonymise(citizenId: string): Promise<void> {
    await this.c.models.ballots.updateMany({ citizenId }, { $set: { citizenId: null } }, inScope(this.c));
  }

  async listByCitizen(citizenId: string): Promise<Ballot[]> {
    const docs = await this.c.models.ballots
      .find({ citizenId }, null, inScope(this.c))
      .sort({ castAt: 1, ord: 1 })
      .lean<BallotDoc[]>();
    return docs.map(ballotFromDoc);
  }
}
