import type { Connection, Model, Schema } from 'mongoose';
import type { AuditDoc, AuditHeadDoc } from './schemas/audit-schema';
import { auditHeadSchema, auditSchema } from './schemas/audit-schema';
import type { BallotDoc } from './schemas/ballot-schema';
import { ballotSchema } from './schemas/ballot-schema';
import type { ChallengeDoc } from './schemas/challenge-schema';
import { challengeSchema } from './schemas/challenge-schema';
import type { CitizenDoc, IdentityDoc, LinkCodeDoc } from './schemas/citizen-schema';
import { citizenSchema, identitySchema, linkCodeSchema } from './schemas/citizen-schema';
import type { ConversationDoc, ProcessedUpdateDoc } from './schemas/conversation-schema';
import { conversationSchema, processedUpdateSchema } from './schemas/conversation-schema';
import type { FanoutChunkDoc, FanoutJobDoc } from './schemas/fanout-schema';
import { fanoutChunkSchema, fanoutJobSchema } from './schemas/fanout-schema';
import type { FaqDoc } from './schemas/faq-schema';
import { faqSchema } from './schemas/faq-schema';
import type { FollowDoc } from './schemas/follow-schema';
import { followSchema } from './schemas/follow-schema';
import type { NotificationDoc } from './schemas/outbox-schema';
import { notificationSchema } from './schemas/outbox-schema';
import type { ProposalDoc, SupportDoc } from './schemas/proposal-schema';
import { proposalSchema, supportSchema } from './schemas/proposal-schema';
import type { QuestionDoc } from './schemas/question-schema';
import { questionSchema } from './schemas/question-schema';
import type { StaffDoc } from './schemas/staff-schema';
import { staffSchema } from './schemas/staff-schema';
import type { RatingDoc, UpdateDoc } from './schemas/update-schema';
import { ratingSchema, updateSchema } from './schemas/update-schema';

/** Every model of the store, one per collection. */
export interface MongoModels {
  citizens: Model<CitizenDoc>;
  identities: Model<IdentityDoc>;
  linkCodes: Model<LinkCodeDoc>;
  challenges: Model<ChallengeDoc>;
  proposals: Model<ProposalDoc>;
  supports: Model<SupportDoc>;
  ballots: Model<BallotDoc>;
  follows: Model<FollowDoc>;
  questions: Model<QuestionDoc>;
  updates: Model<UpdateDoc>;
  ratings: Model<RatingDoc>;
  outbox: Model<NotificationDoc>;
  audit: Model<AuditDoc>;
  auditHead: Model<AuditHeadDoc>;
  staff: Model<StaffDoc>;
  faq: Model<FaqDoc>;
  conversations: Model<ConversationDoc>;
  processedUpdates: Model<ProcessedUpdateDoc>;
  fanoutJobs: Model<FanoutJobDoc>;
  fanoutChunks: Model<FanoutChunkDoc>;
}

/**
 * Registers every model on `conn` (never on mongoose's global connection: each store owns its own,
 * and tests open several). Listed in dependency order, the order `agora migrate` copies them in.
 */
export function registerModels(conn: Connection): MongoModels {
  const model = <T>(name: string, schema: Schema<T>): Model<T> =>
    conn.model<T>(name, schema as Schema<T, Model<T>>);
  return {
    staff: model('Staff', staffSchema),
    citizens: model('Citizen', citizenSchema),
    identities: model('Identity', identitySchema),
    linkCodes: model('LinkCode', linkCodeSchema),
    challenges: model('Challenge', challengeSchema),
    proposals: model('Proposal', proposalSchema),
    supports: model('Support', supportSchema),
    ballots: model('Ballot', ballotSchema),
    follows: model('Follow', followSchema),
    questions: model('Question', questionSchema),
    updates: model('ProjectUpdate', updateSchema),
    ratings: model('Rating', ratingSchema),
    faq: model('FaqEntry', faqSchema),
    conversations: model('Conversation', conversationSchema),
    processedUpdates: model('ProcessedUpdate', processedUpdateSchema),
    outbox: model('Notification', notificationSchema),
    fanoutJobs: model('FanoutJob', fanoutJobSchema),
    fanoutChunks: model('FanoutChunk', fanoutChunkSchema),
    audit: model('AuditEntry', auditSchema),
    auditHead: model('AuditHead', auditHeadSchema),
  };
}

/** All models, for the work done on every collection (creating them, their indexes, emptiness checks). */
export const allModels = (models: MongoModels): Model<unknown>[] => Object.values(models) as Model<unknown>[];
