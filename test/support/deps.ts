import type { Clock } from '../../core/shared/clock';
import { randomIds } from '../../core/shared/ids';
import type { Deps } from '../../core/usecases/deps';
import { SqliteStore } from '../../store/sqlite/sqlite-store';

/** A clock tests move by hand. */
export class TestClock implements Clock {
  constructor(private t: Date = new Date('2026-03-02T10:00:00Z')) {}
  now(): Date {
    return new Date(this.t);
  }
  set(d: Date): void {
    this.t = new Date(d);
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export type TestDeps = Deps & { clock: TestClock };

/** Use-case dependencies on a fresh in-memory SQLite store (fast, and the real adapter). */
export async function makeDeps(now?: Date): Promise<TestDeps> {
  return { store: await SqliteStore.open(':memory:'), clock: new TestClock(now), ids: randomIds };
}
