/**
 * Insertion order for documents whose lists break time ties by "the one written first" (SQLite's
 * rowid). MongoDB has no rowid, and a shared counter document would make every insert of every
 * instance contend on one document, so each store numbers its own inserts: microseconds of the
 * wall clock, bumped by one when two inserts fall in the same microsecond. Strictly increasing
 * within a process; across instances, ties follow the clock, which is as much order as concurrent
 * writers on different machines have. Safe as a double until the year 2255.
 */
export class InsertionOrder {
  private last = 0;

  constructor(private readonly nowMs: () => number = Date.now) {}

  next(): number {
    this.last = Math.max(this.nowMs() * 1000, this.last + 1);
    return this.last;
  }
}
