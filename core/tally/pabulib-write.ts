import { formatDecimal } from './decimal';
import type { PbElection } from './pabulib-types';
import { usesPoints } from './pabulib-types';

export interface WriteOptions {
  /** Pabulib's own files use CR LF; that is the default so an unchanged file is written back byte for byte. */
  lineEnding?: '\r\n' | '\n';
}

/**
 * Writes an election as a `.pb` file. Quotes only the fields that need it (`;`, `"`, line breaks or
 * surrounding spaces, which the reader would otherwise trim). Costs use `,` as decimal separator;
 * points use `.` because `,` separates the list.
 */
export function writePabulib(e: PbElection, opts: WriteOptions = {}): string {
  const eol = opts.lineEnding ?? '\r\n';
  const lines: string[] = ['META', 'key;value'];
  for (const [k, v] of Object.entries(e.meta)) lines.push(row([k, v]));

  const projectColumns = columnsOf(
    e.projectColumns,
    ['project_id', 'cost'],
    e.projects.map((p) => p.fields),
  );
  lines.push('PROJECTS', row(projectColumns));
  for (const p of e.projects) {
    lines.push(
      row(
        projectColumns.map((c) =>
          c === 'project_id' ? p.id : c === 'cost' ? formatDecimal(p.cost, ',') : (p.fields[c] ?? ''),
        ),
      ),
    );
  }

  const withPoints = usesPoints(e.voteType);
  const voteColumns = columnsOf(
    e.voteColumns,
    withPoints ? ['voter_id', 'vote', 'points'] : ['voter_id', 'vote'],
    e.votes.map((v) => v.fields),
  );
  lines.push('VOTES', row(voteColumns));
  for (const v of e.votes) {
    lines.push(
      row(
        voteColumns.map((c) => {
          if (c === 'voter_id') return v.voterId;
          if (c === 'vote') return v.vote.join(',');
          if (c === 'points' && withPoints)
            return (v.points ?? []).map((x) => formatDecimal(x, '.')).join(',');
          return v.fields[c] ?? '';
        }),
      ),
    );
  }
  return lines.join(eol) + eol;
}

/** The declared columns, plus required ones and any field a caller added that the header lacks. */
function columnsOf(
  declared: readonly string[],
  required: readonly string[],
  rows: Record<string, string>[],
): string[] {
  const cols = [...declared];
  for (const r of [...required].reverse()) if (!cols.includes(r)) cols.unshift(r);
  const known = new Set(cols);
  for (const fields of rows)
    for (const k of Object.keys(fields))
      if (!known.has(k)) {
        known.add(k);
        cols.push(k);
      }
  return cols;
}

const row = (fields: readonly string[]): string => fields.map(quote).join(';');

function quote(field: string): string {
  if (!/[;"\r\n]/.test(field) && field.trim() === field) return field;
  return `"${field.replace(/"/g, '""')}"`;
}
