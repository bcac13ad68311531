import type { Stores } from '../../core/ports/store';
import type { SqliteConnection } from './connection';
import { SqliteAuditStore } from './sqlite-audit-store';
import { SqliteBallotStore } from './sqlite-ballot-store';
import { SqliteChallengeStore } from './sqlite-challenge-store';
import { SqliteCitizenStore } from './sqlite-citizen-store';
import { SqliteFaqStore } from './sqlite-faq-store';
import { SqliteConversationStore, SqliteProcessedUpdateStore } from './sqlite-conversation-store';
import { SqliteFanoutStore } from './sqlite-fanout-store';
import { SqliteFollowStore } from './sqlite-follow-store';
import { SqliteLinkCodeStore } from './sqlite-link-code-store';
import { SqliteOutboxStore } from './sqlite-outbox-store';
import { SqliteProposalStore } from './sqlite-proposal-store';
import { SqliteQuestionStore } from './sqlite-question-store';
import { SqliteRatingStore } from './sqlite-rating-store';
import { SqliteStaffStore } from './sqlite-staff-store';
import { SqliteSupportStore } from './sqlite-support-store';
import { SqliteUpdateStore } from './sqlite-update-store';

/** Every port on one connection, executing directly: callers decide about serialization. */
export function createPorts(conn: SqliteConnection): Stores {
  return {
    citizens: new SqliteCitizenStore(conn),
    linkCodes: new SqliteLinkCodeStore(conn),
    challenges: new SqliteChallengeStore(conn),
    proposals: new SqliteProposalStore(conn),
    supports: new SqliteSupportStore(conn),
    ballots: new SqliteBallotStore(conn),
    follows: new SqliteFollowStore(conn),
    questions: new SqliteQuestionStore(conn),
    updates: new SqliteUpdateStore(conn),
    ratings: new SqliteRatingStore(conn),
    outbox: new SqliteOutboxStore(conn),
    audit: new SqliteAuditStore(conn),
    staff: new SqliteStaffStore(conn),
    faq: new SqliteFaqStore(conn),
    conversations: new SqliteConversationStore(conn),
    processedUpdates: new SqliteProcessedUpdateStore(conn),
    fanout: new SqliteFanoutStore(conn),
  };
}
