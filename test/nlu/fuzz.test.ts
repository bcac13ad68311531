import type { Nlu, NluResult } from '../../nlu';
import { INTENTS } from '../../nlu';
import { LOCALES } from '../../core/model/locale';
import { prng, testNlu } from './support';

let nlu: Nlu;
// Training takes a few seconds when the corpus changed since the cached model.
beforeAll(async () => {
  nlu = await testNlu();
}, 60_000);

const LABELS: string[] = [...INTENTS, 'none'];

/** Whatever the input, a well-formed result whose spans point into the input. */
function expectWellFormed(input: string, r: NluResult): void {
  expect(LOCALES).toContain(r.language);
  expect(LABELS).toContain(r.intent);
  expect(r.confidence).toBeGreaterThanOrEqual(0);
  expect(r.confidence).toBeLessThanOrEqual(1);
  for (const e of r.entities) {
    expect(e.start).toBeGreaterThanOrEqual(0);
    expect(e.end).toBeLessThanOrEqual(input.length);
    expect(input.slice(e.start, e.end)).toBe(e.text);
  }
}

const rand = prng(20260302);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const int = (n: number): number => Math.floor(rand() * n);
const fromRange = (lo: number, hi: number): string => String.fromCodePoint(lo + int(hi - lo + 1));

// Emoji that say nothing in a conversation about budgets (no 👍, 🙏, 👋: those mean something).
const NOISE_EMOJI = ['🍕', '🚗', '🌈', '🐙', '🎸', '🧦', '🦄', '🍩', '🛸', '🧊', '🪐', '🥑'];

describe('bad input', () => {
  it.each([
    ['empty', ''],
    ['whitespace', ' \t\n\r  \u00a0\u2003 '],
    ['control characters', '\u0000\u0001\u0007\u001b[31m\u007f\u0085'],
    ['format characters', '\u200b\u200d\u2060\ufeff\u202e'],
    ['lone surrogates', '\ud800\udfff\ud83d'],
    ['punctuation only', '?!.,;:-—…«»""\'()[]{}'],
    ['emoji only', '🍕🚗🌈'],
    ['10,000 spaces', ' '.repeat(10_000)],
    ['10,000 emoji', '🦄'.repeat(5_000)],
  ])('%s gives none', async (_name, input) => {
    const r = await nlu.parse(input);
    expectWellFormed(input, r);
    expect(r.intent).toBe('none');
    expect(r.entities).toEqual([]);
  });

  it('gives none for text in scripts it does not know', async () => {
    for (const input of ['你好，我想投票', 'مرحبا كيف حالك', 'नमस्ते आप कैसे हैं', 'こんにちは', '안녕하세요']) {
      const r = await nlu.parse(input);
      expectWellFormed(input, r);
      expect(r.intent).toBe('none');
    }
  });

  it('copes with 10,000 characters of text', async () => {
    const input = 'I want to vote for the skate park tomorrow, 5.000 €. '.repeat(200).slice(0, 10_000);
    const t0 = Date.now();
    const r = await nlu.parse(input, { localeHint: 'en' });
    expectWellFormed(input, r);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('copes with mixed scripts', async () => {
    for (const input of [
      'θέλω vote για το park',
      'хочу vote за парка 5k',
      'chci ψηφίσω за',
      'vοte (with a Greek omicron)',
    ]) {
      expectWellFormed(input, await nlu.parse(input, { localeHint: 'el' }));
    }
  });

  it('never throws on a few thousand random strings', async () => {
    const generators: (() => string)[] = [
      // Any code point of the BMP and beyond, surrogates included.
      () => Array.from({ length: 1 + int(40) }, () => String.fromCharCode(int(0x10000))).join(''),
      () => Array.from({ length: 1 + int(30) }, () => fromRange(0x20, 0x2fff)).join(''),
      // Letters of our scripts in random order, with digits and separators.
      () =>
        Array.from({ length: 1 + int(60) }, () =>
          pick([
            () => fromRange(0x61, 0x7a),
            () => fromRange(0x3b1, 0x3c9),
            () => fromRange(0x430, 0x44f),
            () => pick(['ě', 'š', 'č', 'ř', 'ž', 'ý', 'á', 'í', 'é', 'ů']),
            () => fromRange(0x30, 0x39),
            () => pick([' ', ' ', '.', ',', '€', '/', '-', ':', '\t', '\n']),
          ])(),
        ).join(''),
      () => Array.from({ length: 1 + int(8) }, () => pick(NOISE_EMOJI)).join(pick(['', ' '])),
      () => pick(['5', '5.000', '12/3', '1.5', '€', 'k']).repeat(1 + int(50)),
    ];
    for (let i = 0; i < 3000; i++) {
      const input = pick(generators)();
      const hint = rand() < 0.5 ? pick(LOCALES) : undefined;
      const r = await nlu.parse(input, hint ? { localeHint: hint } : {});
      expectWellFormed(input, r);
      if (!/[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(input)) expect(r.intent).toBe('none');
    }
  });

  it('gives none for noise emoji, whatever their number', async () => {
    for (let i = 0; i < 200; i++) {
      const input = Array.from({ length: 1 + int(6) }, () => pick(NOISE_EMOJI)).join(pick(['', ' ']));
      expect((await nlu.parse(input)).intent).toBe('none');
    }
  });

  it('ignores a locale hint that is not one of ours', async () => {
    const r = await nlu.parse('ahoj', { localeHint: 'xx' as never });
    expectWellFormed('ahoj', r);
  });
});
