import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Locale } from '../../core/model/locale';
import { LOCALES } from '../../core/model/locale';
import type { Intent } from '../types';
import { isIntent } from '../types';

/** One labelled utterance of a corpus file (`intent<TAB>utterance`). */
export interface Example {
  intent: Intent;
  text: string;
}

export type Corpus = Record<Locale, Example[]>;

/** Training data, the development set read while tuning, the held-out set (see nlu/data/INTENTS.md). */
export type Split = 'train' | 'dev' | 'eval';

/**
 * The project root: the nearest folder above `from` holding package.json. Code runs both from
 * source (ts-jest) and from dist/ (tsc copies no .tsv), so data is found from the root, not __dirname.
 */
export function projectRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** `nlu/data` of the project. */
export const dataDir = (): string => join(projectRoot(), 'nlu', 'data');

/** Parses a corpus file; blank lines and `#` comments are skipped, a bad label throws naming the line. */
export function parseTsv(text: string, source = 'corpus'): Example[] {
  const out: Example[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const tab = line.indexOf('\t');
    const intent = line.slice(0, tab).trim();
    if (tab < 0 || !isIntent(intent)) throw new Error(`${source}:${i + 1}: expected "intent<TAB>utterance"`);
    out.push({ intent, text: line.slice(tab + 1) });
  });
  return out;
}

/** Raw file contents per language (the model cache hashes them). */
export function readCorpusFiles(split: Split, dir: string = dataDir()): Record<Locale, string> {
  const out = {} as Record<Locale, string>;
  for (const l of LOCALES) out[l] = readFileSync(join(dir, split, `${l}.tsv`), 'utf8');
  return out;
}

/** Labelled examples per language of `split`. */
export function loadCorpus(split: Split, dir: string = dataDir()): Corpus {
  const files = readCorpusFiles(split, dir);
  const out = {} as Corpus;
  for (const l of LOCALES) out[l] = parseTsv(files[l], `${split}/${l}.tsv`);
  return out;
}
