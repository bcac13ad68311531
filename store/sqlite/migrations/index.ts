import { initialSchema } from './001-initial-schema';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** Every migration, oldest first. To change the schema, add a file `NNN-what.ts` and append it here. */
export const MIGRATIONS: readonly Migration[] = [initialSchema];
