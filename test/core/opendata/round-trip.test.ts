import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { domainToElection } from '../../../core/opendata/domain-to-election';
import { electionToDomain } from '../../../core/opendata/election-to-domain';
import { phaseOf } from '../../../core/model/challenge';
import { ruleProblem } from '../../../core/model/rules';
import { validateBallot } from '../../../core/usecases/ballots/validate-ballot';
import type { IdGenerator } from '../../../core/shared/ids';
import { parsePabulib } from '../../../core/tally/pabulib-parse';
import { writePabulib } from '../../../core/tally/pabulib-write';
import { tally } from '../../../core/tally/tally';
import { tallyOptionsForRule } from '../../../core/tally/meta-rule';
import { PABULIB_DIR } from '../tally/builders';

function sequentialIds(): IdGenerator {
  let n = 0;
  return { next: (prefix) => `${prefix}_${++n}`, code: (length) => String(++n).padStart(length, '0') };
}

const NOW = new Date('2025-03-01T12:00:00Z');
const files = readdirSync(PABULIB_DIR)
  .filter((f) => f.endsWith('.pb'))
  .sort();
const load = (f: string) => parsePabulib(readFileSync(path.join(PABULIB_DIR, f), 'utf8'));

describe('Pabulib <-> domain', () => {
  describe.each(files)('%s', (file) => {
    const e = load(file);
    const d = electionToDomain(e, { ids: sequentialIds(), now: NOW });

    it('survives file -> domain -> file: same META, projects, votes (byte for byte)', () => {
      const back = domainToElection(d.challenge, d.proposals, d.ballots);
      expect(back).toEqual(e);
      expect(writePabulib(back)).toBe(writePabulib(e));
    });

    it('and the same outcome', () => {
      const opts = tallyOptionsForRule(e.meta.rule) ?? { rule: 'greedy' };
      expect(tally(domainToElection(d.challenge, d.proposals, d.ballots), opts)).toEqual(tally(e, opts));
    });

    it('makes a coherent challenge in the results phase', () => {
      expect(phaseOf(d.challenge, NOW)).toBe('results');
      expect(ruleProblem(d.challenge.ballotRule)).toBeNull();
      expect(d.challenge.budget).toBe(Number(e.meta.budget));
      expect(d.proposals.map((p) => p.ref)).toEqual(e.projects.map((p) => p.id));
      expect(d.ballots.map((b) => b.voterRef)).toEqual(e.votes.map((v) => v.voterId));
      expect(new Set(d.ballots.map((b) => b.receipt)).size).toBe(d.ballots.length);
    });
  });

  it('maps Kraków: ordinal ballots, greedy, selected column to statuses, extra columns to meta', () => {
    const e = load('Poland_Krakow_2020_Debniki.pb');
    const { challenge, proposals, ballots } = electionToDomain(e, { ids: sequentialIds(), now: NOW });
    expect(challenge.ballotRule).toEqual({ kind: 'ranked', maxRanks: 3 });
    expect(challenge.outcomeRule).toEqual({ method: 'greedy' });
    expect(challenge.currency).toBe('PLN');
    expect(challenge.schedule).toEqual({
      voting: new Date('2020-09-26T00:00:00Z'),
      results: new Date('2020-10-06T00:00:00Z'),
    });
    expect(challenge.resultsPublishedAt).toEqual(NOW);
    // Modelled keys the domain reproduces are not duplicated in meta; min_length (ordinal) is not modelled.
    expect(challenge.meta).toMatchObject({ country: 'Poland', min_length: '3', language: 'pl' });
    expect(challenge.meta.budget).toBeUndefined();
    const p31 = proposals.find((p) => p.ref === '31');
    expect(p31).toMatchObject({ status: 'selected', cost: 470000, meta: { votes: '1490', score: '3556' } });
    expect(proposals.find((p) => p.ref === '52')?.status).toBe('not_selected');
    const first = ballots[0];
    expect(first?.choices.map((c) => proposals.find((p) => p.id === c.projectId)?.ref)).toEqual([
      '30',
      '41',
      '50',
    ]);
    expect(first?.meta).toEqual({ voting_method: 'internet' });
  });

  it('maps Wrocław: choose-1 and greedy-no-skip stay as written', () => {
    const { challenge } = electionToDomain(load('Poland_Wroclaw_2018_Rejon_nr_1_250.pb'), {
      ids: sequentialIds(),
      now: NOW,
    });
    expect(challenge.ballotRule).toEqual({ kind: 'approval', min: 1, max: 1 });
    expect(challenge.outcomeRule).toEqual({ method: 'greedy' });
    expect(challenge.meta).toMatchObject({ vote_type: 'choose-1', rule: 'greedy-no-skip' });
  });

  it('maps cumulative ballots with their points and Assen/Świecie to MES with add1', () => {
    const cz = electionToDomain(load('Poland_Czestochowa_2024_Tysiaclecie.pb'), {
      ids: sequentialIds(),
      now: NOW,
    });
    expect(cz.challenge.ballotRule).toEqual({ kind: 'cumulative', points: 10 });
    expect(cz.ballots[1]?.choices.map((c) => c.points)).toEqual([5, 5]);
    const assen = electionToDomain(load('Netherlands_Assen_2024.pb'), { ids: sequentialIds(), now: NOW });
    expect(assen.challenge.outcomeRule).toEqual({ method: 'equal-shares', completion: 'add1' });
    expect(assen.challenge.ballotRule).toEqual({ kind: 'approval', min: 2, max: 14 });
  });

  it('gives ballots the domain validator accepts', () => {
    const d = electionToDomain(load('Poland_Czestochowa_2024_Tysiaclecie.pb'), {
      ids: sequentialIds(),
      now: NOW,
    });
    for (const b of d.ballots.slice(0, 200))
      expect(validateBallot(d.challenge, d.proposals, b.choices).ok).toBe(true);
  });

  it('exports what changed in the domain, not the stale imported text', () => {
    const e = load('Poland_Wroclaw_2018_Rejon_nr_1_250.pb');
    const d = electionToDomain(e, { ids: sequentialIds(), now: NOW });
    const challenge = {
      ...d.challenge,
      budget: 500000,
      outcomeRule: { method: 'equal-shares', completion: 'add1' } as const,
      ballotRule: { kind: 'approval', min: 1, max: 2 } as const,
    };
    const proposals = d.proposals.map((p) =>
      p.ref === '175' ? { ...p, status: 'not_selected' as const } : p,
    );
    const back = domainToElection(challenge, proposals, d.ballots.slice(0, 10));
    expect(back.meta).toMatchObject({
      budget: '500000',
      rule: 'equalshares/add1',
      num_votes: '10',
      max_length: '2',
    });
    expect(back.meta.vote_type).toBe('approval'); // choose-1 no longer describes a 2-project ballot
    expect(back.projects.find((p) => p.id === '175')?.fields.selected).toBe('0');
  });

  it('exports a challenge created in Agora with sensible META and columns', () => {
    const e = load('Netherlands_Assen_2024.pb');
    const d = electionToDomain(e, { ids: sequentialIds(), now: NOW });
    const fresh = { ...d.challenge, meta: {}, currency: 'EUR' };
    const back = domainToElection(fresh, d.proposals, d.ballots);
    expect(Object.keys(back.meta)).toEqual([
      'description',
      'num_projects',
      'num_votes',
      'budget',
      'vote_type',
      'rule',
      'date_begin',
      'date_end',
      'min_length',
      'currency',
    ]);
    expect(back.meta.date_end).toBe('15.04.2024');
  });
});
