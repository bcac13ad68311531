import type { Locale } from '../model/locale';
import { pickText } from '../model/locale';

/** The columns of a results table, as `ChallengeResults.projects` carries them. */
export interface ResultsCsvRow {
  ref: string;
  title: Partial<Record<Locale, string>>;
  cost: number;
  votes: number;
  score: number;
  selected: boolean;
  rank: number | null;
}

const HEADER = ['project_id', 'title', 'cost', 'votes', 'score', 'selected', 'rank'];

/** RFC 4180: quote a field when it holds a comma, a quote or a line break; double inner quotes. */
const field = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * A results table as CSV (comma-separated, CRLF, UTF-8, header row), the form spreadsheet users open
 * directly; the `.pb` file is the one for recounting. Titles in `locale`, falling back as pickText does.
 */
export function resultsCsv(rows: readonly ResultsCsvRow[], locale: Locale): string {
  const lines = [HEADER.join(',')];
  for (const r of rows)
    lines.push(
      [
        r.ref,
        pickText(r.title, locale),
        String(r.cost),
        String(r.votes),
        String(r.score),
        r.selected ? '1' : '0',
        r.rank === null ? '' : String(r.rank),
      ]
        .map(field)
        .join(','),
    );
  return lines.join('\r\n') + '\r\n';
}
