import { PabulibError } from './pabulib-error';

/** One logical CSV record with the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Splits `;`-separated text into records. A field may be quoted with `"`; inside quotes `;`, line
 * breaks and doubled `""` are literal. Unquoted fields are trimmed (the Pabulib format description
 * writes `key; value`), quoted ones are kept exactly. Blank lines are skipped. CR LF and LF both end
 * a record. Hand-written rather than regex-based because a quoted field may span lines and every
 * error must name its line.
 */
export function csvRecords(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  const len = text.length;
  let i = 0;
  let line = 1;
  while (i < len) {
    const start = line;
    const fields: string[] = [];
    let blank = true;
    for (;;) {
      // One field.
      let value = '';
      let p = i;
      while (p < len && (text[p] === ' ' || text[p] === '\t')) p++;
      if (text[p] === '"') {
        blank = false;
        p++;
        for (;;) {
          if (p >= len) throw new PabulibError(start, 'a quoted field is not closed (missing ")');
          const ch = text[p] as string;
          if (ch === '"') {
            if (text[p + 1] === '"') {
              value += '"';
              p += 2;
              continue;
            }
            p++;
            break;
          }
          if (ch === '\n') line++;
          value += ch;
          p++;
        }
        while (p < len && (text[p] === ' ' || text[p] === '\t')) p++;
        if (p < len && text[p] !== ';' && text[p] !== '\n' && text[p] !== '\r')
          throw new PabulibError(line, 'unexpected text after a closing quote');
      } else {
        let q = i;
        while (q < len && text[q] !== ';' && text[q] !== '\n' && text[q] !== '\r') q++;
        value = text.slice(i, q).trim();
        if (value !== '' || text[q] === ';') blank = false;
        p = q;
      }
      fields.push(value);
      if (p < len && text[p] === ';') {
        i = p + 1;
        continue;
      }
      // End of record: CR LF, LF, lone CR or end of text.
      let newline = false;
      if (text[p] === '\r') {
        p++;
        newline = true;
      }
      if (text[p] === '\n') {
        p++;
        newline = true;
      }
      if (newline) line++;
      i = p;
      break;
    }
    if (!blank) out.push({ line: start, fields });
  }
  return out;
}
