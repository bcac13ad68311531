import { readFile } from 'node:fs/promises';
import { COMPLETIONS } from '../../core/model/rules';
import type { Completion } from '../../core/model/rules';
import { tallyOptionsForRule } from '../../core/tally/meta-rule';
import { PabulibError, TallyError } from '../../core/tally/pabulib-error';
import { parsePabulib } from '../../core/tally/pabulib-parse';
import type { PbElection } from '../../core/tally/pabulib-types';
import { buildProfile } from '../../core/tally/profile';
import type { TallyOptions, TallyRule } from '../../core/tally/tally';
import { tally } from '../../core/tally/tally';
import type { CliIO, Command } from '../cli-io';

const USAGE =
  'Usage: agora tally <file.pb> [--rule greedy|greedy-no-skip|equal-shares] ' +
  '[--completion none|add1|add1-utilitarian|utilitarian] [--json]\n' +
  "  Without --rule, the file's own META rule is used when Agora implements it.\n";
const RULES: readonly TallyRule[] = ['greedy', 'greedy-no-skip', 'equal-shares'];

interface Args {
  file: string;
  rule?: TallyRule;
  completion?: Completion;
  json: boolean;
}

/**
 * `agora tally <file.pb> --rule greedy|equal-shares [--completion ...] [--json]`: the winners of a
 * Pabulib election in selection order. `--json` prints one line
 * `{"rule","completion","budget","selected","totalCost"}`. Bad arguments, an unreadable file or a
 * malformed election: a message naming the problem (and the line) on stderr, exit code 2.
 */
export const tallyCommand: Command = async (argv, io) => {
  const args = parseArgs(argv);
  if (typeof args === 'string') return usageError(io, args);
  let election: PbElection;
  try {
    election = parsePabulib(await readText(args.file));
  } catch (err) {
    return inputError(io, args.file, err);
  }
  const fromFile = tallyOptionsForRule(election.meta.rule);
  let opts: TallyOptions;
  if (args.rule) opts = { rule: args.rule, completion: args.completion ?? 'none' };
  else if (fromFile) opts = args.completion ? { ...fromFile, completion: args.completion } : fromFile;
  else
    return usageError(
      io,
      `the file's rule "${election.meta.rule ?? ''}" is not one Agora computes: pass --rule`,
    );
  if (opts.rule !== 'equal-shares' && args.completion && args.completion !== 'none')
    return usageError(io, '--completion applies to --rule equal-shares only');
  const completion: Completion = opts.rule === 'equal-shares' ? (opts.completion ?? 'none') : 'none';

  let profile;
  let result;
  try {
    profile = buildProfile(election);
    result = tally(election, { rule: opts.rule, completion }, profile);
  } catch (err) {
    return inputError(io, args.file, err);
  }
  if (args.json) {
    const { budget, selected, totalCost } = result;
    io.stdout(`${JSON.stringify({ rule: opts.rule, completion, budget, selected, totalCost })}\n`);
    return 0;
  }
  const byId = new Map(election.projects.map((p) => [p.id, p]));
  const votesOf = new Map(profile.ids.map((id, i) => [id, profile.votes[i] as number]));
  const rows = result.selected.map((id) => {
    const p = byId.get(id);
    return [id, clip(p?.fields.name ?? ''), formatMoney(p?.cost ?? 0), String(votesOf.get(id) ?? 0)];
  });
  const label = opts.rule === 'equal-shares' ? `equal-shares (completion ${completion})` : opts.rule;
  io.stdout(`${election.meta.description ?? args.file}: ${label}\n\n`);
  io.stdout(table(['id', 'name', 'cost', 'votes'], rows));
  io.stdout(
    `\n${result.selected.length} projects selected, total cost ${formatMoney(result.totalCost)} ` +
      `of budget ${formatMoney(result.budget)}${election.meta.currency ? ` ${election.meta.currency}` : ''}\n`,
  );
  return 0;
};

function parseArgs(argv: readonly string[]): Args | string {
  const files: string[] = [];
  let rule: string | undefined;
  let completion: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '--json') json = true;
    else if (flag === '--rule') rule = value();
    else if (flag === '--completion') completion = value();
    else if (a.startsWith('-') && a !== '-') return `unknown option ${a}`;
    else files.push(a);
  }
  if (files.length !== 1)
    return files.length === 0 ? 'missing the .pb file' : `one file at a time (got ${files.join(', ')})`;
  if (rule !== undefined && !(RULES as readonly string[]).includes(rule))
    return `--rule must be one of ${RULES.join(', ')} (got "${rule}")`;
  if (completion !== undefined && !(COMPLETIONS as readonly string[]).includes(completion))
    return `--completion must be one of ${COMPLETIONS.join(', ')} (got "${completion}")`;
  const out: Args = { file: files[0] as string, json };
  if (rule) out.rule = rule as TallyRule;
  if (completion) out.completion = completion as Completion;
  return out;
}

/** Reads the file as strict UTF-8: a mis-encoded file should be reported, not tallied with mangled ids. */
async function readText(file: string): Promise<string> {
  const bytes = await readFile(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError('not valid UTF-8 text');
  }
}

class InputError extends Error {}

function usageError(io: CliIO, message: string): number {
  io.stderr(`agora tally: ${message}\n${USAGE}`);
  return 2;
}

function inputError(io: CliIO, file: string, err: unknown): number {
  if (err instanceof PabulibError) io.stderr(`agora tally: ${file}:${err.line}: ${err.reason}\n`);
  else if (err instanceof TallyError || err instanceof InputError)
    io.stderr(`agora tally: ${file}: ${err.message}\n`);
  else if (isFsError(err)) io.stderr(`agora tally: cannot read ${file}: ${fsReason(err)}\n`);
  else throw err;
  return 2;
}

// Duck-typed: errors from node:fs may come from another realm (jest's VM), where instanceof Error fails.
const isFsError = (e: unknown): e is NodeJS.ErrnoException =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as NodeJS.ErrnoException).code === 'string' &&
  'syscall' in e;

function fsReason(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
      return 'permission denied';
    default:
      return e.code ?? e.message;
  }
}

const clip = (s: string, max = 60): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

const formatMoney = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 2 });

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const right = new Set([2, 3]);
  const line = (cells: string[]): string =>
    cells
      .map((v, c) => (right.has(c) ? v.padStart(widths[c] as number) : v.padEnd(widths[c] as number)))
      .join('  ')
      .trimEnd() + '\n';
  return line(header) + line(widths.map((w) => '-'.repeat(w))) + rows.map(line).join('');
}
