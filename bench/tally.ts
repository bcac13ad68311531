import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { equalSharesWith } from '../core/tally/completion';
import { greedy } from '../core/tally/greedy';
import { equalShares } from '../core/tally/mes';
import { tallyOptionsForRule } from '../core/tally/meta-rule';
import { parsePabulib } from '../core/tally/pabulib-parse';
import { writePabulib } from '../core/tally/pabulib-write';
import type { TallyProfile } from '../core/tally/profile';
import { buildProfile } from '../core/tally/profile';
import { tally } from '../core/tally/tally';
import { generateElection } from './generate-election';
import { writeResult } from './support';

/** Generated election: 100,000 voters, 200 projects, approval ballots of 1-10 projects, fixed seed. */
export const GENERATED = { voters: 100_000, projects: 200, seed: 2024 } as const;

/** Milliseconds of the median of `runs` calls (the first call's result is returned too). */
function timed<T>(runs: number, fn: () => T): { ms: number; value: T } {
  const times: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const v = fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (i === 0) value = v;
  }
  times.sort((a, b) => a - b);
  return { ms: round(times[Math.floor(times.length / 2)] as number), value: value as T };
}

const round = (x: number): number => Math.round(x * 100) / 100;

function pabulibDir(): string | null {
  const candidates = [
    process.env.AGORA_PABULIB_DIR,
    // Compiled to dist/bench/: the repository's copy is two levels up.
    join(__dirname, '../../test/fixtures/pabulib'),
    join(__dirname, '../test/fixtures/pabulib'),
  ];
  return candidates.find((d): d is string => !!d && existsSync(d)) ?? null;
}

/** Times MES with add1 and reports how many MES runs add1 needed. */
function mesAdd1(p: TallyProfile, runs: number): Record<string, unknown> {
  const r = timed(runs, () => equalSharesWith(p, 'add1'));
  return {
    ms: r.ms,
    mesRuns: r.value.runs,
    msPerMesRun: round(r.ms / r.value.runs),
    perVoterBudget: Number(r.value.voterBudget) / Number(p.unit) / p.voters,
    selected: r.value.selected.length,
  };
}

/**
 * Parses and tallies every shared Pabulib file (its own rule, plus greedy and MES/add1) and a
 * generated 100,000-voter election. Times are medians of a few runs, in milliseconds.
 */
export async function run(): Promise<Record<string, unknown>> {
  const files: Record<string, unknown>[] = [];
  const dir = pabulibDir();
  for (const name of dir
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.pb'))
        .sort()
    : []) {
    const text = readFileSync(join(dir as string, name), 'utf8');
    const parsed = timed(5, () => parsePabulib(text));
    const e = parsed.value;
    const prof = timed(5, () => buildProfile(e));
    const p = prof.value;
    const own = tallyOptionsForRule(e.meta.rule);
    const selectedColumn = e.projects.filter((x) => x.fields.selected === '1').map((x) => x.id);
    const ownResult = own ? tally(e, own, p) : null;
    files.push({
      file: name,
      voters: e.votes.length,
      projects: e.projects.length,
      voteType: e.voteType,
      rule: e.meta.rule,
      parseMs: parsed.ms,
      profileMs: prof.ms,
      greedyMs: timed(5, () => greedy(p)).ms,
      mesMs: timed(5, () => equalShares(p, p.budget)).ms,
      mesAdd1: mesAdd1(p, 3),
      matchesSelected:
        ownResult && e.projectColumns.includes('selected')
          ? sameSet(ownResult.selected, selectedColumn)
          : 'no selected column or rule not implemented',
    });
  }

  const election = generateElection(GENERATED);
  const text = writePabulib(election);
  const parsed = timed(3, () => parsePabulib(text));
  const prof = timed(3, () => buildProfile(parsed.value));
  const p = prof.value;
  const generated = {
    ...GENERATED,
    ballotGroups: p.groups.count,
    budget: Number(p.budget) / Number(p.unit),
    fileBytes: Buffer.byteLength(text),
    parseMs: parsed.ms,
    profileMs: prof.ms,
    greedyMs: timed(5, () => greedy(p)).ms,
    mesMs: timed(5, () => equalShares(p, p.budget)).ms,
    mesAdd1: mesAdd1(p, 3),
  };
  return { node: process.version, files, generated };
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));

export function printTable(result: Record<string, unknown>): void {
  const rows = [
    ...(result.files as Record<string, unknown>[]),
    { file: 'generated', ...(result.generated as Record<string, unknown>) },
  ];
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(42) : c.padStart(10))).join(' ');
  console.log(
    line(['election', 'voters', 'parse ms', 'greedy ms', 'mes ms', 'add1 ms', 'add1 runs', 'match']),
  );
  for (const r of rows) {
    const add1 = r.mesAdd1 as { ms: number; mesRuns: number };
    console.log(
      line([
        String(r.file),
        String(r.voters),
        String(r.parseMs),
        String(r.greedyMs),
        String(r.mesMs),
        String(add1.ms),
        String(add1.mesRuns),
        r.matchesSelected === undefined
          ? ''
          : String(r.matchesSelected === true ? 'yes' : r.matchesSelected === false ? 'NO' : '-'),
      ]),
    );
  }
}

if (require.main === module) {
  void run().then((result) => {
    printTable(result);
    console.log(`\nwrote ${writeResult('tally', result)}`);
  });
}
