import type { NotificationKind } from '../model/notification';
import type { Stores } from '../ports/store';
import type { Deps } from './deps';
import { notifyCitizens } from './notify';

/** Up to this many recipients, rows are written with the change itself (atomic, immediate). */
export const INLINE_RECIPIENTS = 500;
/** Rows written per transaction when a job is expanded: short enough to keep webhooks flowing. */
export const FANOUT_CHUNK = 1000;
const LEASE_MS = 60_000;

/**
 * Notifies `recipients`: small audiences inline in the caller's transaction, large ones through a
 * fan-out job written in that same transaction (so it is never lost) and expanded later by
 * `expandFanout`. Returns the audience size.
 */
export async function notifyMany(
  tx: Stores,
  deps: Pick<Deps, 'clock' | 'ids'>,
  recipients: readonly string[],
  kind: NotificationKind,
  payload: Record<string, unknown>,
): Promise<number> {
  const unique = [...new Set(recipients)];
  if (unique.length <= INLINE_RECIPIENTS) return notifyCitizens(tx, deps, unique, kind, payload);
  await tx.fanout.create({
    id: deps.ids.next('fo'),
    kind,
    payload,
    recipients: unique,
    nextIndex: 0,
    leaseUntil: null,
    createdAt: deps.clock.now(),
    doneAt: null,
  });
  return unique.length;
}

/**
 * Expands one pending fan-out job into outbox rows, a chunk per transaction: each chunk's rows and
 * the job's progress commit together, so a crash neither loses nor duplicates a row. Returns the
 * number of rows written (0 when there was no job).
 */
export async function expandFanout(deps: Deps, chunk = FANOUT_CHUNK): Promise<number> {
  const now = deps.clock.now();
  const job = await deps.store.fanout.claim(now, new Date(now.getTime() + LEASE_MS));
  if (!job) return 0;
  let written = 0;
  for (let i = job.nextIndex; i < job.recipients.length; i += chunk) {
    const ids = job.recipients.slice(i, i + chunk);
    written += await deps.store.transaction(async (tx) => {
      const n = await notifyCitizens(tx, deps, ids, job.kind, job.payload);
      await tx.fanout.advance(job.id, i + ids.length, deps.clock.now());
      return n;
    });
    // Let webhooks and other requests use the store between chunks.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (job.recipients.length === 0) await deps.store.fanout.advance(job.id, 0, deps.clock.now());
  return written;
}
