import type { Ballot } from '../model/ballot';
import type { Challenge } from '../model/challenge';
import type { PhaseSchedule } from '../model/phase';
import type { Proposal } from '../model/proposal';
import type { IdGenerator } from '../shared/ids';
import type { PbElection } from '../tally/pabulib-types';
import { challengeFieldsFromMeta, localeOf, metaOfChallenge } from './meta-mapping';
import { proposalFieldsFromProject } from './project-mapping';
import { ballotRuleFromMeta, outcomeRuleFromMeta } from './rule-mapping';
import { choicesOfVote } from './vote-mapping';

export interface ImportContext {
  ids: IdGenerator;
  now: Date;
}

export interface ImportedElection {
  challenge: Challenge;
  proposals: Proposal[];
  ballots: Ballot[];
}

/** Length of the receipt code of imported ballots (they have no voter to hand it to, but keep the shape). */
const RECEIPT_LENGTH = 10;

/**
 * Agora's view of a Pabulib election: a challenge forced into the results phase, one accepted (or
 * selected / not selected, from the `selected` column) proposal per project with `ref` = project_id,
 * and one anonymous ballot per vote with `voterRef` = voter_id. Everything the domain does not model
 * (extra META keys, PROJECTS and VOTES columns) is kept verbatim in the `meta` fields, so
 * `domainToElection` gives back the same file.
 */
export function electionToDomain(e: PbElection, ctx: ImportContext): ImportedElection {
  const { ids, now } = ctx;
  const locale = localeOf(e.meta);
  const fields = challengeFieldsFromMeta(e.meta);
  const schedule: PhaseSchedule = {};
  if (fields.voting) schedule.voting = fields.voting;
  if (fields.results) schedule.results = fields.results;
  const challengeId = ids.next('ch');
  const challenge: Challenge = {
    id: challengeId,
    title: { [locale]: fields.title },
    description: {},
    domain: 'general',
    budget: fields.budget,
    currency: fields.currency,
    schedule,
    forcedPhase: 'results',
    ballotRule: ballotRuleFromMeta(e),
    outcomeRule: outcomeRuleFromMeta(e.meta.rule),
    minVerification: 'none',
    resultsPublishedAt: e.projectColumns.includes('selected') ? now : null,
    meta: { ...e.meta },
    createdAt: now,
    updatedAt: now,
  };
  challenge.meta = unmodelledMeta(challenge, e.projects.length, e.votes.length);
  // Stores list projects by ref; `createdAt` one millisecond apart keeps the file's own order for export.
  const proposals: Proposal[] = e.projects.map((p, i) => ({
    id: ids.next('pr'),
    challengeId,
    authorId: null,
    photo: null,
    rejectionReason: null,
    officialNote: null,
    progress: 0,
    milestones: [],
    createdAt: new Date(now.getTime() + i),
    updatedAt: now,
    ...proposalFieldsFromProject(p, locale),
  }));
  const idByRef = new Map(proposals.map((p) => [p.ref, p.id]));
  const ballots: Ballot[] = e.votes.map((v) => ({
    id: ids.next('ba'),
    challengeId,
    citizenId: null,
    voterRef: v.voterId,
    choices: choicesOfVote(v, idByRef),
    receipt: ids.code(RECEIPT_LENGTH),
    // The import's digest vouches for these ballots; their choices are public in the file anyway.
    salt: '',
    castAt: now,
    updatedAt: now,
    meta: { ...v.fields },
  }));
  return { challenge, proposals, ballots };
}

/**
 * META entries the challenge cannot give back by itself: unmodelled keys, and modelled ones whose
 * text differs from what the domain would write (`choose-1`, `greedy-no-skip`, a `2022` date...).
 * A key is dropped only when exporting without it still yields the same text.
 */
function unmodelledMeta(challenge: Challenge, projects: number, votes: number): Record<string, string> {
  let meta = { ...challenge.meta };
  for (const [key, text] of Object.entries(challenge.meta)) {
    const rest = { ...meta };
    delete rest[key];
    if (metaOfChallenge({ ...challenge, meta: rest }, projects, votes)[key] === text) meta = rest;
  }
  return meta;
}
