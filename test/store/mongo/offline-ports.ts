import type { Stores } from '../../../core/ports/store';
import { InsertionOrder } from '../../../store/mongo/insertion-order';
import { createPorts } from '../../../store/mongo/mongo-ports';
import { MongoTransactions } from '../../../store/mongo/transactions';
import { FakeSessions } from './fake-sessions';
import { offlineModels } from './offline-models';
import { RecordingCollections } from './recording-collections';

/** The store's ports over recording collections and fake sessions: no server, nothing evaluated. */
export function offlinePorts(): {
  ports: Stores;
  db: RecordingCollections;
  sessions: FakeSessions;
  transactions: MongoTransactions;
  close: () => Promise<void>;
} {
  const { conn, models } = offlineModels();
  const db = new RecordingCollections(models);
  const sessions = new FakeSessions();
  const transactions = new MongoTransactions(sessions);
  const ports = createPorts({ models, scope: transactions.ambient(), order: new InsertionOrder() });
  return { ports, db, sessions, transactions, close: () => conn.close() };
}
