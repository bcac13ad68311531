import type { AuditStore } from './audit-store';
import type { BallotStore } from './ballot-store';
import type { ChallengeStore } from './challenge-store';
import type { ConversationStore, ProcessedUpdateStore } from './conversation-store';
import type { CitizenStore, LinkCodeStore } from './citizen-store';
import type { FaqStore } from './faq-store';
import type { FanoutStore } from './fanout-store';
import type { FollowStore } from './follow-store';
import type { OutboxStore } from './outbox-store';
import type { ProposalStore, SupportStore } from './proposal-store';
import type { QuestionStore } from './question-store';
import type { StaffStore } from './staff-store';
import type { RatingStore, UpdateStore } from './update-store';

/** Every store the use cases need, as seen inside or outside a transaction. */
export interface Stores {
  citizens: CitizenStore;
  linkCodes: LinkCodeStore;
  challenges: ChallengeStore;
  proposals: ProposalStore;
  supports: SupportStore;
  ballots: BallotStore;
  follows: FollowStore;
  questions: QuestionStore;
  updates: UpdateStore;
  ratings: RatingStore;
  outbox: OutboxStore;
  audit: AuditStore;
  staff: StaffStore;
  faq: FaqStore;
  conversations: ConversationStore;
  processedUpdates: ProcessedUpdateStore;
  fanout: FanoutStore;
}

/**
 * The persistence port. `transaction` runs `work` atomically and in isolation from every other
 * transaction of this store: all of its writes commit together or none do (ballot + audit entry +
 * outbox rows). Calls on `tx` inside `work` are part of it; a nested `transaction` call joins it.
 */
export interface Store extends Stores {
  transaction<T>(work: (tx: Stores) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Thrown by adapters when a uniqueness rule would be broken (an identity taken, a ref reused). */
export class StoreConflict extends Error {
  constructor(
    message: string,
    readonly constraint: string,
  ) {
    super(message);
    this.name = 'StoreConflict';
  }
}
