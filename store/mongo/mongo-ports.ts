import type { Stores } from '../../core/ports/store';
import type { MongoContext } from './context';
import { MongoAuditStore } from './mongo-audit-store';
import { MongoBallotStore } from './mongo-ballot-store';
import { MongoChallengeStore } from './mongo-challenge-store';
import { MongoCitizenStore } from './mongo-citizen-store';
import { MongoConversationStore, MongoProcessedUpdateStore } from './mongo-conversation-store';
import { MongoFanoutStore } from './mongo-fanout-store';
import { MongoFaqStore } from './mongo-faq-store';
import { MongoFollowStore } from './mongo-follow-store';
import { MongoLinkCodeStore } from './mongo-link-code-store';
import { MongoOutboxStore } from './mongo-outbox-store';
import { MongoProposalStore } from './mongo-proposal-store';
import { MongoQuestionStore } from './mongo-question-store';
import { MongoRatingStore } from './mongo-rating-store';
import { MongoStaffStore } from './mongo-staff-store';
import { MongoSupportStore } from './mongo-support-store';
import { MongoUpdateStore } from './mongo-update-store';

/** Every port, all running in the context's session scope. */
export function createPorts(c: MongoContext): Stores {
  return {
    citizens: new MongoCitizenStore(c),
    linkCodes: new MongoLinkCodeStore(c),
    challenges: new MongoChallengeStore(c),
    proposals: new MongoProposalStore(c),
    supports: new MongoSupportStore(c),
    ballots: new MongoBallotStore(c),
    follows: new MongoFollowStore(c),
    questions: new MongoQuestionStore(c),
    updates: new MongoUpdateStore(c),
    ratings: new MongoRatingStore(c),
    outbox: new MongoOutboxStore(c),
    audit: new MongoAuditStore(c),
    staff: new MongoStaffStore(c),
    faq: new MongoFaqStore(c),
    conversations: new MongoConversationStore(c),
    processedUpdates: new MongoProcessedUpdateStore(c),
    fanout: new MongoFanoutStore(c),
  };
}
