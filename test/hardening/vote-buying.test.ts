import request from 'supertest';
import pino from 'pino';
import { createHttpApp } from '../../app/http-app';
import { appendAudit } from '../../core/audit/chain';
import { ballotContentHash } from '../../core/audit/ballot-hash';
import { verifyAudit } from '../../core/audit/verify';
import type { BallotChoice } from '../../core/model/ballot';
import { unwrap } from '../../core/shared/result';
import { castBallot } from '../../core/usecases/ballots/cast-ballot';
import { exportCitizenData } from '../../core/usecases/citizens/export-data';
import { exportChallenge } from '../../core/usecases/opendata/export-challenge';
import { aBallot } from '../builders';
import type { TestDeps } from '../support/deps';
import { makeDeps } from '../support/deps';
import { aChallengeWithProjects, aCitizenIn } from '../support/scenario';

/**
 * SECURITY.md, vote buying: all a voter can hand a buyer is their receipt (and their own data
 * export). Neither may let the buyer learn what the ballot says, yet `audit verify` must still
 * catch a ballot changed behind the chain's back.
 */
let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
});
afterEach(() => deps.store.close());

/** Every non-empty set of the projects: what a buyer would try against a hash. */
const allBallots = (projects: readonly string[]): BallotChoice[][] =>
  Array.from({ length: 2 ** projects.length - 1 }, (_, m) =>
    projects.filter((_p, i) => ((m + 1) >> i) & 1).map((projectId) => ({ projectId })),
  );

describe('a receipt is no proof of how someone voted', () => {
  it('the public receipt check and the voter’s own export reveal nothing a buyer can test ballots against', async () => {
    const { challenge, projects } = await aChallengeWithProjects(deps, 'voting', [10, 20, 30, 40], {
      ballotRule: { kind: 'approval', min: 1, max: 4 },
    });
    const voter = await aCitizenIn(deps);
    const cast = unwrap(await castBallot(deps, voter, challenge.id, [{ projectId: projects[2]! }]));
    const app = createHttpApp({ deps, logger: pino({ level: 'silent' }), isReady: () => true });
    const shown = (await request(app).get(`/api/v1/audit/receipts/${cast.receipt}`).expect(200)).body as {
      contentHash: string;
      status: string;
    };
    expect(shown.status).toBe('counted');

    const stored = (await deps.store.ballots.getByReceipt(cast.receipt))!;
    expect(stored.salt).toHaveLength(26);
    const mine = unwrap(await exportCitizenData(deps, voter));
    const opened = unwrap(await exportChallenge(deps.store, challenge.id));
    for (const published of [JSON.stringify(shown), JSON.stringify(mine), JSON.stringify(opened)])
      expect(published).not.toContain(stored.salt);

    // The buyer's attack: hash every possible ballot with the receipt. Nothing matches.
    const guesses = allBallots(projects).map((b) => ballotContentHash(cast.receipt, b));
    expect(guesses).toHaveLength(15);
    expect(guesses).not.toContain(shown.contentHash);
    // With the salt (which only the server holds) it is the real ballot's hash.
    expect(ballotContentHash(cast.receipt, [{ projectId: projects[2]! }], stored.salt)).toBe(
      shown.contentHash,
    );
  });

  it('still lets audit verify catch a ballot changed after it was recorded', async () => {
    const { challenge, projects } = await aChallengeWithProjects(deps, 'voting', [10, 20]);
    const voter = await aCitizenIn(deps);
    unwrap(await castBallot(deps, voter, challenge.id, [{ projectId: projects[0]! }]));
    expect(await verifyAudit(deps.store)).toMatchObject({ ok: true });
    const b = (await deps.store.ballots.get(challenge.id, voter))!;
    await deps.store.ballots.put({ ...b, choices: [{ projectId: projects[1]! }] });
    expect(await verifyAudit(deps.store)).toMatchObject({ ok: false });
  });

  it('verifies ballots recorded before salts existed (empty salt, unsalted hash)', async () => {
    const { challenge, projects } = await aChallengeWithProjects(deps, 'voting', [10, 20]);
    const choices = [{ projectId: projects[1]! }];
    const old = aBallot({
      challengeId: challenge.id,
      citizenId: null,
      choices,
      receipt: 'OLDRCPT234',
      salt: '',
    });
    await deps.store.ballots.put(old);
    await appendAudit(
      deps.store.audit,
      'ballot.cast',
      {
        challengeId: challenge.id,
        receipt: old.receipt,
        contentHash: ballotContentHash(old.receipt, choices),
        replaces: null,
      },
      deps.clock.now(),
      old.receipt,
    );
    expect(await verifyAudit(deps.store)).toMatchObject({ ok: true, ballotsChecked: 1 });
  });
});
