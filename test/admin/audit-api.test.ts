import request from 'supertest';
import type { Express } from 'express';
import pino from 'pino';
import { createHttpApp } from '../../app/http-app';
import { GENESIS_HASH } from '../../core/model/audit';
import { unwrap } from '../../core/shared/result';
import { castBallot } from '../../core/usecases/ballots/cast-ballot';
import type { TestDeps } from '../support/deps';
import { makeDeps } from '../support/deps';
import { aChallengeWithProjects, aCitizenIn } from '../support/scenario';

let deps: TestDeps;
let app: Express;
beforeEach(async () => {
  deps = await makeDeps();
  app = createHttpApp({ deps, logger: pino({ level: 'silent' }), isReady: () => true });
});
afterEach(() => deps.store.close());

describe('audit API', () => {
  it('gives the genesis head for an empty chain', async () => {
    const r = await request(app).get('/api/v1/audit/head').expect(200);
    expect(r.body).toEqual({ seq: 0, hash: GENESIS_HASH, at: null, type: null });
  });

  it('verifies a receipt, and tells a replaced ballot from the counted one', async () => {
    const { challenge, projects } = await aChallengeWithProjects(deps, 'voting', [10, 20]);
    const voter = await aCitizenIn(deps);
    const first = unwrap(await castBallot(deps, voter, challenge.id, [{ projectId: projects[0]! }]));
    const r1 = await request(app).get(`/api/v1/audit/receipts/${first.receipt.toLowerCase()}`).expect(200);
    expect(r1.body).toMatchObject({
      receipt: first.receipt,
      found: true,
      type: 'ballot.cast',
      challengeId: challenge.id,
      status: 'counted',
    });
    expect(r1.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(r1.body)).not.toContain(voter);

    const second = unwrap(await castBallot(deps, voter, challenge.id, [{ projectId: projects[1]! }]));
    expect((await request(app).get(`/api/v1/audit/receipts/${first.receipt}`).expect(200)).body.status).toBe(
      'replaced',
    );
    expect((await request(app).get(`/api/v1/audit/receipts/${second.receipt}`).expect(200)).body.status).toBe(
      'counted',
    );

    const head = await request(app).get('/api/v1/audit/head').expect(200);
    expect(head.body.seq).toBeGreaterThanOrEqual(2);
    expect(head.body.type).toBe('ballot.changed');
  });

  it('answers 400 to a malformed receipt and 404 to an unknown one', async () => {
    expect((await request(app).get('/api/v1/audit/receipts/abc').expect(400)).body.code).toBe(
      'INVALID_RECEIPT',
    );
    expect((await request(app).get('/api/v1/audit/receipts/2222222222').expect(404)).body.code).toBe(
      'NOT_FOUND',
    );
  });
});
