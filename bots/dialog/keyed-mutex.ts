/**
 * Runs tasks with the same key one after another, tasks with different keys concurrently. Two quick
 * taps of one citizen must not both read the same ballot draft and lose one of the taps.
 * Per process: across instances, the store's transactions keep the data right.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    const next = prev.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}
