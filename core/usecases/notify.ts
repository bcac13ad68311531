import type { Notification, NotificationKind } from '../model/notification';
import { primaryIdentity } from '../model/citizen';
import type { Stores } from '../ports/store';
import type { Deps } from './deps';

/** Kinds a citizen receives even with notifications off: direct answers to their own action. */
const PERSONAL: readonly NotificationKind[] = ['proposal.reviewed', 'question.answered'];

/**
 * Writes one outbox row per reachable citizen, on the channel they used last. Call inside the
 * transaction of the change: the change and its notifications commit together.
 * Returns how many were enqueued.
 */
export async function notifyCitizens(
  tx: Stores,
  deps: Pick<Deps, 'clock' | 'ids'>,
  citizenIds: readonly string[],
  kind: NotificationKind,
  payload: Record<string, unknown>,
): Promise<number> {
  const now = deps.clock.now();
  const rows: Notification[] = [];
  for (const id of new Set(citizenIds)) {
    const c = await tx.citizens.get(id);
    if (!c || c.erasedAt) continue;
    if (!c.notifications && !PERSONAL.includes(kind)) continue;
    const to = primaryIdentity(c);
    if (!to) continue;
    rows.push({
      id: deps.ids.next('nt'),
      citizenId: c.id,
      channel: to.channel,
      externalId: to.externalId,
      kind,
      payload,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      leaseUntil: null,
      lastError: null,
      createdAt: now,
      sentAt: null,
    });
  }
  if (rows.length > 0) await tx.outbox.enqueue(rows);
  return rows.length;
}
