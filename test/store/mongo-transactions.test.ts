import { StoreConflict } from '../../core/ports/store';
import { databaseNameOf } from '../../store/mongo/connect';
import { asStoreConflict, guarded, isDuplicateKey, isTransient } from '../../store/mongo/errors';
import { InsertionOrder } from '../../store/mongo/insertion-order';
import { outboxMatch } from '../../store/mongo/mongo-outbox-store';
import type { Attempt } from '../../store/mongo/transactions';
import { MongoTransactions, TRANSACTION_OPTIONS, attemptScope } from '../../store/mongo/transactions';
import { deferred, settle } from './contract/harness';
import { FakeSessions, transientError } from './mongo/fake-sessions';

describe('MongoTransactions (fake sessions, no server)', () => {
  it('runs work in a snapshot/majority transaction and ends the session', async () => {
    const sessions = new FakeSessions();
    const txs = new MongoTransactions(sessions);
    expect(await txs.run(async () => 'done')).toBe('done');
    const [session] = sessions.started;
    expect(session).toMatchObject({
      attempts: 1,
      committed: true,
      ended: true,
      options: TRANSACTION_OPTIONS,
    });
    expect(TRANSACTION_OPTIONS).toMatchObject({
      readConcern: { level: 'snapshot' },
      writeConcern: { w: 'majority' },
    });
  });

  it('lets the ambient scope see the open transaction only inside the work', async () => {
    const sessions = new FakeSessions();
    const txs = new MongoTransactions(sessions);
    const ambient = txs.ambient();
    expect(ambient.session()).toBeUndefined();
    await txs.run(async (attempt) => {
      expect(ambient.session()).toBe(attempt.session);
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect(ambient.session()).toBe(attempt.session);
    });
    expect(ambient.session()).toBeUndefined();
  });

  it('joins a nested run and an ambient atomic call instead of starting another transaction', async () => {
    const sessions = new FakeSessions();
    const txs = new MongoTransactions(sessions);
    await txs.run(async (outer) => {
      await txs.run(async (inner) => expect(inner).toBe(outer));
      await txs.ambient().atomic(async (session) => expect(session).toBe(outer.session));
    });
    expect(sessions.started).toHaveLength(1);
  });

  it('starts a transaction of its own for an atomic call made outside any', async () => {
    const sessions = new FakeSessions();
    const txs = new MongoTransactions(sessions);
    await txs.ambient().atomic(async (session) => expect(session).toBe(sessions.started[0]));
    expect(sessions.started).toHaveLength(1);
  });

  it('keeps concurrent transactions apart', async () => {
    const sessions = new FakeSessions();
    const txs = new MongoTransactions(sessions);
    const gate = deferred();
    const seen: unknown[] = [];
    const a = txs.run(async (attempt) => {
      await gate.promise;
      seen.push(txs.ambient().session() === attempt.session);
    });
    const b = txs.run(async (attempt) => {
      gate.resolve();
      seen.push(txs.ambient().session() === attempt.session);
    });
    await Promise.all([a, b]);
    expect(sessions.started).toHaveLength(2);
    expect(seen).toEqual([true, true]);
  });

  it('runs the work again after a transient error, each run with a fresh, closed-after attempt', async () => {
    const sessions = new FakeSessions();
    const txs = new MongoTransactions(sessions);
    const attempts: Attempt[] = [];
    const result = await txs.run(async (attempt) => {
      attempts.push(attempt);
      if (attempts.length < 3) throw transientError();
      expect(txs.ambient().session()).toBe(attempt.session);
      return attempts.length;
    });
    expect(result).toBe(3);
    expect(sessions.started).toHaveLength(1);
    expect(attempts.map((a) => a.open)).toEqual([false, false, false]);
  });

  it('rethrows what the work throws, and ends the session', async () => {
    const sessions = new FakeSessions();
    const txs = new MongoTransactions(sessions);
    const failure = new StoreConflict('taken', 'identity');
    expect(await settle(txs.run(async () => Promise.reject(failure)))).toEqual({ ok: false, error: failure });
    expect(sessions.started[0]).toMatchObject({ attempts: 1, committed: false, ended: true });
  });

  it('refuses a tx used after its work has ended', async () => {
    const txs = new MongoTransactions(new FakeSessions());
    let kept: Attempt | null = null;
    await txs.run(async (attempt) => {
      kept = attempt;
      expect(attemptScope(attempt).session()).toBe(attempt.session);
    });
    const scope = attemptScope(kept!);
    expect(() => scope.session()).toThrow(/transaction has ended/);
    await expect(scope.atomic(async () => 1)).rejects.toThrow(/transaction has ended/);
  });
});

