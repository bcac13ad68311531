import type { Challenge } from '../../core/model/challenge';
import { phaseOf } from '../../core/model/challenge';
import type { LocalizedText, Locale } from '../../core/model/locale';
import { pickText } from '../../core/model/locale';
import { phaseEndsAt } from '../../core/model/phase';
import type { Proposal } from '../../core/model/proposal';
import type { ProjectUpdate } from '../../core/model/update';
import type { ChallengeResults } from '../../core/usecases/results/compute-results';

/** With `?lang=`, texts are flattened to that language (with fallback); otherwise all languages are given. */
const text = (t: LocalizedText, lang: Locale | undefined): string | LocalizedText =>
  lang ? pickText(t, lang) : t;

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/** Public view of a challenge. */
export function challengeView(c: Challenge, now: Date, lang?: Locale) {
  return {
    id: c.id,
    title: text(c.title, lang),
    description: text(c.description, lang),
    domain: c.domain,
    budget: c.budget,
    currency: c.currency,
    phase: phaseOf(c, now),
    phaseEndsAt: c.forcedPhase ? null : iso(phaseEndsAt(c.schedule, now)),
    schedule: Object.fromEntries(Object.entries(c.schedule).map(([p, d]) => [p, iso(d)])),
    ballotRule: c.ballotRule,
    outcomeRule: c.outcomeRule,
    minVerification: c.minVerification,
    resultsPublishedAt: iso(c.resultsPublishedAt),
  };
}

/** Public view of a project. Never the author: open data carries no personal data. */
export function projectView(p: Proposal, supports: number, lang?: Locale) {
  return {
    id: p.id,
    ref: p.ref,
    challengeId: p.challengeId,
    title: text(p.title, lang),
    description: text(p.description, lang),
    cost: p.cost,
    status: p.status,
    rejectionReason: p.rejectionReason,
    officialNote: p.officialNote,
    category: p.category,
    location: p.location,
    progress: p.progress,
    milestones: p.milestones.map((m) => ({ title: m.title, due: iso(m.due), done: m.done })),
    supports,
    createdAt: iso(p.createdAt),
  };
}

/** Public view of a progress update: what officials published, never who posted it. */
export function updateView(u: ProjectUpdate) {
  return {
    id: u.id,
    text: u.text,
    progress: u.progress,
    status: u.status,
    photo: u.photo,
    createdAt: iso(u.createdAt),
  };
}

/** Public view of a challenge's results: ids, refs, money and counts, never who voted for what. */
export function resultsView(r: ChallengeResults, lang?: Locale) {
  return {
    challengeId: r.challengeId,
    rule: r.rule,
    budget: r.budget,
    currency: r.currency,
    totalCost: r.totalCost,
    voters: r.voters,
    publishedAt: iso(r.publishedAt),
    selected: r.selected,
    projects: r.projects.map((p) => ({
      id: p.proposalId,
      ref: p.ref,
      title: text(p.title, lang),
      cost: p.cost,
      votes: p.votes,
      score: p.score,
      selected: p.selected,
      rank: p.rank,
      status: p.status,
    })),
  };
}
