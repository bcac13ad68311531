import type { Response } from 'express';
import { Router } from 'express';
import type { Challenge } from '../../../core/model/challenge';
import type { Milestone, Proposal, ProposalStatus } from '../../../core/model/proposal';
import { TRANSITIONS } from '../../../core/model/proposal';
import { postUpdate, setMilestones } from '../../../core/usecases/proposals/implementation';
import { domainStatus } from '../../http-errors';
import type { Panel } from '../context';
import { flash, staffOf } from '../context';
import type { FormValues } from '../form';
import { checkbox, formValues, input, num, select, text, textarea } from '../form';
import { html, safeUrl } from '../html';
import { csrfField, sendMessage, sendPage } from '../layout';
import { badge, en, money, param, when } from '../view-helpers';
import { deliveryCounts } from './delivery';

const IMPLEMENTATION: readonly ProposalStatus[] = [
  'selected',
  'in_progress',
  'completed',
  'cancelled',
  'not_selected',
];
const NEW_MILESTONE_ROWS = 3;

const progressBar = (p: number) =>
  html`<progress max="100" value="${p}" aria-label="progress">${p}%</progress> ${p}%`;

/** Milestones from rows m0_title, m0_due, m0_done ...; a row without a title is dropped. */
function milestonesOf(v: FormValues): Milestone[] | string {
  const out: Milestone[] = [];
  for (let i = 0; i < 100; i++) {
    if (!(`m${i}_title` in v)) break;
    const title = text(v, `m${i}_title`);
    const due = text(v, `m${i}_due`);
    if (!title) continue;
    const d = due ? new Date(`${due}T00:00:00Z`) : null;
    if (d && Number.isNaN(d.getTime())) return `milestone “${title}”: the due date is not a date`;
    out.push({ title, due: d, done: v[`m${i}_done`] === 'on' });
  }
  return out;
}

