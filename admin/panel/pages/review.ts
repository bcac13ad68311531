import type { Response } from 'express';
import { Router } from 'express';
import type { Challenge } from '../../../core/model/challenge';
import type { Proposal } from '../../../core/model/proposal';
import type { ReviewDecision } from '../../../core/usecases/proposals/review';
import { reviewProposal } from '../../../core/usecases/proposals/review';
import { domainStatus } from '../../http-errors';
import type { Panel } from '../context';
import { flash, staffOf } from '../context';
import { likelyDuplicates } from '../duplicates';
import type { FormValues } from '../form';
import { formValues, num, text } from '../form';
import { html } from '../html';
import { csrfField, sendMessage, sendPage } from '../layout';
import { badge, en, money, param } from '../view-helpers';

const REVIEWABLE = ['submitted', 'accepted', 'rejected'];

/** What the form asked for, or a sentence saying what is missing. */
function decisionOf(v: FormValues): ReviewDecision | string {
  const action = text(v, 'action');
  const note = text(v, 'note') || undefined;
  if (action === 'accept') return { action, note };
  if (action === 'reject') {
    const reason = text(v, 'reason');
    return reason ? { action, reason } : 'A rejection needs a reason the author will read.';
  }
  if (action === 'edit_cost') {
    const cost = num(v, 'cost');
    return cost === null || Number.isNaN(cost)
      ? 'Enter the corrected cost as a number.'
      : { action, cost, note };
  }
  return 'Choose accept, reject or edit cost.';
}

/** The proposal review queue of a challenge, with likely duplicates. */
export function reviewRouter(panel: Panel): Router {
  const r = Router();
  const { deps } = panel;

  async function render(
    res: Response,
    c: Challenge,
    status: number,
    error: string | null,
    entered: { id: string; values: FormValues } | null,
  ): Promise<void> {
    const all = await deps.store.proposals.listByChallenge(c.id);
    const supports = await deps.store.supports.countsByChallenge(c.id);
    const dupes = likelyDuplicates(all.filter((p) => p.status !== 'rejected'));
    const waiting = all.filter((p) => p.status === 'submitted');
    const reviewed = all.filter((p) => p.status !== 'submitted');
    const row = (p: Proposal) => {
      const v = entered?.id === p.id ? entered.values : {};
      const d = dupes.get(p.id);
      const can = REVIEWABLE.includes(p.status);
      return html`<article class="card proposal" id="p-${p.id}">
        <header>
          <h3>#${p.ref} ${en(p.title)}</h3>
          ${badge(p.status)}
        </header>
        <p>${en(p.description)}</p>
        <p class="meta">
          Cost ${money(p.cost, c.currency)} · ${supports.get(p.id) ?? 0}
          supports${p.category ? ` · ${p.category}` : ''}
          ${p.rejectionReason ? html` · rejected: “${p.rejectionReason}”` : ''}${p.officialNote ? html` · note: “${p.officialNote}”` : ''}
        </p>
        ${d ? html`<p class="warn">Likely duplicate of <a href="#p-${d.of.id}">#${d.of.ref} ${en(d.of.title)}</a> (similarity ${d.score.toFixed(2)})</p>` : ''}
        ${
          can
            ? html`<div class="actions">
                <form method="post" action="/admin/proposals/${p.id}/review">
                  ${csrfField(res)}<input type="hidden" name="action" value="accept" />
                  <input
                    name="note"
                    placeholder="Note (optional)"
                    value="${v.action === 'accept' ? v.note : ''}"
                    aria-label="Note for #${p.ref}"
                  /><button type="submit">Accept</button>
                </form>
                <form method="post" action="/admin/proposals/${p.id}/review">
                  ${csrfField(res)}<input type="hidden" name="action" value="reject" />
                  <input
                    name="reason"
                    placeholder="Reason (required)"
                    value="${v.action === 'reject' ? v.reason : ''}"
                    aria-label="Rejection reason for #${p.ref}"
                  /><button type="submit" class="danger">Reject</button>
                </form>
                <form method="post" action="/admin/proposals/${p.id}/review">
                  ${csrfField(res)}<input type="hidden" name="action" value="edit_cost" />
                  <input
                    name="cost"
                    type="number"
                    step="any"
                    min="0"
                    value="${v.action === 'edit_cost' ? v.cost : String(p.cost)}"
                    aria-label="Cost of #${p.ref}"
                  /><button type="submit" class="secondary">Set cost</button>
                </form>
              </div>`
            : ''
        }
      </article>`;
    };
    sendPage(res, status, {
      title: `Review: ${en(c.title)}`,
      active: 'challenges',
      error,
      body: html`<p><a href="/admin/challenges/${c.id}">← ${en(c.title)}</a></p>
        <h2>Waiting for review (${waiting.length})</h2>
        ${waiting.length ? waiting.map(row) : html`<p>Nothing waiting.</p>`}
        <h2>Reviewed (${reviewed.length})</h2>
        ${reviewed.map(row)}`,
    });
  }

  r.get('/challenges/:id/review', async (req, res) => {
    const c = await deps.store.challenges.get(param(req.params.id));
    if (!c) return sendMessage(res, 404, 'Not found', 'There is no such challenge.');
    await render(res, c, 200, null, null);
  });

  r.post('/proposals/:pid/review', async (req, res) => {
    const p = await deps.store.proposals.get(param(req.params.pid));
    const c = p && (await deps.store.challenges.get(p.challengeId));
    if (!p || !c) return sendMessage(res, 404, 'Not found', 'There is no such proposal.');
    const v = formValues(req);
    const decision = decisionOf(v);
    if (typeof decision === 'string')
      return render(res, c, 400, `#${p.ref}: ${decision}`, { id: p.id, values: v });
    const done = await reviewProposal(deps, p.id, staffOf(res).id, decision);
    if (!done.ok)
      return render(res, c, domainStatus(done.error), `#${p.ref}: ${done.error.message}`, {
        id: p.id,
        values: v,
      });
    const what = { accept: 'accepted', reject: 'rejected', edit_cost: 'cost updated' }[decision.action];
    flash(res, 'ok', `#${p.ref} ${en(p.title)}: ${what}; the author is notified.`);
    res.redirect(303, `/admin/challenges/${c.id}/review#p-${p.id}`);
  });

  return r;
}
