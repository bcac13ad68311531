import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machine, repoRoot, writeResult } from './support';
import * as fanoutBench from './fanout';
import * as nluBench from './nlu';
import * as tallyBench from './tally';

/** One benchmark: `run` measures and returns its figures; `headline` picks what the README quotes. */
interface Bench {
  name: string;
  run(): Promise<Record<string, unknown>>;
  headline(result: Record<string, unknown>): Record<string, string | number>;
}

const BENCHES: Bench[] = [
  {
    name: 'nlu',
    run: async () => (await nluBench.run()) as unknown as Record<string, unknown>,
    headline: (r) => {
      const f = (r as { figures: Record<string, number> }).figures;
      return {
        'utterances per second (target 10,000)': f.utterancesPerSecond as number,
        'cold start: train + cache, ms': f.coldStartMs as number,
        'warm start: load cache, ms': f.warmStartMs as number,
      };
    },
  },
  {
    name: 'tally',
    run: tallyBench.run,
    headline: (r) => {
      const g = r.generated as {
        parseMs: number;
        greedyMs: number;
        mesMs: number;
        mesAdd1: { ms: number; mesRuns: number };
      };
      const files = r.files as { matchesSelected: unknown }[];
      const checked = files.filter((f) => typeof f.matchesSelected === 'boolean');
      return {
        'real elections matching the funded projects': `${checked.filter((f) => f.matchesSelected === true).length}/${checked.length}`,
        '100k voters x 200 projects: parse ms': g.parseMs,
        '100k: greedy ms': g.greedyMs,
        '100k: MES (no completion) ms': g.mesMs,
        '100k: MES + add1 ms (target 1000)': g.mesAdd1.ms,
        '100k: add1 MES runs': g.mesAdd1.mesRuns,
      };
    },
  },
  {
    name: 'fanout',
    run: fanoutBench.run,
    headline: (r) => {
      const e = r.enqueue as { rows: number; ms: number; rowsPerSec: number };
      const c = r.ceiling as { perSec: number; percentOfConfigured: number; configuredPerSec: number };
      const t = r.telegram30 as { perSec: number; percentOfConfigured: number };
      return {
        'one update to 100k followers: request ms (job written)': r.postUpdateMs as number,
        '100k outbox rows written in background, ms': e.ms,
        'dispatch vs a 5,000/s limit, % (target 95)': c.percentOfConfigured,
        'dispatch at Telegram 30/s, % of limit': t.percentOfConfigured,
      };
    },
  },
];

/**
 * `npm run bench [-- name...]`: runs the benchmarks one after another (never in parallel: they would
 * share the two cores and distort each other), writes `bench/results/<name>.json`, and a summary
 * (`summary.json`, `summary.md`) with the machine and date that the README quotes.
 */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const selected = only.length ? BENCHES.filter((b) => only.includes(b.name)) : BENCHES;
  const summary: Record<string, Record<string, string | number>> = {};
  for (const b of selected) {
    console.log(`bench ${b.name}...`);
    const result = await b.run();
    writeResult(b.name, result);
    summary[b.name] = b.headline(result);
    for (const [k, v] of Object.entries(summary[b.name] ?? {})) console.log(`  ${k}: ${v}`);
  }
  const doc = { date: new Date().toISOString(), machine: machine(), figures: summary };
  writeResult('summary', doc);
  writeFileSync(join(repoRoot(), 'bench', 'results', 'summary.md'), markdown(doc));
  console.log('wrote bench/results/summary.{json,md}');
}

function markdown(doc: {
  date: string;
  machine: Record<string, string | number>;
  figures: Record<string, Record<string, string | number>>;
}): string {
  const m = doc.machine;
  const lines = [
    `Measured ${doc.date.slice(0, 10)} on ${m.cpu} (${m.cores} cores, ${m.memoryGiB} GiB), Node ${m.node}.`,
    '',
    '| benchmark | figure | value |',
    '|---|---|---|',
  ];
  for (const [bench, figures] of Object.entries(doc.figures))
    for (const [k, v] of Object.entries(figures)) lines.push(`| ${bench} | ${k} | ${v} |`);
  return `${lines.join('\n')}\n`;
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
