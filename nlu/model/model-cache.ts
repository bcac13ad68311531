import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES } from '../../core/model/locale';
import { dataDir, parseTsv, projectRoot, readCorpusFiles } from '../corpus/corpus';
import type { Corpus } from '../corpus/corpus';
import { DEFAULT_SETTINGS } from '../intent/train';
import { decodeModelFile, encodeModelFile } from './model-file';
import { NluModel } from './nlu-model';
import type { NluModelData } from './train-model';
import { MODEL_VERSION, trainNluModel } from './train-model';

/** `data/nlu-cache` of the project (git-ignored with the rest of data/). */
export const defaultCacheDir = (): string => join(projectRoot(), 'data', 'nlu-cache');

export interface LoadedModel {
  model: NluModel;
  /** Whether the model came from the cache or was trained now. */
  source: 'cache' | 'trained';
  key: string;
  ms: number;
}

export interface ModelCacheOptions {
  cacheDir?: string;
  /** Where the corpus lives (default nlu/data of the project). */
  dataDir?: string;
  /** Train even when a cached model exists (benchmarks of the cold start). */
  force?: boolean;
}

/**
 * The cache key: a hash of the training files, the training settings and MODEL_VERSION. Any edit
 * to the corpus or to how it is learnt gives a new key, hence a retrain; nothing else does.
 */
export function modelKey(files: Readonly<Record<string, string>>): string {
  const h = createHash('sha256');
  h.update(`agora-nlu v${MODEL_VERSION}\n${JSON.stringify(DEFAULT_SETTINGS)}\n`);
  for (const l of LOCALES) h.update(`\n--- ${l}\n${files[l] ?? ''}`);
  return h.digest('hex');
}

const fileFor = (dir: string, key: string): string => join(dir, `nlu-model-${key.slice(0, 16)}.bin`);

/**
 * The trained NLU model: read from `cacheDir` when a file for the current corpus exists, else
 * trained (a few seconds) and written there atomically (temp file, then rename) for the next
 * start, older cache files removed. A cache that cannot be read or written is not an error: the
 * model is trained and used from memory.
 */
export function loadOrTrainModel(opts: ModelCacheOptions = {}): LoadedModel {
  const t0 = process.hrtime.bigint();
  const ms = (): number => Number(process.hrtime.bigint() - t0) / 1e6;
  const cacheDir = opts.cacheDir ?? defaultCacheDir();
  const files = readCorpusFiles('train', opts.dataDir ?? dataDir());
  const key = modelKey(files);
  const file = fileFor(cacheDir, key);
  if (!opts.force) {
    const cached = readCached(file, key);
    if (cached) return { model: new NluModel(cached), source: 'cache', key, ms: ms() };
  }
  const corpus = {} as Corpus;
  for (const l of LOCALES) corpus[l] = parseTsv(files[l], `train/${l}.tsv`);
  const data = trainNluModel(corpus, key);
  writeCached(cacheDir, file, data);
  return { model: new NluModel(data), source: 'trained', key, ms: ms() };
}

function readCached(file: string, key: string): NluModelData | null {
  try {
    const data = decodeModelFile(readFileSync(file)) as NluModelData;
    return data.version === MODEL_VERSION && data.key === key ? data : null;
  } catch {
    return null;
  }
}

function writeCached(dir: string, file: string, data: NluModelData): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, encodeModelFile(data));
    renameSync(tmp, file);
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      // .json: the text format of earlier versions.
      if (path !== file && /^nlu-model-[0-9a-f]+\.(bin|json)$/.test(name)) rmSync(path, { force: true });
    }
  } catch {
    // A read-only disk only costs the next start its training time.
  }
}
