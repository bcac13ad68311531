import { writeFile } from 'node:fs/promises';
import { systemClock } from '../../core/shared/clock';
import { exportChallenge } from '../../core/usecases/opendata/export-challenge';
import { renderExport } from '../../admin/panel/export-render';
import type { Command } from '../cli-io';
import { loadConfig } from '../config';
import { openStore } from '../open-store';

const USAGE = 'Usage: agora export <challengeId> [--format pb|csv|json] [--out <file>]\n';
const FORMATS = ['pb', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

interface Args {
  challengeId: string;
  format: Format;
  out: string | null;
}

/**
 * `agora export <challengeId> --format pb|csv|json`: the Pabulib file (default; what `agora import`
 * reads back unchanged), the results table as CSV, or everything as JSON (challenge, projects,
 * anonymous ballots, results). Written to stdout, or to `--out`.
 */
export const exportCommand: Command = async (argv, io) => {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`agora export: ${args}\n${USAGE}`);
    return 2;
  }
  const store = await openStore(loadConfig().DATABASE_URL);
  let text: string;
  try {
    const r = await exportChallenge(store, args.challengeId);
    if (!r.ok) {
      io.stderr(`agora export: ${r.error.message}\n`);
      return 1;
    }
    const supports = await store.supports.countsByChallenge(args.challengeId);
    text = renderExport(r.value, args.format, supports, systemClock.now());
  } finally {
    await store.close();
  }
  if (args.out) {
    await writeFile(args.out, text, 'utf8');
    io.stderr(`Wrote ${args.out}\n`);
  } else io.stdout(text);
  return 0;
};

function parseArgs(argv: string[]): Args | string {
  let challengeId: string | null = null;
  let format: Format = 'pb';
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--format' || a === '--out') {
      const v = argv[++i];
      if (v === undefined) return `${a} needs a value`;
      if (a === '--out') out = v;
      else if ((FORMATS as readonly string[]).includes(v)) format = v as Format;
      else return `unknown format "${v}" (pb, csv or json)`;
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else if (challengeId === null) challengeId = a;
    else return `unexpected argument "${a}"`;
  }
  return challengeId ? { challengeId, format, out } : 'a challenge id is required';
}
