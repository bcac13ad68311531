import type { Challenge } from '../model/challenge';
import type { Locale } from '../model/locale';
import { isLocale, pickText } from '../model/locale';
import { formatDecimal, parseDecimal } from '../tally/decimal';
import { DAY_MS, formatPbDate, parsePbDate } from './pb-dates';
import { ballotRuleKeys, metaRuleOf, ruleAgrees, voteTypeAgrees, voteTypeOf } from './rule-mapping';

/** ISO 4217 "no currency": what a file without `currency` gets, and what exports as no key at all. */
export const NO_CURRENCY = 'XXX';

/**
 * Pabulib's conventional META order. Writing known keys in this order and unknown ones after them,
 * in the order they were read, reproduces every shared file's META byte for byte.
 */
const META_ORDER = [
  'description',
  'country',
  'unit',
  'district',
  'subunit',
  'instance',
  'num_projects',
  'num_votes',
  'budget',
  'vote_type',
  'rule',
  'date_begin',
  'date_end',
  'min_length',
  'max_length',
  'min_sum_cost',
  'max_sum_cost',
  'min_points',
  'max_points',
  'min_sum_points',
  'max_sum_points',
  'scoring_fn',
  'default_score',
  'edition',
  'language',
  'currency',
];

/** The language texts are filed under: META `language` when Agora supports it, else English. */
export const localeOf = (meta: Record<string, string>): Locale => {
  const l = meta.language ?? '';
  return isLocale(l) ? l : 'en';
};

export const numbersAgree = (raw: string | undefined, value: number): boolean => {
  const v = parseDecimal(raw ?? '');
  return v !== null && Math.abs(v - value) <= 1e-9 * Math.max(1, Math.abs(value));
};

const datesAgree = (raw: string | undefined, d: Date): boolean => parsePbDate(raw)?.getTime() === d.getTime();

/**
 * META of a challenge. A key the domain decides (budget, vote type, dates, ...) is written from the
 * domain, except that the text kept in `challenge.meta` wins when it means the same thing: `choose-1`
 * stays `choose-1`, `2022` stays `2022`, `greedy-no-skip` stays itself. Everything else in
 * `challenge.meta` is written as it is.
 */
export function metaOfChallenge(ch: Challenge, projects: number, votes: number): Record<string, string> {
  const raw = ch.meta;
  const out = new Map<string, string>();
  const considered = new Set<string>();
  const decide = (key: string, derived: string | null, agrees: (text: string) => boolean): void => {
    considered.add(key);
    const text = raw[key];
    if (text !== undefined && agrees(text)) out.set(key, text);
    else if (derived !== null) out.set(key, derived);
  };
  decide(
    'description',
    pickText(ch.title, localeOf(raw)) || null,
    (t) => t === pickText(ch.title, localeOf(raw)),
  );
  decide('num_projects', String(projects), (t) => numbersAgree(t, projects));
  decide('num_votes', String(votes), (t) => numbersAgree(t, votes));
  decide('budget', formatDecimal(ch.budget, ','), (t) => numbersAgree(t, ch.budget));
  decide('vote_type', voteTypeOf(ch.ballotRule), (t) => voteTypeAgrees(t, ch.ballotRule));
  decide('rule', metaRuleOf(ch.outcomeRule), (t) => ruleAgrees(t, ch.outcomeRule));
  const begin = ch.schedule.voting;
  if (begin) decide('date_begin', formatPbDate(begin), (t) => datesAgree(t, begin));
  const results = ch.schedule.results;
  if (results) {
    const end = new Date(results.getTime() - DAY_MS);
    decide('date_end', formatPbDate(end), (t) => datesAgree(t, end));
  }
  const voteType = out.get('vote_type') as string;
  for (const k of ballotRuleKeys(ch.ballotRule, voteType, projects, ch.budget)) {
    const isDefault = k.dflt !== undefined && Math.abs(k.value - k.dflt) <= 1e-9 * Math.max(1, k.dflt);
    decide(k.key, isDefault ? null : formatDecimal(k.value, ','), (t) => numbersAgree(t, k.value));
  }
  decide('currency', ch.currency === NO_CURRENCY ? null : ch.currency, (t) => t === ch.currency);
  // Keys the domain decided are done (a stale raw value is dropped); the others pass through.
  for (const [k, v] of Object.entries(raw)) if (!considered.has(k)) out.set(k, v);
  return ordered(out);
}

function ordered(entries: Map<string, string>): Record<string, string> {
  const rank = (k: string): number => {
    const i = META_ORDER.indexOf(k);
    return i < 0 ? META_ORDER.length : i;
  };
  const keys = [...entries.keys()];
  const sorted = keys
    .map((k, i) => ({ k, i }))
    .sort((a, b) => rank(a.k) - rank(b.k) || a.i - b.i)
    .map((x) => x.k);
  const out: Record<string, string> = {};
  for (const k of sorted) out[k] = entries.get(k) as string;
  return out;
}

/** Challenge fields read from META, and the META entries to keep verbatim in `challenge.meta`. */
export function challengeFieldsFromMeta(meta: Record<string, string>): {
  title: string;
  budget: number;
  currency: string;
  voting: Date | null;
  results: Date | null;
} {
  const begin = parsePbDate(meta.date_begin);
  const end = parsePbDate(meta.date_end);
  const results = end ? new Date(end.getTime() + DAY_MS) : null;
  return {
    title:
      meta.description ||
      [meta.unit, meta.subunit, meta.instance].filter(Boolean).join(' ') ||
      'Imported election',
    budget: parseDecimal(meta.budget ?? '') ?? 0,
    currency: /^[A-Z]{3}$/.test(meta.currency ?? '') ? (meta.currency as string) : NO_CURRENCY,
    voting: begin && results && begin.getTime() < results.getTime() ? begin : null,
    results,
  };
}
