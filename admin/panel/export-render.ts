import { resultsCsv } from '../../core/opendata/results-csv';
import { writePabulib } from '../../core/tally';
import type { ChallengeExport } from '../../core/usecases/opendata/export-challenge';
import { challengeView, projectView, resultsView } from '../public-api/views';

export const EXPORT_FORMATS = ['pb', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_TYPES: Record<ExportFormat, string> = {
  pb: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * A challenge as `agora export` writes it: the Pabulib file, the results table as CSV, or everything
 * as JSON (challenge, projects, anonymous ballots without receipts, results under its own rule).
 */
export function renderExport(
  x: ChallengeExport,
  format: ExportFormat,
  supports: Map<string, number>,
  now: Date,
): string {
  if (format === 'pb') return writePabulib(x.election);
  if (format === 'csv')
    return x.results
      ? resultsCsv(x.results.projects, 'en')
      : 'project_id,title,cost,votes,score,selected,rank\r\n';
  const doc = {
    challenge: challengeView(x.challenge, now),
    projects: x.proposals.map((p) => projectView(p, supports.get(p.id) ?? 0)),
    // No receipt codes: with them, a voter could prove to a vote buyer how they voted.
    ballots: x.ballots.map((b) => ({
      voterRef: b.voterRef,
      choices: b.choices,
      castAt: b.castAt.toISOString(),
      meta: b.meta,
    })),
    results: x.results ? resultsView(x.results) : null,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
