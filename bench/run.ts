import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machine, repoRoot, writeResult } from './support';
import * as chatBench from './chat';
import * as fanoutBench from './fanout';
import * as memoryBench from './memory';
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
  {
    name: 'chat',
    run: chatBench.run,
    headline: (r) => {
      type Side = { max: { updatesPerSec: number; cpuMsPerUpdate: { server: number } } };
      const a = r.agora as Side & { at200: { p50: number; p99: number } };
      const e = r.echo as Side;
      return {
        'Agora: updates/s, 40 connections (embedded store)': a.max.updatesPerSec,
        'bare telegraf echo bot, same fake Bot API: updates/s': e.max.updatesPerSec,
        'Agora / echo (target 0.5)': r.ratio as number,
        'Agora at 200 updates/s (Poisson): p50 / p99 ms (target p99 < 50)': `${a.at200.p50} / ${a.at200.p99}`,
        'server CPU ms per update at full load: Agora / echo': `${a.max.cpuMsPerUpdate.server} / ${e.max.cpuMsPerUpdate.server}`,
      };
    },
  },
  {
    name: 'memory',
    run: memoryBench.run,
    headline: (r) => {
      const m = r.rssMB as Record<string, number>;
      const t = r.traffic as { updates: number };
      const seed = r.seed as { ms: number };
      return {
        'RSS MB at start: 100k citizens / demo only': `${m.atStart} / ${m.demoOnlyAtStart}`,
        [`RSS MB after ${t.updates.toLocaleString('en')} updates from as many citizens / then after a full GC`]: `${m.afterTraffic} / ${m.afterTrafficAndFullGc}`,
        'peak RSS MB (VmHWM)': m.peak as number,
        'V8 heap in use MB after that full GC': (r.heapMB as { afterFullGc: number }).afterFullGc,
        'seed 100k citizens with ballots, supports, follows: ms': seed.ms,
      };
    },
  },
];

/** What an earlier run wrote, to keep the figures of benchmarks not rerun this time. */
interface SummaryDoc {
  date: string;
  machine: Record<string, string | number>;
  figures: Record<string, Record<string, string | number>>;
  /** When each benchmark's figures were measured (they differ after a partial run). */
  measured?: Record<string, string>;
}

function previousSummary(): SummaryDoc | null {
  const file = join(repoRoot(), 'bench', 'results', 'summary.json');
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SummaryDoc) : null;
  } catch {
    return null;
  }
}

/**
 * `npm run bench [-- name...]`: runs the benchmarks one after another (never in parallel: they would
 * share the two cores and distort each other), writes `bench/results/<name>.json`, and a summary
 * (`summary.json`, `summary.md`) with the machine and date that the README quotes.
 */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const selected = only.length ? BENCHES.filter((b) => only.includes(b.name)) : BENCHES;
  const date = new Date().toISOString();
  // A partial run (`npm run bench -- chat`) keeps the other benchmarks' figures, with their dates.
  const before = only.length ? previousSummary() : null;
  const summary: Record<string, Record<string, string | number>> = {};
  const measured: Record<string, string> = {};
  for (const b of BENCHES) {
    const kept = before?.figures[b.name];
    if (kept && !selected.includes(b)) {
      summary[b.name] = kept;
      measured[b.name] = before?.measured?.[b.name] ?? before?.date ?? date;
    }
  }
  for (const b of selected) {
    console.log(`bench ${b.name}...`);
    const result = await b.run();
    writeResult(b.name, result);
    summary[b.name] = b.headline(result);
    measured[b.name] = date;
    for (const [k, v] of Object.entries(summary[b.name] ?? {})) console.log(`  ${k}: ${v}`);
  }
  // Benchmark order, whichever ran.
  const figures = Object.fromEntries(
    BENCHES.filter((b) => summary[b.name]).map((b) => [b.name, summary[b.name] ?? {}]),
  );
  const doc: SummaryDoc = { date, machine: machine(), figures, measured };
  writeResult('summary', doc);
  writeFileSync(join(repoRoot(), 'bench', 'results', 'summary.md'), markdown(doc));
  console.log('wrote bench/results/summary.{json,md}');
}

function markdown(doc: SummaryDoc): string {
  const m = doc.machine;
  const earlier = Object.entries(doc.measured ?? {}).filter(([, d]) => d !== doc.date);
  const lines = [
    `Measured ${doc.date.slice(0, 10)} on ${m.cpu} (${m.cores} cores, ${m.memoryGiB} GiB), Node ${m.node}.`,
    ...(earlier.length
      ? [
          '',
          `Not rerun this time, figures from earlier runs: ${earlier.map(([b, d]) => `${b} (${d.slice(0, 10)})`).join(', ')}.`,
        ]
      : []),
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
