export { SqliteStore } from './sqlite-store';
export type { SqliteTransaction } from './sqlite-store';
