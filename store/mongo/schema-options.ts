/**
 * Options shared by every Agora schema. The documents mirror the domain types exactly, so mongoose's
 * conveniences that would add to or drop from them are switched off.
 */
export const SCHEMA_OPTIONS = {
  // No `__v`: concurrency is handled by transactions and unique indexes, not optimistic versions.
  versionKey: false,
  // Keep empty objects (`meta: {}`, a conversation's `data: {}`): they must come back as they went in.
  minimize: false,
  // No `id` virtual: `_id` already is the domain id.
  id: false,
  // A field the schema does not know is a mapping slip: fail loudly, as SQLite's STRICT tables do.
  strict: 'throw',
  // Collections and indexes are created by MongoStore.open, awaited, never lazily behind a request
  // (and transactions cannot create collections on every server version).
  autoIndex: false,
  autoCreate: false,
  // Fail at once when not connected rather than queueing operations until a connection appears.
  bufferCommands: false,
} as const;

/** Options for embedded sub-documents: no `_id` of their own (a milestone or choice is a value). */
export const SUBDOCUMENT_OPTIONS = { _id: false, id: false, minimize: false, strict: 'throw' } as const;
