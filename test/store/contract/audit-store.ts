import type { AuditEntry } from '../../../core/model/audit';
import { StoreConflict } from '../../../core/ports/store';
import { anAuditEntry, anAuditEntryAfter } from '../../builders';
import type { StoreFactory } from './harness';
import { freshStore, range, settle } from './harness';

export function auditStoreContract(makeStore: StoreFactory): void {
  describe('AuditStore', () => {
    const store = freshStore(makeStore);

    async function chain(
      length: number,
      ref: (seq: number) => string | null = () => null,
    ): Promise<AuditEntry[]> {
      const entries: AuditEntry[] = [];
      for (let i = 0; i < length; i++) {
        const previous = entries[i - 1];
        const overrides = {
          ref: ref(i + 1),
          type: 'ballot.cast' as const,
          data: { receipt: ref(i + 1), n: i },
        };
        const entry = previous ? anAuditEntryAfter(previous, overrides) : anAuditEntry(overrides);
        await store().audit.append(entry);
        entries.push(entry);
      }
      return entries;
    }

    it('starts empty and appends from seq 1, head being the last entry', async () => {
      expect(await store().audit.head()).toBeNull();
      const entries = await chain(3);
      expect(await store().audit.head()).toStrictEqual(entries[2]);
    });

    it('lists entries from a seq, in order, at most `limit`', async () => {
      const entries = await chain(5);
      expect(await store().audit.list(2, 2)).toStrictEqual(entries.slice(1, 3));
      expect(await store().audit.list(4, 100)).toStrictEqual(entries.slice(3));
      expect(await store().audit.list(1, 0)).toEqual([]);
      expect(await store().audit.list(6, 10)).toEqual([]);
    });

    it('finds entries by lookup key, in order', async () => {
      const entries = await chain(4, (seq) => (seq % 2 === 0 ? 'RCPT-EVEN' : `RCPT-${seq}`));
      expect(await store().audit.findByRef('RCPT-EVEN')).toStrictEqual([entries[1], entries[3]]);
      expect(await store().audit.findByRef('RCPT-NONE')).toEqual([]);
    });

    it('refuses a duplicate or out-of-order seq, leaving the chain as it was', async () => {
      const entries = await chain(2);
      const head = entries[1]!;
      await expect(
        store().audit.append({ ...anAuditEntryAfter(entries[0]!), data: { fork: true } }),
      ).rejects.toBeInstanceOf(StoreConflict);
      await expect(store().audit.append(anAuditEntry({ seq: head.seq + 2 }))).rejects.toBeInstanceOf(
        StoreConflict,
      );
      expect(await store().audit.list(1, 10)).toStrictEqual(entries);
    });

    it('refuses a first entry with a seq other than 1', async () => {
      await expect(store().audit.append(anAuditEntry({ seq: 2 }))).rejects.toBeInstanceOf(StoreConflict);
    });

    it('lets exactly one of many simultaneous appends of the same seq win', async () => {
      const outcomes = await Promise.all(
        range(10).map((n) => settle(store().audit.append(anAuditEntry({ data: { n } })))),
      );
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expect(await store().audit.list(1, 10)).toHaveLength(1);
    });
  });
}
