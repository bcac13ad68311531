import { Router } from 'express';
import type { Panel } from '../context';
import { dashboardData } from '../dashboard-data';
import { html, jsonForScript } from '../html';
import { ASSET_PATHS } from '../assets';
import { sendPage } from '../layout';

const chart = (id: string, label: string) =>
  html`<figure class="card chart">
    <figcaption>${label}</figcaption>
    <div class="canvas"><canvas id="${id}" role="img" aria-label="${label}"></canvas></div>
  </figure>`;

/**
 * The dashboard: headline numbers and four charts. The data travels as JSON in a non-executable
 * `<script type="application/json">` block read by a static script, so the CSP needs no inline script.
 */
export function dashboardRouter(panel: Panel): Router {
  const r = Router();
  r.get('/', async (_req, res) => {
    const d = await dashboardData(panel.deps);
    const stat = (label: string, value: number | string, href?: string) =>
      html`<div class="stat card">
        <span class="value">${href ? html`<a href="${href}">${value}</a>` : value}</span
        ><span class="label">${label}</span>
      </div>`;
    sendPage(res, 200, {
      title: 'Dashboard',
      active: 'dashboard',
      scripts: [ASSET_PATHS.chartJs, ASSET_PATHS.dashboardJs],
      body: html`<div class="stats">
          ${stat('participants', d.participants)}
          ${stat('open questions', d.openQuestions, '/admin/questions')}
          ${stat('notifications waiting', d.outbox.pending)} ${stat('notifications delivered', d.outbox.sent)}
          ${stat('notifications failed', d.outbox.dead)}
        </div>
        <div class="charts">
          ${chart('chart-days', 'New participants per day (last 30 days)')}
          ${chart('chart-channels', 'Participants by channel')}
          ${chart('chart-status', 'Proposals by status')} ${chart('chart-ballots', 'Ballots per challenge')}
          ${chart('chart-budget', 'Budget allocated to selected projects')}
        </div>
        <script type="application/json" id="dashboard-data">
          ${jsonForScript(d)}
        </script>`,
    });
  });
  return r;
}
