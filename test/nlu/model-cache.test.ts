import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCALES } from '../../core/model/locale';
import { dataDir } from '../../nlu/corpus/corpus';
import { createNlu } from '../../nlu';
import { loadOrTrainModel, modelKey } from '../../nlu/model/model-cache';

// A small corpus (a dozen lines per intent and language) keeps training to a fraction of a second.
const root = mkdtempSync(join(tmpdir(), 'agora-nlu-cache-'));
const corpusDir = join(root, 'data');
const cacheDir = join(root, 'cache');

beforeAll(() => {
  mkdirSync(join(corpusDir, 'train'), { recursive: true });
  for (const l of LOCALES) {
    const lines = readFileSync(join(dataDir(), 'train', `${l}.tsv`), 'utf8').split('\n');
    const perIntent = new Map<string, number>();
    const kept = lines.filter((line) => {
      const intent = line.split('\t')[0] ?? '';
      if (!line.includes('\t') || line.startsWith('#')) return false;
      perIntent.set(intent, (perIntent.get(intent) ?? 0) + 1);
      return (perIntent.get(intent) ?? 0) <= 12;
    });
    writeFileSync(join(corpusDir, 'train', `${l}.tsv`), `${kept.join('\n')}\n`);
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const cacheFiles = (): string[] => readdirSync(cacheDir).filter((f) => f.startsWith('nlu-model-'));

describe('model cache', () => {
  it('trains once, then loads from the cache', async () => {
    const first = await createNlu({ cacheDir, dataDir: corpusDir });
    expect(first.model.source).toBe('trained');
    expect(cacheFiles()).toHaveLength(1);
    const second = await createNlu({ cacheDir, dataDir: corpusDir });
    expect(second.model.source).toBe('cache');
    expect(second.model.key).toBe(first.model.key);
    // Same model, same answers.
    for (const text of ['i want to vote', 'θέλω να ψηφίσω', 'děkuji', 'кой спечели?']) {
      expect(await second.parse(text)).toEqual(await first.parse(text));
    }
  });

  it('retrains when a corpus file changes, replacing the old cache file', async () => {
    const before = await createNlu({ cacheDir, dataDir: corpusDir });
    appendFileSync(join(corpusDir, 'train', 'cs.tsv'), 'thanks\tdíky moc za všechno\n');
    const after = await createNlu({ cacheDir, dataDir: corpusDir });
    expect(after.model.source).toBe('trained');
    expect(after.model.key).not.toBe(before.model.key);
    expect(cacheFiles()).toEqual([`nlu-model-${after.model.key.slice(0, 16)}.bin`]);
    expect((await createNlu({ cacheDir, dataDir: corpusDir })).model.source).toBe('cache');
  });

  it('retrains over a damaged cache file', async () => {
    const ok = await createNlu({ cacheDir, dataDir: corpusDir });
    const [file] = cacheFiles();
    writeFileSync(join(cacheDir, file as string), '{"version": 1, "trunc');
    const again = await createNlu({ cacheDir, dataDir: corpusDir });
    expect(again.model.source).toBe('trained');
    expect(again.model.key).toBe(ok.model.key);
  });

  it('still works when the cache cannot be written', () => {
    const blocked = join(root, 'not-a-dir');
    writeFileSync(blocked, 'a file where the cache folder should be');
    expect(loadOrTrainModel({ cacheDir: blocked, dataDir: corpusDir }).source).toBe('trained');
  });

  it('keys on the corpus content', () => {
    const files = { en: 'greet\thi\n', el: '', bg: '', cs: '' };
    expect(modelKey(files)).toBe(modelKey({ ...files }));
    expect(modelKey(files)).not.toBe(modelKey({ ...files, cs: 'greet\tahoj\n' }));
  });
});
