import type { Response } from 'express';
import { Router } from 'express';
import type { VerifyReport } from '../../../core/audit/verify';
import { verifyAudit } from '../../../core/audit/verify';
import type { AuditEntry } from '../../../core/model/audit';
import type { Panel } from '../context';
import { queryText } from '../form';
import { html } from '../html';
import { csrfField, sendPage } from '../layout';
import { when } from '../view-helpers';

const PAGE = 50;

const summary = (e: AuditEntry): string => {
  const s = JSON.stringify(e.data);
  return s.length > 220 ? `${s.slice(0, 220)}…` : s;
};

/** The audit chain, newest first, and a button that recomputes it (as `agora audit verify`). */
export function auditRouter(panel: Panel): Router {
  const r = Router();
  const { deps } = panel;

  async function render(res: Response, before: number | null, report: VerifyReport | null): Promise<void> {
    const head = await deps.store.audit.head();
    const headSeq = head?.seq ?? 0;
    const top = before === null ? headSeq : Math.min(before - 1, headSeq);
    const from = Math.max(1, top - PAGE + 1);
    const entries = top >= 1 ? (await deps.store.audit.list(from, top - from + 1)).reverse() : [];
    const verdict = report
      ? report.ok
        ? html`<p class="flash ok" role="status">
            Audit chain OK: ${report.entries} entries, ${report.ballotsChecked} ballots checked, head
            <code>${report.headHash}</code>.
          </p>`
        : html`<p class="flash error" role="alert">
            Audit chain BROKEN at entry ${report.firstBad?.seq}: ${report.firstBad?.reason}
          </p>`
      : '';
    sendPage(res, 200, {
      title: 'Audit chain',
      active: 'audit',
      body: html`${verdict}
        <form method="post" action="/admin/audit/verify" class="inline">
          ${csrfField(res)}
          <p>${headSeq} entries; head <code>${head?.hash.slice(0, 16) ?? '—'}…</code></p>
          <button type="submit">Verify the whole chain</button>
        </form>
        <table class="audit">
          <thead>
            <tr>
              <th class="num">#</th>
              <th>When</th>
              <th>Type</th>
              <th>Data</th>
              <th>Hash</th>
            </tr>
          </thead>
          <tbody>
            ${entries.map(
              (e) =>
                html`<tr>
                  <td class="num">${e.seq}</td>
                  <td class="nowrap">${when(e.at)}</td>
                  <td>${e.type}</td>
                  <td><code class="data">${summary(e)}</code></td>
                  <td><code title="${e.hash}">${e.hash.slice(0, 12)}</code></td>
                </tr>`,
            )}
          </tbody>
        </table>
        <nav class="pager">
          ${top < headSeq ? html`<a href="/admin/audit${top + PAGE >= headSeq ? '' : `?before=${top + PAGE + 1}`}">← Newer</a>` : ''}
          ${from > 1 ? html`<a href="/admin/audit?before=${from}">Older →</a>` : ''}
        </nav>`,
    });
  }

  r.get('/audit', async (req, res) => {
    const b = Number(queryText(req, 'before'));
    await render(res, Number.isInteger(b) && b > 1 ? b : null, null);
  });

  r.post('/audit/verify', async (_req, res) => {
    const report = await verifyAudit(deps.store);
    if (!report.ok) panel.log.error({ firstBad: report.firstBad }, 'audit chain verification failed');
    await render(res, null, report);
  });

  return r;
}
