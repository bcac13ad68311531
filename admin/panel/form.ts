import type { Request } from 'express';
import type { Html } from './html';
import { html } from './html';

/** Submitted form values as strings (a repeated field keeps its first value). */
export type FormValues = Record<string, string>;

/** The urlencoded body as plain strings; anything else (no body, JSON arrays) reads as empty. */
export function formValues(req: Request): FormValues {
  const body: unknown = req.body;
  const out: FormValues = {};
  if (!body || typeof body !== 'object') return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === 'string') out[k] = first;
  }
  return out;
}

/** A trimmed field, '' when absent. */
export const text = (v: FormValues, name: string): string => (v[name] ?? '').trim();

/** A number field: null when empty, NaN when not a number (callers name the field in their error). */
export function num(v: FormValues, name: string): number | null {
  const s = text(v, name).replace(/\s/g, '').replace(',', '.');
  if (s === '') return null;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
}

/** A query-string parameter as a string, or ''. */
export const queryText = (req: Request, name: string): string => {
  const v = (req.query as Record<string, unknown>)[name];
  return typeof v === 'string' ? v.trim() : '';
};

interface FieldOptions {
  type?: string;
  required?: boolean;
  hint?: string;
  disabled?: boolean;
  attrs?: Html;
}

/** A labelled input. */
export function input(name: string, label: string, value: string | undefined, o: FieldOptions = {}): Html {
  return html`<label class="field"
    ><span>${label}${o.required ? html` <abbr title="required">*</abbr>` : ''}</span>
    <input
      name="${name}"
      type="${o.type ?? 'text'}"
      value="${value ?? ''}"
      ${o.required ? html` required` : ''}${o.disabled ? html` disabled` : ''}${o.attrs ?? ''}
    />
    ${o.hint ? html`<small>${o.hint}</small>` : ''}</label
  >`;
}

/** A labelled textarea. */
export function textarea(name: string, label: string, value: string | undefined, o: FieldOptions = {}): Html {
  return html`<label class="field"
    ><span>${label}${o.required ? html` <abbr title="required">*</abbr>` : ''}</span>
    <textarea
      name="${name}"
      rows="4"
      ${o.required ? html` required` : ''}${o.disabled ? html` disabled` : ''}${o.attrs ?? ''}
    >
${value ?? ''}</textarea>
    ${o.hint ? html`<small>${o.hint}</small>` : ''}</label
  >`;
}

/** A labelled select; options as [value, label]. */
export function select(
  name: string,
  label: string,
  value: string | undefined,
  options: readonly (readonly [string, string])[],
  o: FieldOptions = {},
): Html {
  return html`<label class="field"
    ><span>${label}</span>
    <select name="${name}" ${o.disabled ? html` disabled` : ''}${o.attrs ?? ''}>
      ${options.map(
        ([v, l]) => html`<option value="${v}" ${v === value ? html` selected` : ''}>${l}</option>`,
      )}
    </select>
    ${o.hint ? html`<small>${o.hint}</small>` : ''}</label
  >`;
}

/** A labelled checkbox sending "on" when ticked. */
export const checkbox = (name: string, label: string, checked: boolean): Html =>
  html`<label class="check"
    ><input type="checkbox" name="${name}" ${checked ? html` checked` : ''} /> ${label}</label
  >`;
