import type { Challenge } from '../../core/model/challenge';
import type { VerificationLevel } from '../../core/model/citizen';
import { VERIFICATION_ORDER } from '../../core/model/citizen';
import type { LocalizedText } from '../../core/model/locale';
import { LOCALES } from '../../core/model/locale';
import type { PhaseSchedule } from '../../core/model/phase';
import { PHASES } from '../../core/model/phase';
import type { BallotRule, Completion, OutcomeRule } from '../../core/model/rules';
import { COMPLETIONS } from '../../core/model/rules';
import type { ChallengeInput } from '../../core/usecases/challenges/challenge-input';
import type { FormValues } from './form';
import { num, text } from './form';

export const SCHEDULED = PHASES.filter((p) => p !== 'draft') as Exclude<(typeof PHASES)[number], 'draft'>[];
export const BALLOT_KINDS = ['knapsack', 'approval', 'ranked', 'cumulative'] as const;

/** Fields that only an administrator may change (disabled for officials, and once ballots exist). */
export const RULE_FIELDS = [
  'budget',
  'ballotKind',
  'minBudgetShare',
  'approvalMin',
  'approvalMax',
  'maxRanks',
  'points',
  'maxPerProject',
  'outcomeMethod',
  'completion',
] as const;

const day = (d: Date | undefined): string => (d ? d.toISOString().slice(0, 10) : '');

/** The form values showing an existing challenge. */
export function challengeToForm(c: Challenge): FormValues {
  const v: FormValues = {
    domain: c.domain,
    budget: String(c.budget),
    currency: c.currency,
    minVerification: c.minVerification,
    ballotKind: c.ballotRule.kind,
    outcomeMethod: c.outcomeRule.method,
    completion: c.outcomeRule.method === 'equal-shares' ? c.outcomeRule.completion : 'add1',
  };
  for (const l of LOCALES) {
    v[`title_${l}`] = c.title[l] ?? '';
    v[`desc_${l}`] = c.description[l] ?? '';
  }
  for (const p of SCHEDULED) v[`phase_${p}`] = day(c.schedule[p]);
  const r = c.ballotRule;
  if (r.kind === 'knapsack' && r.minBudgetShare !== undefined)
    v.minBudgetShare = String(r.minBudgetShare * 100);
  if (r.kind === 'approval') Object.assign(v, { approvalMin: String(r.min), approvalMax: String(r.max) });
  if (r.kind === 'ranked') v.maxRanks = String(r.maxRanks);
  if (r.kind === 'cumulative') {
    v.points = String(r.points);
    if (r.maxPerProject !== undefined) v.maxPerProject = String(r.maxPerProject);
  }
  return v;
}

/** Empty form with sensible defaults for a new challenge. */
export const newChallengeForm = (): FormValues => ({
  currency: 'EUR',
  minVerification: 'none',
  ballotKind: 'knapsack',
  outcomeMethod: 'equal-shares',
  completion: 'add1',
});

const texts = (v: FormValues, prefix: string): LocalizedText => {
  const out: LocalizedText = {};
  for (const l of LOCALES) {
    const t = text(v, `${prefix}_${l}`);
    if (t) out[l] = t;
  }
  return out;
};

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** A whole number field with bounds, named in the problem. */
function int(v: FormValues, name: string, label: string, min: number): Parsed<number | null> {
  const n = num(v, name);
  if (n === null) return { ok: true, value: null };
  if (!Number.isInteger(n) || n < min)
    return { ok: false, problem: `${label}: a whole number of at least ${min}` };
  return { ok: true, value: n };
}

function ballotRule(v: FormValues): Parsed<BallotRule> {
  const kind = text(v, 'ballotKind');
  if (kind === 'knapsack') {
    const share = num(v, 'minBudgetShare');
    if (share === null) return { ok: true, value: { kind } };
    if (!(share >= 0 && share <= 100)) return { ok: false, problem: 'minimum share of budget: 0 to 100 (%)' };
    return { ok: true, value: { kind, minBudgetShare: share / 100 } };
  }
  if (kind === 'approval') {
    const min = int(v, 'approvalMin', 'approval minimum', 0);
    const max = int(v, 'approvalMax', 'approval maximum', 1);
    if (!min.ok) return min;
    if (!max.ok) return max;
    if (max.value === null) return { ok: false, problem: 'approval maximum: required for approval ballots' };
    return { ok: true, value: { kind, min: min.value ?? 0, max: max.value } };
  }
  if (kind === 'ranked') {
    const k = int(v, 'maxRanks', 'projects to rank', 1);
    if (!k.ok) return k;
    if (k.value === null) return { ok: false, problem: 'projects to rank: required for ranked ballots' };
    return { ok: true, value: { kind, maxRanks: k.value } };
  }
  if (kind === 'cumulative') {
    const points = int(v, 'points', 'points', 1);
    const per = int(v, 'maxPerProject', 'maximum points per project', 1);
    if (!points.ok) return points;
    if (!per.ok) return per;
    if (points.value === null) return { ok: false, problem: 'points: required for cumulative ballots' };
    return {
      ok: true,
      value:
        per.value === null
          ? { kind, points: points.value }
          : { kind, points: points.value, maxPerProject: per.value },
    };
  }
  return { ok: false, problem: 'ballot rule: choose knapsack, approval, ranked or cumulative' };
}

function outcomeRule(v: FormValues): Parsed<OutcomeRule> {
  const method = text(v, 'outcomeMethod');
  if (method === 'greedy') return { ok: true, value: { method } };
  if (method !== 'equal-shares') return { ok: false, problem: 'outcome rule: greedy or equal-shares' };
  const completion = text(v, 'completion') as Completion;
  if (!COMPLETIONS.includes(completion))
    return { ok: false, problem: `completion: one of ${COMPLETIONS.join(', ')}` };
  return { ok: true, value: { method, completion } };
}

function schedule(v: FormValues): Parsed<PhaseSchedule> {
  const out: PhaseSchedule = {};
  for (const p of SCHEDULED) {
    const s = text(v, `phase_${p}`);
    if (!s) continue;
    const d = /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T00:00:00Z`) : new Date(NaN);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s)
      return { ok: false, problem: `${p} starts: a date such as 2026-05-01` };
    out[p] = d;
  }
  return { ok: true, value: out };
}

/**
 * Reads the challenge form. Rule fields left out of the submission (disabled because ballots exist
 * or because the user is an official) keep the current challenge's values.
 */
export function parseChallengeForm(v: FormValues, current: Challenge | null): Parsed<ChallengeInput> {
  const merged: FormValues = current ? { ...challengeToForm(current), ...v } : v;
  const budget = num(merged, 'budget');
  if (budget === null || Number.isNaN(budget))
    return { ok: false, problem: 'budget: enter an amount such as 50000' };
  const br = ballotRule(merged);
  if (!br.ok) return br;
  const or = outcomeRule(merged);
  if (!or.ok) return or;
  const sc = schedule(merged);
  if (!sc.ok) return sc;
  const mv = text(merged, 'minVerification') as VerificationLevel;
  if (!VERIFICATION_ORDER.includes(mv)) return { ok: false, problem: 'verification: none, phone or code' };
  return {
    ok: true,
    value: {
      title: texts(merged, 'title'),
      description: texts(merged, 'desc'),
      domain: text(merged, 'domain'),
      budget,
      currency: text(merged, 'currency').toUpperCase(),
      schedule: sc.value,
      ballotRule: br.value,
      outcomeRule: or.value,
      minVerification: mv,
    },
  };
}
