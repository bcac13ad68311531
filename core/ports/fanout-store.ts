import type { FanoutJob } from '../model/fanout';

export interface FanoutStore {
  create(job: FanoutJob): Promise<void>;
  /** Leases the oldest unfinished job whose lease is free at `now`; null when there is none. */
  claim(now: Date, leaseUntil: Date): Promise<FanoutJob | null>;
  /** Records progress (call in the transaction that wrote the rows); done once all are written. */
  advance(id: string, nextIndex: number, at: Date): Promise<void>;
  get(id: string): Promise<FanoutJob | null>;
  /** Unfinished jobs (for monitoring and tests). */
  countPending(): Promise<number>;
}
