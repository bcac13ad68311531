/**
 * Text clean-up shared by every NLU stage. Citizens type on phones: accents are often missing
 * (Greek tonos, Czech háčky), case is random, and junk (control characters, lone surrogates,
 * very long pastes) must never reach the classifiers.
 */

/** Longer messages are cut here: nothing a citizen means needs more, and it bounds the work per message. */
export const MAX_NLU_CHARS = 1000;

// Control and format characters (except ordinary whitespace), and halves of surrogate pairs that lost their partner.
const JUNK =
  /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/**
 * Safe input: at most MAX_NLU_CHARS, NFKC (full-width digits, ligatures and the like become plain
 * letters), junk characters replaced by spaces, whitespace collapsed. Case is kept (entities use it).
 */
export function cleanInput(text: string): string {
  let t = typeof text === 'string' ? text : '';
  if (t.length > MAX_NLU_CHARS) t = t.slice(0, MAX_NLU_CHARS);
  // Lone surrogates first: NFKC keeps them, and a later regex with the u flag would misread them.
  t = t.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, ' ');
  return t
    .normalize('NFKC')
    .replace(/[\t\n\r\v\f]/g, ' ')
    .replace(JUNK, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** cleanInput, lower-cased. */
export const normalize = (text: string): string => cleanInput(text).toLowerCase();

/** A cleaned text that remembers where each of its characters came from. */
export interface CleanText {
  /** What cleanInput returns. */
  text: string;
  /** The original text (cut at MAX_NLU_CHARS). */
  original: string;
  /** Original [start, end) of the cleaned range [start, end). */
  toOriginal(start: number, end: number): { start: number; end: number };
}

const SIMPLE = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;
// Terminal colour codes pasted with text ("\x1b[31m"): without the escape, "31m" reads as 31 million.
// eslint-disable-next-line no-control-regex -- matching the escape character is the point
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/y;
const charCache = new Map<string, string>();

function cleanChar(ch: string): string {
  let out = charCache.get(ch);
  if (out === undefined) {
    out = ch
      .normalize('NFKC')
      .replace(/[\t\n\r\v\f]/g, ' ')
      .replace(JUNK, ' ');
    if (/^\s+$/u.test(out)) out = ' ';
    if (charCache.size < 10_000) charCache.set(ch, out);
  }
  return out;
}

/**
 * cleanInput with an offset map back to the original, so entities can point at what the citizen
 * typed. Characters are cleaned one code point at a time (NFKC of a lone character, junk to a
 * space, runs of spaces collapsed); combining marks stay separate, which every later stage accepts.
 */
export function cleanWithOffsets(input: string): CleanText {
  let original = typeof input === 'string' ? input : '';
  if (original.length > MAX_NLU_CHARS) {
    // Do not cut a surrogate pair in half.
    const cut = /[\uD800-\uDBFF]/.test(original[MAX_NLU_CHARS - 1] ?? '') ? MAX_NLU_CHARS - 1 : MAX_NLU_CHARS;
    original = original.slice(0, cut);
  }
  if (SIMPLE.test(original)) {
    return { text: original, original, toOriginal: (start, end) => ({ start, end }) };
  }
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < original.length) {
    const code = original.codePointAt(i) ?? 0;
    if (code === 0x1b) {
      ANSI.lastIndex = i;
      if (ANSI.test(original)) {
        i = ANSI.lastIndex;
        continue;
      }
    }
    const width = code > 0xffff ? 2 : 1;
    const ch = original.slice(i, i + width);
    const lone = width === 1 && code >= 0xd800 && code <= 0xdfff;
    const out = lone ? ' ' : cleanChar(ch);
    for (const unit of out) {
      if (unit === ' ' && (text === '' || text.endsWith(' '))) continue;
      for (let k = 0; k < unit.length; k++) {
        text += unit[k];
        starts.push(i);
        ends.push(i + width);
      }
    }
    i += width;
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    starts.pop();
    ends.pop();
  }
  return {
    text,
    original,
    toOriginal: (start, end) => {
      if (end <= start)
        return { start: starts[start] ?? original.length, end: starts[start] ?? original.length };
      return { start: starts[start] ?? 0, end: ends[end - 1] ?? original.length };
    },
  };
}
const foldCache = new Map<string, string>();

function foldChar(ch: string): string {
  let out = foldCache.get(ch);
  if (out === undefined) {
    // й is a letter of its own in Bulgarian, not an accented и; ς is only the word-final form of σ.
    if (ch === 'й' || ch === 'Й') out = ch;
    else if (ch === 'ς') out = 'σ';
    else out = ch.normalize('NFD').replace(/\p{M}/gu, '');
    foldCache.set(ch, out);
  }
  return out;
}

/**
 * Accent-folded form: Greek tonos and dialytika, Czech and other Latin diacritics removed, final
 * sigma made σ. "Ψηφίζω" and "ψηφιζω", "děkuji" and "dekuji" fold to the same string.
 */
export function fold(text: string): string {
  // ASCII is the common case and needs no work.
  return text.replace(/[^\p{ASCII}]/gu, foldChar);
}
