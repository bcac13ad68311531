import type { Response } from 'express';
import { Router } from 'express';
import type { Challenge } from '../../../core/model/challenge';
import { phaseOf } from '../../../core/model/challenge';
import { PHASES } from '../../../core/model/phase';
import type { Phase } from '../../../core/model/phase';
import { sameRules } from '../../../core/usecases/challenges/challenge-input';
import type { ChallengeInput } from '../../../core/usecases/challenges/challenge-input';
import { createChallenge, forcePhase, updateChallenge } from '../../../core/usecases/challenges/manage';
import { domainStatus } from '../../http-errors';
import { requireAdmin } from '../auth';
import { challengeToForm, newChallengeForm, parseChallengeForm } from '../challenge-form';
import type { Panel } from '../context';
import { flash, staffOf } from '../context';
import type { FormValues } from '../form';
import { formValues, select, text } from '../form';
import { html } from '../html';
import { csrfField, sendMessage, sendPage } from '../layout';
import { badge, en, money, param, when } from '../view-helpers';
import { challengeFormView } from './challenge-form-view';

/** Budget, rules, dates or verification differ: the parts only an administrator may change. */
const adminPartsChanged = (c: Challenge, i: ChallengeInput): boolean =>
  c.budget !== i.budget ||
  c.currency !== i.currency ||
  !sameRules(c.ballotRule, i.ballotRule) ||
  !sameRules(c.outcomeRule, i.outcomeRule) ||
  (i.minVerification ?? c.minVerification) !== c.minVerification ||
  JSON.stringify(c.schedule) !== JSON.stringify(i.schedule);

