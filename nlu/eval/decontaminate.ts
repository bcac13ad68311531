/**
 * `npm run nlu:decontaminate [-- --dry-run]`: keeps the three corpus splits apart. A line is removed
 * from a split when it equals, or nearly equals, a line of a split that must stay unseen by it:
 *
 *   train ← removed when close to a dev or eval line (training must not see what scores it)
 *   dev   ← removed when close to an eval line, or to a train line (it would measure memory)
 *
 * "Close" is the same text after folding case, accents and punctuation, or a normalised Levenshtein
 * similarity of at least 0.8. Only counts are printed: whoever runs it does not get to read the
 * held-out lines through it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../../core/model/locale';
import { LOCALES } from '../../core/model/locale';
import type { Split } from '../corpus/corpus';
import { dataDir } from '../corpus/corpus';
import { fold } from '../text/normalize';

export const NEAR = 0.8;

/** The comparison form: lower case, no accents, letters, digits and single spaces; emoji-only texts as they are. */
export function comparable(text: string): string {
  const c = fold(text.trim().toLowerCase())
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return c || text.trim();
}

/**
 * Whether the Levenshtein distance of a and b is at most k. Two rows and an exit as soon as a whole
 * row exceeds k: natural's full-matrix distance made a run over the corpus take a minute.
 */
export function withinEdits(a: string, b: string, k: number): boolean {
  if (Math.abs(a.length - b.length) > k) return false;
  let prev = new Int32Array(b.length + 1).map((_, j) => j);
  let cur = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > k) return false;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]! <= k;
}

/** Index of the comparable forms of a split, bucketed by length so near matches skip most lines. */
export class NearIndex {
  private readonly exact = new Set<string>();
  private readonly byLength = new Map<number, string[]>();

  constructor(texts: readonly string[]) {
    for (const t of texts) {
      const c = comparable(t);
      this.exact.add(c);
      const bucket = this.byLength.get(c.length) ?? [];
      bucket.push(c);
      this.byLength.set(c.length, bucket);
    }
  }

  /** 'exact', 'near' or undefined. */
  match(text: string): 'exact' | 'near' | undefined {
    const c = comparable(text);
    if (this.exact.has(c)) return 'exact';
    // similarity = 1 - d / max(len): lengths further apart than (1 - NEAR) · max cannot reach NEAR.
    const lo = Math.ceil(c.length * NEAR);
    const hi = Math.floor(c.length / NEAR);
    for (let len = lo; len <= hi; len++)
      for (const other of this.byLength.get(len) ?? [])
        if (withinEdits(c, other, Math.floor((1 - NEAR) * Math.max(c.length, other.length) + 1e-9)))
          return 'near';
    return undefined;
  }
}

/** Which splits each split must keep away from. */
const GUARDS: Record<Exclude<Split, 'eval'>, Split[]> = { train: ['dev', 'eval'], dev: ['eval', 'train'] };

export interface Removal {
  locale: Locale;
  split: Split;
  against: Split;
  exact: number;
  near: number;
}

const splitFile = (dir: string, split: Split, l: Locale): string => join(dir, split, `${l}.tsv`);

const lineText = (line: string): string | undefined => {
  if (line.startsWith('#')) return undefined;
  const tab = line.indexOf('\t');
  return tab < 0 ? undefined : line.slice(tab + 1);
};

/** Rewrites the split files without their contaminated lines (unless dryRun); returns the counts. */
export function decontaminate(dir: string = dataDir(), dryRun = false): Removal[] {
  const removals: Removal[] = [];
  for (const l of LOCALES) {
    // Cleaned splits are read back from here, so a dry run counts what a real run would remove.
    const current = new Map<Split, string[] | undefined>();
    const read = (s: Split): string[] | undefined => {
      if (!current.has(s))
        current.set(
          s,
          existsSync(splitFile(dir, s, l))
            ? readFileSync(splitFile(dir, s, l), 'utf8').split('\n')
            : undefined,
        );
      return current.get(s);
    };
    for (const split of ['dev', 'train'] as const) {
      let lines = read(split);
      if (!lines) continue;
      for (const against of GUARDS[split]) {
        const other = read(against);
        if (!other) continue;
        const index = new NearIndex(other.map(lineText).filter((t): t is string => t !== undefined));
        const r: Removal = { locale: l, split, against, exact: 0, near: 0 };
        lines = lines.filter((line) => {
          const text = lineText(line);
          const m = text === undefined ? undefined : index.match(text);
          if (m) r[m]++;
          return m === undefined;
        });
        removals.push(r);
      }
      current.set(split, lines);
      if (!dryRun) writeFileSync(splitFile(dir, split, l), lines.join('\n'));
    }
  }
  return removals;
}

if (require.main === module) {
  const dryRun = process.argv.includes('--dry-run');
  for (const r of decontaminate(undefined, dryRun))
    console.log(`${r.locale} ${r.split} vs ${r.against}: ${r.exact} exact, ${r.near} near`);
  if (dryRun) console.log('(dry run: nothing written)');
}
