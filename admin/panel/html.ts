/**
 * A tiny HTML templating helper that escapes by default. `html\`...\`` returns an `Html` value:
 * interpolated strings and numbers are escaped, `Html` values (other templates, `raw`) are kept,
 * arrays are rendered item by item, and null, undefined and false render nothing. Only `raw` can
 * put unescaped text in a page, so a missing escape is visible in review.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for element content and quoted attribute values. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"'`]/g, (c) => ESCAPES[c] ?? c);

function render(v: unknown): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Trusted markup, kept as it is. Never pass user input. */
export const raw = (s: string): Html => new Html(s);

/**
 * JSON for a `<script type="application/json">` block: `<`, `>`, `&` and line separators are
 * written as \u escapes so the text can never close the element or be read as markup.
 */
export const jsonForScript = (value: unknown): Html =>
  raw(
    JSON.stringify(value)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );

/** An http(s) URL safe to put in `href`/`src`, or null (no `javascript:` or `data:` links). */
export function safeUrl(u: string | null | undefined): string | null {
  if (!u) return null;
  try {
    const url = new URL(u);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