/** Project implementation: status, progress, milestones, updates with their delivery counts. */
export function projectsRouter(panel: Panel): Router {
  const r = Router();
  const { deps } = panel;

  r.get('/challenges/:id/projects', async (req, res) => {
    const c = await deps.store.challenges.get(param(req.params.id));
    if (!c) return sendMessage(res, 404, 'Not found', 'There is no such challenge.');
    const projects = await deps.store.proposals.listByChallenge(c.id, IMPLEMENTATION);
    sendPage(res, 200, {
      title: `Implementation: ${en(c.title)}`,
      active: 'challenges',
      body: html`<p><a href="/admin/challenges/${c.id}">← ${en(c.title)}</a></p>
        ${
          projects.length === 0
            ? html`<p>No selected projects yet: they appear here once results are published.</p>`
            : html`<table>
                <thead>
                  <tr>
                    <th>Project</th>
                    <th>Status</th>
                    <th>Progress</th>
                    <th class="num">Cost</th>
                  </tr>
                </thead>
                <tbody>
                  ${projects.map(
                    (p) =>
                      html`<tr>
                        <td><a href="/admin/projects/${p.id}">#${p.ref} ${en(p.title)}</a></td>
                        <td>${badge(p.status)}</td>
                        <td>${progressBar(p.progress)}</td>
                        <td class="num">${money(p.cost, c.currency)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
        }`,
    });
  });

  async function render(
    res: Response,
    p: Proposal,
    c: Challenge,
    status: number,
    error: string | null,
    values: FormValues,
  ): Promise<void> {
    const updates = await deps.store.updates.listByProject(p.id);
    const followers = await deps.store.follows.followers({ kind: 'project', id: p.id });
    const counts = await Promise.all(
      updates.map((u) => deliveryCounts(deps, { kind: 'project.update', payload: { updateId: u.id } })),
    );
    const next = TRANSITIONS[p.status];
    const rows = [...p.milestones, ...Array.from({ length: NEW_MILESTONE_ROWS }, () => null)];
    const photo = safeUrl(updates.find((u) => u.photo)?.photo ?? p.photo);
    sendPage(res, status, {
      title: `#${p.ref} ${en(p.title)}`,
      active: 'challenges',
      error,
      body: html`<p><a href="/admin/challenges/${c.id}/projects">← Implementation of ${en(c.title)}</a></p>
        <section class="card summary">
          <p>
            ${badge(p.status)} · ${progressBar(p.progress)} · ${money(p.cost, c.currency)} ·
            ${followers.length} followers
          </p>
          ${photo ? html`<img class="photo" src="${photo}" alt="Latest photo of the project" />` : ''}
        </section>
        <div class="columns">
          <form method="post" action="/admin/projects/${p.id}/update" class="card">
            ${csrfField(res)}
            <h2>Post an update</h2>
            ${textarea('text', 'What happened', values.text, { required: true, attrs: html` maxlength="2000"` })}
            <div class="row">
              ${input('progress', 'Progress %', values.progress ?? String(p.progress), { type: 'number', attrs: html` min="0" max="100" step="1"` })}
              ${select('status', 'Status', values.status ?? '', [['', `(keep: ${p.status})`], ...next.map((s) => [s, s] as const)])}
            </div>
            ${input('photo', 'Photo URL', values.photo, { type: 'url', hint: 'https://… (optional)' })}
            <button type="submit">Post and notify ${followers.length} followers</button>
          </form>
          <form method="post" action="/admin/projects/${p.id}/milestones" class="card">
            ${csrfField(res)}
            <h2>Milestones</h2>
            <table class="milestones">
              <thead>
                <tr>
                  <th>Title</th>
                  <th>Due</th>
                  <th>Done</th>
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (m, i) =>
                    html`<tr>
                      <td>
                        <input name="m${i}_title" value="${m?.title ?? ''}" aria-label="Milestone ${i + 1}" />
                      </td>
                      <td>
                        <input
                          name="m${i}_due"
                          type="date"
                          value="${m?.due ? m.due.toISOString().slice(0, 10) : ''}"
                          aria-label="Due ${i + 1}"
                        />
                      </td>
                      <td>${checkbox(`m${i}_done`, '', m?.done ?? false)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
            <button type="submit" class="secondary">Save milestones</button>
          </form>
        </div>
        <h2>Updates</h2>
        ${
          updates.length === 0
            ? html`<p>No updates yet.</p>`
            : html`<ol class="updates">
                ${updates.map(
                  (u, i) =>
                    html`<li class="card">
                      <p class="meta">
                        ${when(u.createdAt)}${u.status ? html` · ${badge(u.status)}` : ''}${u.progress !== null ? ` · ${u.progress}%` : ''}
                      </p>
                      <p>${u.text}</p>
                      <p class="meta">Notifications: ${counts[i]}</p>
                    </li>`,
                )}
              </ol>`
        }`,
    });
  }

  const load = async (pid: string) => {
    const p = await deps.store.proposals.get(pid);
    const c = p && (await deps.store.challenges.get(p.challengeId));
    return p && c ? { p, c } : null;
  };

  r.get('/projects/:pid', async (req, res) => {
    const found = await load(param(req.params.pid));
    if (!found) return sendMessage(res, 404, 'Not found', 'There is no such project.');
    await render(res, found.p, found.c, 200, null, {});
  });

  r.post('/projects/:pid/update', async (req, res) => {
    const found = await load(param(req.params.pid));
    if (!found) return sendMessage(res, 404, 'Not found', 'There is no such project.');
    const { p, c } = found;
    const v = formValues(req);
    const progress = num(v, 'progress');
    const photoText = text(v, 'photo');
    const photo = photoText ? safeUrl(photoText) : null;
    const statusText = text(v, 'status');
    let problem: string | null = null;
    if (progress !== null && !(Number.isInteger(progress) && progress >= 0 && progress <= 100))
      problem = 'Progress: a whole number from 0 to 100.';
    else if (photoText && !photo) problem = 'Photo URL: an http or https address.';
    else if (statusText && !TRANSITIONS[p.status].includes(statusText as ProposalStatus))
      problem = `Status: a ${p.status} project cannot become ${statusText}.`;
    if (problem) return render(res, p, c, 400, problem, v);
    const done = await postUpdate(deps, p.id, staffOf(res).id, {
      text: text(v, 'text'),
      progress: progress === p.progress ? null : progress,
      status: statusText ? (statusText as ProposalStatus) : null,
      photo,
    });
    if (!done.ok) return render(res, p, c, domainStatus(done.error), done.error.message, v);
    flash(res, 'ok', `Update posted; ${done.value.notified} followers will be notified.`);
    res.redirect(303, `/admin/projects/${p.id}`);
  });

  r.post('/projects/:pid/milestones', async (req, res) => {
    const found = await load(param(req.params.pid));
    if (!found) return sendMessage(res, 404, 'Not found', 'There is no such project.');
    const milestones = milestonesOf(formValues(req));
    if (typeof milestones === 'string') return render(res, found.p, found.c, 400, milestones, {});
    const done = await setMilestones(deps, found.p.id, milestones);
    if (!done.ok) return render(res, found.p, found.c, domainStatus(done.error), done.error.message, {});
    flash(res, 'ok', 'Milestones saved.');
    res.redirect(303, `/admin/projects/${found.p.id}`);
  });

  return r;
}
