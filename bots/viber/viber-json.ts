/**
 * Viber's `message_token` is a 64-bit integer written as a bare JSON number (e.g.
 * `5741311803571721087`). `JSON.parse` turns it into a double, which keeps only ~16 significant
 * digits: two different callbacks could then share a de-duplication key and the second one would be
 * dropped as a "duplicate". Before parsing, such tokens are rewritten as strings.
 *
 * The pattern only matches a key preceded by `{` or `,`: inside a JSON string a quote is always
 * escaped (`\"`), so text a citizen typed can never match it.
 */
const BARE_TOKEN = /([{,]\s*)"message_token"(\s*):(\s*)(-?\d+)/g;

export function parseViberJson(raw: string): unknown {
  return JSON.parse(raw.replace(BARE_TOKEN, '$1"message_token"$2:$3"$4"'));
}

/** The token as a string whatever way it came (number, string), or null when absent. */
export function tokenOf(v: unknown): string | null {
  if (typeof v === 'string' && v.length > 0) return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}
