/** Letters of each script in a text: the strongest language evidence there is. */
export interface ScriptCounts {
  greek: number;
  cyrillic: number;
  latin: number;
  /** Latin letters only Czech uses among our languages (ě š č ř ž ů ň ť ď). */
  czech: number;
  other: number;
}

const CZECH = new Set('ěščřžůňťďĚŠČŘŽŮŇŤĎ');

/** Counts letters by script (code-point ranges; digits, marks and symbols are not letters). */
export function scriptCounts(text: string): ScriptCounts {
  const c: ScriptCounts = { greek: 0, cyrillic: 0, latin: 0, czech: 0, other: 0 };
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a)) c.latin++;
    else if (cp < 0xc0) continue;
    else if (cp <= 0x24f) {
      if (cp === 0xd7 || cp === 0xf7) continue;
      c.latin++;
      if (CZECH.has(ch)) c.czech++;
    } else if ((cp >= 0x370 && cp <= 0x3ff) || (cp >= 0x1f00 && cp <= 0x1fff)) c.greek++;
    else if (cp >= 0x400 && cp <= 0x52f) c.cyrillic++;
    else if (/\p{L}/u.test(ch)) c.other++;
  }
  return c;
}