describe('Mongo errors', () => {
  const duplicate = (message: string, labels: string[] = []) =>
    Object.assign(new Error(message), { code: 11000, hasErrorLabel: (l: string) => labels.includes(l) });

  it('names the constraint of a duplicate key as the SQLite store does', () => {
    const receipt = duplicate(
      'E11000 duplicate key error collection: agora.ballots index: ballot_receipt_unique dup key: { receipt: "X" }',
    );
    const conflict = asStoreConflict(receipt);
    expect(conflict).toBeInstanceOf(StoreConflict);
    expect(conflict?.constraint).toBe('ballot.receipt');
    expect(conflict?.cause).toBe(receipt);
    const id = duplicate(
      'E11000 duplicate key error collection: agora.citizens index: _id_ dup key: { _id: "ci_1" }',
    );
    expect(asStoreConflict(id)?.constraint).toBe('citizens.id');
    const identity = duplicate(
      'E11000 duplicate key error collection: my.db.identities index: identity_unique dup key: { channel: "telegram" }',
    );
    expect(asStoreConflict(identity)?.constraint).toBe('identity');
  });

  it('leaves transient errors and other errors alone', () => {
    expect(asStoreConflict(duplicate('E11000 ...', ['TransientTransactionError']))).toBeNull();
    expect(asStoreConflict(new Error('network'))).toBeNull();
    expect(asStoreConflict(null)).toBeNull();
    expect(isTransient(transientError())).toBe(true);
    expect(isDuplicateKey({ code: 11000 })).toBe(true);
    expect(isDuplicateKey('E11000')).toBe(false);
  });

  it('turns duplicate keys into StoreConflict and lets the rest through', async () => {
    await expect(
      guarded(() =>
        Promise.reject(
          duplicate('E11000 duplicate key error collection: a.staff index: staff_email_unique dup key'),
        ),
      ),
    ).rejects.toMatchObject({ name: 'StoreConflict', constraint: 'staff.email' });
    const other = new Error('boom');
    await expect(guarded(() => Promise.reject(other))).rejects.toBe(other);
  });
});

describe('Mongo store helpers', () => {
  it('numbers inserts strictly increasing, whatever the clock does', () => {
    let now = 1_000;
    const order = new InsertionOrder(() => now);
    const a = order.next();
    const b = order.next();
    now = 900; // the clock stepped back (NTP)
    const c = order.next();
    now = 2_000;
    const d = order.next();
    expect([a, b, c, d]).toEqual([1_000_000, 1_000_001, 1_000_002, 2_000_000]);
    expect(Number.isSafeInteger(new InsertionOrder().next())).toBe(true);
  });

  it('reads the database name from a URI, hosts and options aside', () => {
    expect(databaseNameOf('mongodb://mongo:27017/agora?replicaSet=rs0')).toBe('agora');
    expect(databaseNameOf('mongodb://a:1,b:2,c:3/town%2Dhall?w=majority')).toBe('town-hall');
    expect(databaseNameOf('mongodb+srv://user:pw@cluster.example.net/region')).toBe('region');
    expect(databaseNameOf('mongodb://localhost:27017')).toBeNull();
    expect(databaseNameOf('mongodb://localhost:27017/?replicaSet=rs0')).toBeNull();
  });

  it('matches outbox payload values exactly and refuses keys that are not identifiers', () => {
    expect(outboxMatch({})).toEqual({});
    expect(outboxMatch({ kind: 'project.update', payload: { updateId: 'up_1', n: 3 } })).toEqual({
      kind: 'project.update',
      $expr: {
        $and: [
          { $eq: ['$payload.updateId', { $literal: 'up_1' }] },
          { $eq: ['$payload.n', { $literal: 3 }] },
        ],
      },
    });
    expect(() => outboxMatch({ payload: { 'a.b': 1 } })).toThrow(/identifier/);
    expect(() => outboxMatch({ payload: { $where: 1 } })).toThrow(/identifier/);
  });
});
