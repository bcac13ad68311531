/**
 * A Unicode-aware tokenizer. natural's tokenizers keep only [A-Za-z0-9] and would drop every Greek
 * and Cyrillic letter, so words here are runs of `\p{L}` (with combining marks and inner
 * apostrophes), numbers are runs of digits with inner separators, and pictographs are tokens too
 * (👍 or 🙏 say something about intent).
 */

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: 'word' | 'number' | 'emoji';
}

const TOKEN_RE =
  /([\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*)|(\p{N}+(?:[.,\s]\p{N}{3})*(?:[.,]\p{N}+)?)|(\p{Extended_Pictographic})/gu;

/** Tokens with their offsets in `text`. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index ?? 0;
    const kind = m[1] !== undefined ? 'word' : m[2] !== undefined ? 'number' : 'emoji';
    out.push({ text: m[0], start, end: start + m[0].length, kind });
  }
  return out;
}

const WORD_RE = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*|\p{N}+|\p{Extended_Pictographic}/gu;

/** Just the token strings, the fast path for classification (numbers split at separators). */
export const words = (text: string): string[] => text.match(WORD_RE) ?? [];
