import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import pino from 'pino';
import { createHttpApp } from '../../app/http-app';
import { castBallot } from '../../core/usecases/ballots/cast-ballot';
import { forcePhase } from '../../core/usecases/challenges/manage';
import { importElection } from '../../core/usecases/opendata/import-election';
import { publishResults } from '../../core/usecases/results/publish-results';
import { sha256Hex } from '../../core/shared/hash';
import { unwrap } from '../../core/shared/result';
import { parsePabulib, tally } from '../../core/tally';
import type { TestDeps } from '../support/deps';
import { makeDeps } from '../support/deps';
import { aChallengeWithProjects, aCitizenIn } from '../support/scenario';
import { PABULIB_DIR } from '../core/tally/builders';

let deps: TestDeps;
let app: Express;
beforeEach(async () => {
  deps = await makeDeps();
  app = createHttpApp({ deps, logger: pino({ level: 'silent' }), isReady: () => true });
});
afterEach(() => deps.store.close());

async function votedChallenge() {
  const { challenge, projects } = await aChallengeWithProjects(deps, 'voting', [60, 30, 20], {
    budget: 100,
    title: { en: 'Parks, "green" ones', el: 'Πάρκα' },
  });
  const [a, b, c] = projects as [string, string, string];
  for (const choice of [[a, b], [a], [b, c], [a, c]]) {
    const v = await aCitizenIn(deps);
    unwrap(
      await castBallot(
        deps,
        v,
        challenge.id,
        choice.map((projectId) => ({ projectId })),
      ),
    );
  }
  return { challenge, a, b, c };
}

describe('GET /api/v1/challenges/:id/results', () => {
  it('is 404 RESULTS_NOT_AVAILABLE until an official publishes, 404 NOT_FOUND for unknown ids', async () => {
    const { challenge } = await votedChallenge();
    const r = await request(app).get(`/api/v1/challenges/${challenge.id}/results`).expect(404);
    expect(r.body).toEqual({ code: 'RESULTS_NOT_AVAILABLE', message: expect.any(String) });
    const n = await request(app).get('/api/v1/challenges/nope/results').expect(404);
    expect(n.body.code).toBe('NOT_FOUND');
  });

  it('serves published results as JSON, CSV and .pb, and the .pb hashes to the chain entry', async () => {
    const { challenge, a, b, c } = await votedChallenge();
    unwrap(await forcePhase(deps, challenge.id, 'results', 'staff_1'));
    unwrap(await publishResults(deps, challenge.id, 'staff_1'));

    const json = await request(app).get(`/api/v1/challenges/${challenge.id}/results?lang=en`).expect(200);
    expect(json.body.selected).toEqual([a, b]);
    expect(json.body.totalCost).toBe(90);
    expect(json.body.voters).toBe(4);
    expect(json.body.projects[0]).toMatchObject({ id: a, ref: '1', votes: 3, selected: true, rank: 1 });
    expect(json.body.projects[2]).toMatchObject({
      id: c,
      selected: false,
      rank: null,
      status: 'not_selected',
    });
    expect(JSON.stringify(json.body)).not.toMatch(/citizen|receipt/i);

    const csv = await request(app).get(`/api/v1/challenges/${challenge.id}/results?format=csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe('project_id,title,cost,votes,score,selected,rank');
    expect(csv.text).toContain('1,Project 1,60,3,3,1,1\r\n');

    const pb = await request(app).get(`/api/v1/challenges/${challenge.id}/results.pb`).expect(200);
    expect(pb.headers['content-disposition']).toContain('.pb');
    expect(pb.text).toMatch(/^META\r?\n/);
    const e = parsePabulib(pb.text);
    expect(tally(e, { rule: 'greedy' }).selected).toEqual(['1', '2']);
    await request(app).get('/api/v1/audit/head').expect(200);
    const entry = await deps.store.audit.head();
    expect(entry?.data.electionSha256).toBe(sha256Hex(pb.text));
  });

  it('answers 400 for an unknown format and 404 for an unknown extension', async () => {
    const { challenge } = await votedChallenge();
    const r = await request(app).get(`/api/v1/challenges/${challenge.id}/results?format=xlsx`).expect(400);
    expect(r.body.code).toBe('INVALID_QUERY');
    await request(app).get(`/api/v1/challenges/${challenge.id}/results.xlsx`).expect(404);
  });

  it('serves an imported Pabulib election with the outcome the city funded', async () => {
    const text = readFileSync(path.join(PABULIB_DIR, 'Netherlands_Assen_2024.pb'), 'utf8');
    const imported = unwrap(await importElection(deps, text));
    const funded = parsePabulib(text)
      .projects.filter((p) => p.fields.selected === '1')
      .map((p) => p.id)
      .sort();
    const r = await request(app).get(`/api/v1/challenges/${imported.challenge.id}/results`).expect(200);
    const refs = r.body.projects
      .filter((p: { selected: boolean }) => p.selected)
      .map((p: { ref: string }) => p.ref);
    expect(refs.sort()).toEqual(funded);
  });
});