/** Challenges: list, create (admin), view and edit, force a phase (admin). */
export function challengesRouter(panel: Panel): Router {
  const r = Router();
  const { deps } = panel;

  r.get('/challenges', async (_req, res) => {
    const now = deps.clock.now();
    const list = await deps.store.challenges.list();
    const rows = await Promise.all(
      list.map(async (c) => {
        const [ballots, proposals] = await Promise.all([
          deps.store.ballots.countByChallenge(c.id),
          deps.store.proposals.listByChallenge(c.id),
        ]);
        const waiting = proposals.filter((p) => p.status === 'submitted').length;
        return html`<tr>
          <td><a href="/admin/challenges/${c.id}">${en(c.title)}</a></td>
          <td>${c.domain}</td>
          <td>${badge(phaseOf(c, now))}</td>
          <td class="num">${money(c.budget, c.currency)}</td>
          <td class="num">
            ${proposals.length}${waiting ? html` <small>(${waiting} to review)</small>` : ''}
          </td>
          <td class="num">${ballots}</td>
        </tr>`;
      }),
    );
    const admin = staffOf(res).role === 'admin';
    sendPage(res, 200, {
      title: 'Challenges',
      active: 'challenges',
      body: html`${admin ? html`<p><a class="button" href="/admin/challenges/new">New challenge</a></p>` : ''}
      ${
        list.length === 0
          ? html`<p>No challenges yet.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>Title</th>
                  <th>Domain</th>
                  <th>Phase</th>
                  <th class="num">Budget</th>
                  <th class="num">Proposals</th>
                  <th class="num">Ballots</th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>`
      }`,
    });
  });

  const renderNew = (res: Response, status: number, values: FormValues, error: string | null) =>
    sendPage(res, status, {
      title: 'New challenge',
      active: 'challenges',
      error,
      body: challengeFormView(res, {
        values,
        action: '/admin/challenges',
        rulesLocked: false,
        adminFieldsDisabled: false,
        submitLabel: 'Create challenge',
      }),
    });

  r.get('/challenges/new', requireAdmin, (_req, res) => renderNew(res, 200, newChallengeForm(), null));

  r.post('/challenges', requireAdmin, async (req, res) => {
    const v = formValues(req);
    const parsed = parseChallengeForm(v, null);
    if (!parsed.ok) return renderNew(res, 400, v, parsed.problem);
    const created = await createChallenge(deps, parsed.value);
    if (!created.ok) return renderNew(res, domainStatus(created.error), v, created.error.message);
    flash(res, 'ok', `Challenge “${en(created.value.title)}” created.`);
    res.redirect(303, `/admin/challenges/${created.value.id}`);
  });

  async function renderChallenge(
    res: Response,
    c: Challenge,
    status: number,
    values: FormValues,
    error: string | null,
  ): Promise<void> {
    const now = deps.clock.now();
    const staff = staffOf(res);
    const ballots = await deps.store.ballots.countByChallenge(c.id);
    const base = `/admin/challenges/${c.id}`;
    const phaseForm =
      staff.role === 'admin'
        ? html`<form method="post" action="${base}/phase" class="inline">
            ${csrfField(res)}
            ${select('phase', 'Force phase', c.forcedPhase ?? '', [['', '(follow the dates)'], ...PHASES.map((p) => [p, p] as const)])}
            <button type="submit">Apply</button>
          </form>`
        : '';
    sendPage(res, status, {
      title: en(c.title),
      active: 'challenges',
      error,
      body: html`<section class="card summary">
          <p>
            Phase ${badge(phaseOf(c, now))}${c.forcedPhase ? html` <small>(forced)</small>` : ''} ·
            ${money(c.budget, c.currency)} · ${ballots} ballots · results
            ${c.resultsPublishedAt ? `published ${when(c.resultsPublishedAt)}` : 'not published'}
          </p>
          <nav class="subnav">
            <a href="${base}/review">Review proposals</a><a href="${base}/results">Results</a>
            <a href="${base}/projects">Implementation</a><a href="${base}/announce">Announce</a>
            <a href="/admin/faq?challenge=${c.id}">FAQ</a>
            <a href="${base}/export?format=pb">Export .pb</a><a href="${base}/export?format=csv">CSV</a
            ><a href="${base}/export?format=json">JSON</a>
          </nav>
          ${phaseForm}
        </section>
        <h2>Edit</h2>
        ${challengeFormView(res, {
          values,
          action: base,
          rulesLocked: ballots > 0,
          adminFieldsDisabled: staff.role !== 'admin',
          submitLabel: 'Save changes',
        })}`,
    });
  }

  r.get('/challenges/:id', async (req, res) => {
    const c = await deps.store.challenges.get(param(req.params.id));
    if (!c) return sendMessage(res, 404, 'Not found', 'There is no such challenge.');
    await renderChallenge(res, c, 200, challengeToForm(c), null);
  });

  r.post('/challenges/:id', async (req, res) => {
    const c = await deps.store.challenges.get(param(req.params.id));
    if (!c) return sendMessage(res, 404, 'Not found', 'There is no such challenge.');
    const v = formValues(req);
    const parsed = parseChallengeForm(v, c);
    if (!parsed.ok) return renderChallenge(res, c, 400, { ...challengeToForm(c), ...v }, parsed.problem);
    if (staffOf(res).role !== 'admin' && adminPartsChanged(c, parsed.value))
      return sendMessage(
        res,
        403,
        'Administrators only',
        'Only an administrator can change budgets, rules and dates.',
      );
    const saved = await updateChallenge(deps, c.id, parsed.value);
    if (!saved.ok)
      return renderChallenge(
        res,
        c,
        domainStatus(saved.error),
        { ...challengeToForm(c), ...v },
        saved.error.message,
      );
    flash(res, 'ok', 'Challenge saved.');
    res.redirect(303, `/admin/challenges/${c.id}`);
  });

  r.post('/challenges/:id/phase', requireAdmin, async (req, res) => {
    const id = param(req.params.id);
    const phase = text(formValues(req), 'phase');
    if (phase !== '' && !(PHASES as readonly string[]).includes(phase))
      return sendMessage(res, 400, 'Unknown phase', `“${phase}” is not a phase.`);
    const done = await forcePhase(deps, id, phase === '' ? null : (phase as Phase), staffOf(res).id);
    if (!done.ok) return sendMessage(res, domainStatus(done.error), 'Not changed', done.error.message);
    flash(res, 'ok', phase ? `Phase forced to ${phase}.` : 'The phase follows the dates again.');
    res.redirect(303, `/admin/challenges/${id}`);
  });

  return r;
}
