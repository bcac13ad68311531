/**
 * Text helpers for the server-rendered charts: cleaning and escaping citizen-written text for SVG,
 * and approximate DejaVu Sans widths so that labels can be cut before they overflow the picture.
 * The rasteriser has no layout engine to ask, so widths are estimated (erring on the wide side).
 */

/** Drops what an XML 1.0 parser rejects (control characters, lone surrogates, U+FFFE/U+FFFF) and
 * folds line breaks and runs of spaces: one bad character in a label must not break the render. */
export function cleanText(raw: string): string {
  let out = '';
  for (const ch of raw.normalize('NFC')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0x2028 || cp === 0x2029) out += ' ';
    else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) continue;
    else if ((cp >= 0xd800 && cp <= 0xdfff) || cp === 0xfffe || cp === 0xffff) continue;
    else out += ch;
  }
  // Only plain spaces: \s and trim() would also eat the no-break spaces Intl puts in `1 234 Kč`.
  return out.replace(/ {2,}/g, ' ').replace(/^ | $/g, '');
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Cleaned and escaped for use as SVG text content or an attribute value. */
export function xml(raw: string): string {
  return cleanText(raw).replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

// Cut at grapheme clusters, so a letter never loses its accent and a surrogate pair is never split.
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function graphemes(s: string): string[] {
  return Array.from(segmenter.segment(s), (g) => g.segment);
}

// Advance widths in em, measured on DejaVu Sans and rounded up: the 0.6 em average is right for
// Latin lower case, but capitals and Cyrillic (Ш is 1.07 em, 1.24 em in bold) would overflow with it.
const NARROW = new Set([..."iljIíìïı.,:;!|'`"]);
const SEMI = new Set([...'ftrJ ()[]-"']);
const WIDE = new Set([...'mwMWФЫшщжюфыМмΜΩΨΦ@%…']);
const WIDEST = new Set([...'ШЩЖЮ']);
const BOLD = 1.16; // bold DejaVu is 7-21% wider, depending on the letter

function charEm(g: string): number {
  const c = g.normalize('NFD')[0] ?? g; // the base letter decides (č is as wide as c)
  const cp = c.codePointAt(0) ?? 0;
  if (NARROW.has(c)) return 0.3;
  if (SEMI.has(c)) return 0.42;
  if (WIDEST.has(c)) return 1.1;
  if (WIDE.has(c)) return 1.0;
  if (/\d/.test(c)) return 0.64;
  if (c !== c.toLowerCase()) return 0.8;
  if (cp >= 0x430 && cp <= 0x45f) return 0.68; // Cyrillic lower case
  if (cp > 0x2000) return 1.0; // symbols and anything unknown: assume wide
  return 0.62;
}

/** Estimated width in px of `s` at `fontSize` px. */
export function textWidth(s: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const g of graphemes(s)) em += charEm(g);
  return em * fontSize * (bold ? BOLD : 1);
}

/** `s` itself if it fits in `maxWidth`, else its longest prefix of whole characters plus `…`. */
export function truncate(s: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(s, fontSize, bold) <= maxWidth) return s;
  const limit = maxWidth - textWidth('…', fontSize, bold);
  let out = '';
  let width = 0;
  for (const g of graphemes(s)) {
    const w = charEm(g) * fontSize * (bold ? BOLD : 1);
    if (width + w > limit) break;
    out += g;
    width += w;
  }
  return `${out.trimEnd()}…`;
}

/** Greedy word wrap into at most `maxLines` lines; the last line is truncated if text remains. */
export function wrap(
  s: string,
  maxWidth: number,
  fontSize: number,
  bold: boolean,
  maxLines: number,
): string[] {
  const lines: string[] = [];
  let rest = s;
  while (rest && lines.length < maxLines - 1) {
    if (textWidth(rest, fontSize, bold) <= maxWidth) break;
    const words = rest.split(' ');
    let line = words[0] ?? '';
    let used = 1;
    while (used < words.length && textWidth(`${line} ${words[used]}`, fontSize, bold) <= maxWidth)
      line += ` ${words[used++]}`;
    if (textWidth(line, fontSize, bold) > maxWidth) {
      // A single word longer than the line: cut it rather than overflow.
      const cut = truncate(line, maxWidth, fontSize, bold).slice(0, -1);
      lines.push(cut);
      rest = rest.slice(cut.length).trimStart();
    } else {
      lines.push(line);
      rest = words.slice(used).join(' ');
    }
  }
  if (rest) lines.push(truncate(rest, maxWidth, fontSize, bold));
  return lines;
}
