import type { Model } from 'mongoose';
import type { AuditEntry } from '../../core/model/audit';
import type { Ballot } from '../../core/model/ballot';
import type { Challenge } from '../../core/model/challenge';
import type { Citizen } from '../../core/model/citizen';
import type { Conversation } from '../../core/model/conversation';
import type { FanoutJob } from '../../core/model/fanout';
import type { FaqEntry } from '../../core/model/faq';
import type { Follow } from '../../core/model/follow';
import type { Notification } from '../../core/model/notification';
import type { Proposal } from '../../core/model/proposal';
import type { Question } from '../../core/model/question';
import type { StaffMember } from '../../core/model/staff';
import type { ProjectUpdate, Rating } from '../../core/model/update';
import type { InsertionOrder } from './insertion-order';
import { auditToDoc } from './mapping/audit-mapping';
import { ballotToDoc } from './mapping/ballot-mapping';
import { challengeToDoc } from './mapping/challenge-mapping';
import { citizenToDoc, identityToDoc } from './mapping/citizen-mapping';
import { conversationToDoc } from './mapping/conversation-mapping';
import { fanoutToDocs } from './mapping/fanout-mapping';
import { faqToDoc } from './mapping/faq-mapping';
import { followToDoc } from './mapping/follow-mapping';
import { notificationToDoc } from './mapping/notification-mapping';
import { proposalToDoc } from './mapping/proposal-mapping';
import { questionToDoc } from './mapping/question-mapping';
import { staffToDoc } from './mapping/staff-mapping';
import { ratingToDoc, updateToDoc } from './mapping/update-mapping';
import type { MongoModels } from './models';
import { allModels } from './models';
import { AUDIT_HEAD_ID } from './schemas/audit-schema';

/** A support as stored, citizen null once anonymised (the port has no way to write one). */
export interface SupportRow {
  proposalId: string;
  citizenId: string | null;
  at: Date;
}

export interface LinkCodeRow {
  codeHash: string;
  citizenId: string;
  expiresAt: Date;
}

export interface ProcessedUpdateRow {
  key: string;
  at: Date;
}

/**
 * Writes whole batches of domain values into an empty database, for `agora migrate`: one
 * insertMany per batch instead of one port call (and one transaction) per row. Ids are kept as
 * they are; insertion order follows the order of the batches, so rows that tie on time keep the
 * order they had in the source. Not transactional: a failed copy is dropped and run again.
 */
export class MongoBulkLoader {
  constructor(
    private readonly models: MongoModels,
    private readonly order: InsertionOrder,
  ) {}

  /** Collections that already hold documents (a migration target must have none). */
  async nonEmptyCollections(): Promise<string[]> {
    const names: string[] = [];
    for (const model of allModels(this.models)) {
      if ((await model.estimatedDocumentCount()) > 0) names.push(model.collection.collectionName);
    }
    return names;
  }

  async staff(members: readonly StaffMember[]): Promise<void> {
    await insert(
      this.models.staff,
      members.map((m) => staffToDoc(m, this.next())),
    );
  }

  async citizens(citizens: readonly Citizen[]): Promise<void> {
    await insert(this.models.citizens, citizens.map(citizenToDoc));
    const identities = citizens.flatMap((c) => c.identities.map((i) => identityToDoc(c.id, i, this.next())));
    await insert(this.models.identities, identities);
  }

  async linkCodes(rows: readonly LinkCodeRow[]): Promise<void> {
    await insert(
      this.models.linkCodes,
      rows.map((r) => ({ _id: r.codeHash, citizenId: r.citizenId, expiresAt: r.expiresAt })),
    );
  }

  async challenges(challenges: readonly Challenge[]): Promise<void> {
    await insert(
      this.models.challenges,
      challenges.map((c) => challengeToDoc(c, this.next())),
    );
  }

  async proposals(proposals: readonly Proposal[]): Promise<void> {
    await insert(
      this.models.proposals,
      proposals.map((p) => proposalToDoc(p, this.next())),
    );
  }

  async supports(rows: readonly SupportRow[]): Promise<void> {
    await insert(
      this.models.supports,
      rows.map((r) => ({ ...r })),
    );
  }

  async ballots(ballots: readonly Ballot[]): Promise<void> {
    await insert(
      this.models.ballots,
      ballots.map((b) => ballotToDoc(b, this.next())),
    );
  }

  async follows(follows: readonly Follow[]): Promise<void> {
    await insert(
      this.models.follows,
      follows.map((f) => followToDoc(f, this.next())),
    );
  }

  async questions(questions: readonly Question[]): Promise<void> {
    await insert(
      this.models.questions,
      questions.map((q) => questionToDoc(q, this.next())),
    );
  }

  async updates(updates: readonly ProjectUpdate[]): Promise<void> {
    await insert(
      this.models.updates,
      updates.map((u) => updateToDoc(u, this.next())),
    );
  }

  async ratings(ratings: readonly Rating[]): Promise<void> {
    await insert(
      this.models.ratings,
      ratings.map((r) => ratingToDoc(r, this.next())),
    );
  }

  async faq(entries: readonly FaqEntry[]): Promise<void> {
    await insert(
      this.models.faq,
      entries.map((e) => faqToDoc(e, this.next())),
    );
  }

  async conversations(conversations: readonly Conversation[]): Promise<void> {
    await insert(this.models.conversations, conversations.map(conversationToDoc));
  }

  async processedUpdates(rows: readonly ProcessedUpdateRow[]): Promise<void> {
    await insert(
      this.models.processedUpdates,
      rows.map((r) => ({ _id: r.key, at: r.at })),
    );
  }

  async outbox(notifications: readonly Notification[]): Promise<void> {
    await insert(
      this.models.outbox,
      notifications.map((n) => notificationToDoc(n, this.next())),
    );
  }

  async fanout(jobs: readonly FanoutJob[]): Promise<void> {
    const docs = jobs.map((j) => fanoutToDocs(j, this.next()));
    await insert(
      this.models.fanoutJobs,
      docs.map((d) => d.job),
    );
    await insert(
      this.models.fanoutChunks,
      docs.flatMap((d) => d.chunks),
    );
  }

  /**
   * Audit entries, in chain order, continuing what is already loaded; the head document follows
   * the last one, so appends made later by the app go on from there.
   */
  async audit(entries: readonly AuditEntry[]): Promise<void> {
    const last = entries[entries.length - 1];
    if (!last) return;
    await insert(this.models.audit, entries.map(auditToDoc));
    await this.models.auditHead.updateOne(
      { _id: AUDIT_HEAD_ID },
      { $set: { seq: last.seq, hash: last.hash } },
      { upsert: true },
    );
  }

  private next(): number {
    return this.order.next();
  }
}

async function insert<T>(model: Model<T>, docs: readonly T[]): Promise<void> {
  if (docs.length > 0) await model.insertMany([...docs], { ordered: true });
}
