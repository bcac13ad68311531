import { auditStoreContract } from './audit-store';
import { ballotStoreContract } from './ballot-store';
import { challengeStoreContract } from './challenge-store';
import { citizenStoreContract } from './citizen-store';
import { conversationStoreContract } from './conversation-store';
import { fanoutStoreContract } from './fanout-store';
import { erasureContract } from './erasure';
import { faqStoreContract } from './faq-contract';
import { followStoreContract } from './follow-store';
import type { StoreFactory } from './harness';
import { outboxStoreContract } from './outbox-store';
import { proposalStoreContract } from './proposal-store';
import { questionStoreContract } from './question-store';
import { staffStoreContract } from './staff-store';
import { supportStoreContract } from './support-store';
import { transactionContract } from './transaction';
import { updateStoreContract } from './update-store';

export type { StoreFactory } from './harness';

/**
 * The behaviour every Store adapter must show, through the port interfaces only. `makeStore` must
 * return a new, empty store on each call; the suite closes it after each test.
 */
export function storeContract(name: string, makeStore: StoreFactory): void {
  describe(`${name} store contract`, () => {
    citizenStoreContract(makeStore);
    challengeStoreContract(makeStore);
    proposalStoreContract(makeStore);
    supportStoreContract(makeStore);
    ballotStoreContract(makeStore);
    followStoreContract(makeStore);
    questionStoreContract(makeStore);
    updateStoreContract(makeStore);
    outboxStoreContract(makeStore);
    auditStoreContract(makeStore);
    staffStoreContract(makeStore);
    faqStoreContract(makeStore);
    conversationStoreContract(makeStore);
    fanoutStoreContract(makeStore);
    transactionContract(makeStore);
    erasureContract(makeStore);
  });
}
