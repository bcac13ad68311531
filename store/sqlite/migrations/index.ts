import { initialSchema } from './001-initial-schema';
import { faqEntries } from './002-faq';
import { conversations } from './003-conversations';
import { outboxOrder } from './004-outbox-order';
import { fanoutJobs } from './005-fanout-jobs';
import { phoneHashIndex } from './006-phone-hash-index';
import { ballotSalt } from './007-ballot-salt';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** Every migration, oldest first. To change the schema, add a file `NNN-what.ts` and append it here. */
export const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  faqEntries,
  conversations,
  outboxOrder,
  fanoutJobs,
  phoneHashIndex,
  ballotSalt,
];
