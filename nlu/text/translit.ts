/**
 * Transliteration between scripts, for two jobs:
 * - a **skeleton**: a lossy Latin spelling where Greek and Greeklish ("ψηφίζω", "psifizw", "pshfizo")
 *   or Bulgarian Cyrillic and its Latin chat spelling ("гласувам", "glasuvam") meet, so one
 *   classifier feature covers every way of writing a word;
 * - **Greeklish / Latin Bulgarian samples** from the Greek and Cyrillic corpus, so the language
 *   detector learns what those languages look like in Latin letters.
 * Input is expected lower-cased and accent-folded (see normalize.ts).
 */

const GREEK_DIGRAPHS: readonly [string, string][] = [
  ['ου', 'ou'],
  ['αυ', 'av'],
  ['ευ', 'ev'],
  ['μπ', 'b'],
  ['ντ', 'nt'],
  ['γκ', 'gk'],
  ['γγ', 'ng'],
];

const GREEK_LETTERS: Record<string, string> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'ks',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'x',
  ψ: 'ps',
  ω: 'o',
};

const CYRILLIC_LETTERS: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sht',
  ъ: 'a',
  ь: 'y',
  ю: 'yu',
  я: 'ya',
  ё: 'yo',
  ы: 'y',
  э: 'e',
  і: 'i',
  ї: 'yi',
  є: 'ye',
};

function mapLetters(text: string, table: Record<string, string>): string {
  let out = '';
  for (const ch of text) out += table[ch] ?? ch;
  return out;
}

/** Greek to the most common Greeklish spelling ("ευχαριστω" -> "evxaristo"). */
export function greekToLatin(text: string): string {
  let t = text;
  for (const [from, to] of GREEK_DIGRAPHS) t = t.split(from).join(to);
  return mapLetters(t, GREEK_LETTERS);
}

/** Bulgarian Cyrillic to the usual chat transliteration ("щастлив" -> "shtastliv"). */
export const cyrillicToLatin = (text: string): string => mapLetters(text, CYRILLIC_LETTERS);

type Rule = readonly [RegExp, string];

// Greeklish writers use digits for look-alike letters and several spellings per sound; the rules
// collapse them all to one sound-alike form. Order matters: digraphs before single letters.
const GREEKLISH_RULES: readonly Rule[] = [
  [/8/g, 'th'],
  [/3/g, 'ks'],
  [/4/g, 'ps'],
  [/(ch|kh)/g, 'x'],
  [/th/g, 'q'],
  [/h/g, 'x'],
  [/w/g, 'o'],
  [/y/g, 'i'],
  [/ou/g, 'u'],
  [/(ei|oi|ui)/g, 'i'],
  [/ai/g, 'e'],
  [/(eu|ef)/g, 'ev'],
  [/(au|af)/g, 'av'],
  [/mp/g, 'b'],
  [/nt/g, 'd'],
  [/(gk|gg|ng)/g, 'g'],
  [/c/g, 'k'],
  [/(\p{L})\1+/gu, '$1'],
];

const BULGARIAN_RULES: readonly Rule[] = [
  [/4/g, 'ch'],
  [/6/g, 'sh'],
  [/sht/g, 'st'],
  [/zh/g, 'j'],
  [/ch/g, 'C'],
  [/sh/g, 'S'],
  [/ts/g, 'c'],
  [/(yu|iu|ju)/g, 'U'],
  [/(ya|ia|ja|q)/g, 'A'],
  [/y/g, 'i'],
  [/w/g, 'v'],
  [/x/g, 'h'],
  [/(\p{L})\1+/gu, '$1'],
];

function applyRules(text: string, rules: readonly Rule[]): string {
  let t = text;
  for (const [re, to] of rules) t = t.replace(re, to);
  return t;
}

/** Sound-alike Latin form of Greek or Greeklish text (lower-cased, folded input). */
export const greekSkeleton = (text: string): string => applyRules(greekToLatin(text), GREEKLISH_RULES);

/** Sound-alike Latin form of Bulgarian Cyrillic or its Latin spelling (lower-cased, folded input). */
export const bulgarianSkeleton = (text: string): string => applyRules(cyrillicToLatin(text), BULGARIAN_RULES);

/** Any script to plain Latin (Greek and Cyrillic transliterated), for matching titles across languages. */
export const toLatin = (text: string): string => cyrillicToLatin(greekToLatin(text));
