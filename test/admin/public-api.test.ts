import request from 'supertest';
import type { Express } from 'express';
import pino from 'pino';
import { createHttpApp } from '../../app/http-app';
import { unwrap } from '../../core/shared/result';
import { supportProposal } from '../../core/usecases/proposals/support';
import type { TestDeps } from '../support/deps';
import { makeDeps } from '../support/deps';
import { aChallengeIn, aChallengeWithProjects, aCitizenIn } from '../support/scenario';

let deps: TestDeps;
let app: Express;
let ready = true;
beforeEach(async () => {
  deps = await makeDeps();
  ready = true;
  app = createHttpApp({ deps, logger: pino({ level: 'silent' }), isReady: () => ready });
});
afterEach(() => deps.store.close());

describe('public API', () => {
  it('GET /healthz answers ok, and 503 while stopping', async () => {
    await request(app).get('/healthz').expect(200, { status: 'ok' });
    ready = false;
    const r = await request(app).get('/healthz').expect(503);
    expect(r.body.code).toBe('SHUTTING_DOWN');
  });

  it('lists challenges with their derived phase, filters by phase and flattens texts with ?lang', async () => {
    const a = await aChallengeIn(deps, 'voting');
    await aChallengeIn(deps, 'proposals');
    const all = await request(app).get('/api/v1/challenges').expect(200);
    expect(all.body.total).toBe(2);
    expect(all.body.items[0]).toMatchObject({
      budget: 100,
      currency: 'EUR',
      title: { en: 'Parks', el: 'Πάρκα' },
    });
    const voting = await request(app).get('/api/v1/challenges?phase=voting&lang=el').expect(200);
    expect(voting.body.items).toHaveLength(1);
    expect(voting.body.items[0]).toMatchObject({
      id: a.id,
      phase: 'voting',
      title: 'Πάρκα',
      description: 'Green ideas',
    });
    const one = await request(app).get(`/api/v1/challenges/${a.id}`).expect(200);
    expect(one.body.id).toBe(a.id);
  });

  it('lists a challenge’s projects with support counts and no personal data', async () => {
    const { challenge, projects, author } = await aChallengeWithProjects(deps, 'supports', [10, 20]);
    unwrap(await supportProposal(deps, await aCitizenIn(deps), projects[1]!));
    const r = await request(app).get(`/api/v1/challenges/${challenge.id}/projects`).expect(200);
    expect(r.body.total).toBe(2);
    expect(r.body.items.map((p: { ref: string; supports: number }) => [p.ref, p.supports])).toEqual([
      ['1', 0],
      ['2', 1],
    ]);
    expect(JSON.stringify(r.body)).not.toContain(author);
    expect(JSON.stringify(r.body)).not.toMatch(/authorId|citizenId|console/);
    const accepted = await request(app)
      .get(`/api/v1/challenges/${challenge.id}/projects?status=accepted&limit=1`)
      .expect(200);
    expect(accepted.body.items).toHaveLength(1);
  });

  it.each([
    ['/api/v1/challenges?phase=dreaming', 'phase'],
    ['/api/v1/challenges?lang=de', 'lang'],
    ['/api/v1/challenges?limit=0', 'limit'],
    ['/api/v1/challenges?limit=abc', 'limit'],
    ['/api/v1/challenges?offset=-1', 'offset'],
    ['/api/v1/challenges?unknown=1', 'unrecognized'],
  ])('answers 400 {code, message} to a bad query: %s', async (url, word) => {
    const r = await request(app).get(url).expect(400);
    expect(r.body.code).toBe('INVALID_QUERY');
    expect(r.body.message.toLowerCase()).toContain(word.toLowerCase());
  });

  it('answers 400 to a bad status filter and 404 to unknown ids and routes', async () => {
    const ch = await aChallengeIn(deps, 'voting');
    expect(
      (await request(app).get(`/api/v1/challenges/${ch.id}/projects?status=won`).expect(400)).body.code,
    ).toBe('INVALID_QUERY');
    expect((await request(app).get('/api/v1/challenges/ch_missing').expect(404)).body.code).toBe('NOT_FOUND');
    expect((await request(app).get('/api/v1/challenges/ch_missing/projects').expect(404)).body.code).toBe(
      'NOT_FOUND',
    );
    expect((await request(app).get('/api/v1/nothing').expect(404)).body.code).toBe('NOT_FOUND');
    expect((await request(app).get('/nowhere').expect(404)).body.code).toBe('NOT_FOUND');
  });

  it('answers 400 to malformed JSON and 413 to an oversized body', async () => {
    const bad = await request(app)
      .post('/api/v1/challenges')
      .set('content-type', 'application/json')
      .send('{"x":')
      .expect(400);
    expect(bad.body.code).toBe('INVALID_JSON');
    const big = await request(app)
      .post('/api/v1/challenges')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ x: 'y'.repeat(200_000) }))
      .expect(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('GET /metrics', () => {
  it('serves Prometheus text with request counters and store gauges, no personal data', async () => {
    await aChallengeIn(deps, 'voting');
    await aCitizenIn(deps);
    await request(app).get('/healthz').expect(200);
    const r = await request(app).get('/metrics').expect(200);
    expect(r.headers['content-type']).toMatch(/text\/plain/);
    expect(r.text).toMatch(/^agora_http_requests_total\{method="GET",status="2xx"\} \d+$/m);
    expect(r.text).toMatch(/^agora_citizens 1$/m);
    expect(r.text).toMatch(/^agora_challenges 1$/m);
    expect(r.text).toMatch(/^agora_outbox_notifications\{state="pending"\} \d+$/m);
    expect(r.text).not.toMatch(/ct_|console/);
  });
});
