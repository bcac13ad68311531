import type { LocalizedText } from '../../core/model/locale';
import { pickText } from '../../core/model/locale';
import type { Html } from './html';
import { html } from './html';

/** Panel text in English, else the first language present. */
export const en = (t: LocalizedText): string => pickText(t, 'en') || '(untitled)';

/** 150000 EUR -> "150,000 EUR". */
export const money = (amount: number, currency: string): string =>
  `${amount.toLocaleString('en-GB', { maximumFractionDigits: 2 })} ${currency}`;

/** A date and time in UTC, short. */
export const when = (d: Date | string | null | undefined): string =>
  d ? new Date(d).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : '—';

/** A status word as a coloured badge. */
export const badge = (s: string): Html =>
  html`<span class="badge ${s.replace(/[^a-z_-]/g, '')}">${s.replace('_', ' ')}</span>`;

/** A route parameter as a string (express 5 gives string | string[] in its types). */
export const param = (v: string | string[] | undefined): string =>
  Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
