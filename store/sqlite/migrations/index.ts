import { initialSchema } from './001-initial-schema';
import { conversations } from './003-conversations';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** Every migration, oldest first. To change the schema, add a file `NNN-what.ts` and append it here. */
// Version 2 is the FAQ's (nlu/faq), which lands separately; keep the array in version order.
export const MIGRATIONS: readonly Migration[] = [initialSchema, conversations];
