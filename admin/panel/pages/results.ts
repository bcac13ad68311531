import type { Response } from 'express';
import { Router } from 'express';
import type { Challenge } from '../../../core/model/challenge';
import type { OutcomeRule } from '../../../core/model/rules';
import type { ChallengeResults } from '../../../core/usecases/results/compute-results';
import { computeResults } from '../../../core/usecases/results/compute-results';
import { publishResults } from '../../../core/usecases/results/publish-results';
import { domainStatus } from '../../http-errors';
import type { Panel } from '../context';
import { flash, staffOf } from '../context';
import type { Html } from '../html';
import { html } from '../html';
import { csrfField, sendMessage, sendPage } from '../layout';
import { deliveryCounts } from './delivery';
import { en, money, param, when } from '../view-helpers';

const ruleName = (r: OutcomeRule): string =>
  r.method === 'greedy' ? 'Greedy' : `Equal Shares (completion: ${r.completion})`;

/** Both rules' outcomes in one table: a row per project, a column per rule. */
function sideBySide(c: Challenge, greedy: ChallengeResults, mes: ChallengeResults): Html {
  const mesById = new Map(mes.projects.map((p) => [p.proposalId, p]));
  const cell = (rank: number | null) =>
    rank === null ? html`<td class="no">—</td>` : html`<td class="yes">✓ <small>#${rank}</small></td>`;
  return html`<table class="results">
    <thead>
      <tr>
        <th>Project</th>
        <th class="num">Cost</th>
        <th class="num">Votes</th>
        <th>${ruleName(greedy.rule)}</th>
        <th>${ruleName(mes.rule)}</th>
      </tr>
    </thead>
    <tbody>
      ${greedy.projects.map(
        (p) =>
          html`<tr>
            <td>#${p.ref} ${en(p.title)}</td>
            <td class="num">${money(p.cost, c.currency)}</td>
            <td class="num">${p.votes}</td>
            ${cell(p.rank)}${cell(mesById.get(p.proposalId)?.rank ?? null)}
          </tr>`,
      )}
    </tbody>
    <tfoot>
      <tr>
        <th colspan="3">Spent of ${money(c.budget, c.currency)} (${greedy.voters} voters)</th>
        <td>${money(greedy.totalCost, c.currency)}</td>
        <td>${money(mes.totalCost, c.currency)}</td>
      </tr>
    </tfoot>
  </table>`;
}

/** Results of a challenge under greedy and Equal Shares, and publication. */
export function resultsRouter(panel: Panel): Router {
  const r = Router();
  const { deps } = panel;

  async function render(res: Response, c: Challenge, status: number, error: string | null): Promise<void> {
    const mesRule: OutcomeRule =
      c.outcomeRule.method === 'equal-shares'
        ? c.outcomeRule
        : { method: 'equal-shares', completion: 'add1' };
    const [greedy, mes] = await Promise.all([
      computeResults(deps.store, c.id, { method: 'greedy' }),
      computeResults(deps.store, c.id, mesRule),
    ]);
    let table: Html;
    if (!greedy.ok) table = html`<p class="flash error">${greedy.error.message}</p>`;
    else if (!mes.ok) table = html`<p class="flash error">${mes.error.message}</p>`;
    else table = sideBySide(c, greedy.value.results, mes.value.results);
    const counts = c.resultsPublishedAt
      ? await deliveryCounts(deps, { kind: 'results.published', payload: { challengeId: c.id } })
      : null;
    sendPage(res, status, {
      title: `Results: ${en(c.title)}`,
      active: 'challenges',
      error,
      body: html`<p><a href="/admin/challenges/${c.id}">← ${en(c.title)}</a></p>
        <p>
          The challenge counts with <strong>${ruleName(c.outcomeRule)}</strong>; publishing uses that rule.
        </p>
        ${table}
        ${
          c.resultsPublishedAt
            ? html`<section class="card">
                <p>Published ${when(c.resultsPublishedAt)}. Voters and followers notified: ${counts}</p>
                <p>
                  <a href="/api/v1/challenges/${c.id}/results">Public results (JSON)</a> ·
                  <a href="/api/v1/challenges/${c.id}/results.pb">.pb file</a>
                </p>
              </section>`
            : html`<form
                method="post"
                action="/admin/challenges/${c.id}/results/publish"
                class="card"
                data-confirm="Publish the results? This is final."
              >
                ${csrfField(res)}
                <p>
                  Publishing is final: projects become selected or not selected, the audit chain records the
                  outcome, and every voter and follower is notified.
                </p>
                <button type="submit">Publish results</button>
              </form>`
        }`,
    });
  }

  r.get('/challenges/:id/results', async (req, res) => {
    const c = await deps.store.challenges.get(param(req.params.id));
    if (!c) return sendMessage(res, 404, 'Not found', 'There is no such challenge.');
    await render(res, c, 200, null);
  });

  r.post('/challenges/:id/results/publish', async (req, res) => {
    const id = param(req.params.id);
    const published = await publishResults(deps, id, staffOf(res).id);
    if (!published.ok) {
      const c = await deps.store.challenges.get(id);
      if (!c) return sendMessage(res, 404, 'Not found', 'There is no such challenge.');
      return render(res, c, domainStatus(published.error), published.error.message);
    }
    panel.log.info({ challengeId: id, staffId: staffOf(res).id }, 'results published');
    const n = published.value.selected.length;
    flash(res, 'ok', `Results published: ${n} ${n === 1 ? 'project' : 'projects'} selected.`);
    res.redirect(303, `/admin/challenges/${id}/results`);
  });

  return r;
}
