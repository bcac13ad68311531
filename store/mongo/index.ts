export { MongoStore } from './mongo-store';
export type { MongoTransaction } from './mongo-store';
export type { MongoConnectOptions } from './connect';
export { MongoBulkLoader } from './bulk-loader';
export type { LinkCodeRow, ProcessedUpdateRow, SupportRow } from './bulk-loader';
