import type { OutboxMatch } from '../../../core/ports/outbox-store';
import type { Deps } from '../../../core/usecases/deps';
import type { Html } from '../html';
import { html } from '../html';

/** Outbox rows of one fan-out by state: "12 queued · 10 delivered · 2 waiting · 0 failed". */
export async function deliveryCounts(deps: Deps, match: OutboxMatch): Promise<Html> {
  const c = await deps.store.outbox.countByState(match);
  const total = c.pending + c.sent + c.dead;
  return html`<span class="delivery" data-total="${total}"
    ><strong>${total}</strong> queued · <strong>${c.sent}</strong> delivered ·
    <strong>${c.pending}</strong> waiting · <strong>${c.dead}</strong> failed</span
  >`;
}
