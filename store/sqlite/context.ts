import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqliteConnection } from './connection';

/** Marks the async flow of one open transaction; `open` turns false when it commits or rolls back. */
interface TransactionScope {
  open: boolean;
}

/**
 * Serializes all work on one connection. better-sqlite3 is synchronous but the ports are async and
 * a transaction awaits between statements, so without a queue another caller could slip its
 * statements into our open transaction (and read or commit our uncommitted writes).
 *
 * - `exclusive(fn)` runs a top-level call once everything queued before it has finished.
 * - `transaction(work)` holds the queue for its whole length: BEGIN IMMEDIATE, work, COMMIT or ROLLBACK.
 * - A call made from inside an open transaction (same async flow, tracked with AsyncLocalStorage)
 *   joins it instead of queueing behind it, which would deadlock.
 */
export class TransactionGate {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly scope = new AsyncLocalStorage<TransactionScope>();

  constructor(private readonly conn: SqliteConnection) {}

  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.joined()) return fn();
    const turn = this.tail.then(fn);
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.joined()) return work();
    return this.exclusive(async () => {
      await this.conn.beginImmediate();
      const scope: TransactionScope = { open: true };
      try {
        const result = await this.scope.run(scope, work);
        scope.open = false;
        this.conn.commit();
        return result;
      } catch (error) {
        scope.open = false;
        this.conn.rollback();
        throw error;
      }
    });
  }

  private joined(): boolean {
    return this.scope.getStore()?.open === true;
  }
}

type AsyncMethod = (...args: unknown[]) => Promise<unknown>;

/**
 * A copy of `port` whose every method waits its turn on the gate. The single wrapper used for all
 * ports, so no method needs its own locking code.
 */
export function gated<T extends object>(port: T, gate: TransactionGate): T {
  const wrapped: Record<string, AsyncMethod> = {};
  for (const name of methodNames(port)) {
    const method = (port as Record<string, AsyncMethod>)[name];
    if (method) wrapped[name] = (...args) => gate.exclusive(() => method.apply(port, args));
  }
  return wrapped as T;
}

function methodNames(object: object): string[] {
  const names = new Set<string>();
  for (let proto = Object.getPrototypeOf(object); proto && proto !== Object.prototype;) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name !== 'constructor' && typeof proto[name] === 'function') names.add(name);
    }
    proto = Object.getPrototypeOf(proto);
  }
  return [...names];
}
