import request from 'supertest';
import pino from 'pino';
import { createHttpApp } from '../../app/http-app';
import { verifyAudit } from '../../core/audit/verify';
import { castBallot } from '../../core/usecases/ballots/cast-ballot';
import { forcePhase } from '../../core/usecases/challenges/manage';
import { eraseCitizen } from '../../core/usecases/citizens/erase';
import { exportChallenge } from '../../core/usecases/opendata/export-challenge';
import { publishResults } from '../../core/usecases/results/publish-results';
import { sha256Hex } from '../../core/shared/hash';
import { unwrap } from '../../core/shared/result';
import { parsePabulib, tally, tallyOptionsForRule, writePabulib } from '../../core/tally';
import type { TestDeps } from '../support/deps';
import { makeDeps } from '../support/deps';
import { aChallengeWithProjects, aCitizenIn } from '../support/scenario';
import { Chat, engineOn } from '../bots/dialog/support';
import { prng } from './fuzz-targets';

/**
 * Issue 10: erasing citizens (GDPR art. 17) must not change any count. Voters erase themselves through
 * the chat before the count and through the use case after publication; the downloadable `.pb` stays
 * byte-identical to the file hashed into the chain at publication, a recount of it gives the published
 * winners, the chain verifies, and no personal identifier of an erased citizen is left in open data.
 */
const logger = pino({ level: 'silent' });
let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
});
afterEach(() => deps.store.close());

/** A fresh HTTP app each time: its results cache is empty, as after a restart. */
const pbDownload = async (challengeId: string): Promise<string> => {
  const res = await request(createHttpApp({ deps, logger, isReady: () => true })).get(
    `/api/v1/challenges/${challengeId}/results?format=pb`,
  );
  expect(res.status).toBe(200);
  return res.text;
};

describe('GDPR erasure keeps results reproducible', () => {
  it('before and after publication: same file, same winners, chain intact, nobody identifiable', async () => {
    const { challenge, projects } = await aChallengeWithProjects(deps, 'voting', [40, 30, 25, 20, 15, 10], {
      budget: 100,
      ballotRule: { kind: 'approval', min: 1, max: 6 },
      outcomeRule: { method: 'equal-shares', completion: 'add1' },
    });
    const r = prng(7);
    const pick = (): { projectId: string }[] => {
      const chosen = projects.filter(() => r() < 0.4);
      return (chosen.length > 0 ? chosen : [projects[Math.floor(r() * projects.length)]!]).map(
        (projectId) => ({
          projectId,
        }),
      );
    };
    const voters: string[] = [];
    for (let i = 0; i < 60; i++) {
      const id = await aCitizenIn(deps);
      voters.push(id);
      unwrap(await castBallot(deps, id, challenge.id, pick()));
    }

    // Five citizens vote and then erase themselves in the chat, before voting closes.
    const engine = engineOn(deps);
    const chatters: string[] = [];
    for (let i = 0; i < 5; i++) {
      const chat = await new Chat(engine, `gdpr-${i}`).onboard();
      await chat.say('/vote');
      await chat.press(`${i + 1}. Project ${i + 1}`);
      await chat.press('Submit');
      expect(chat.text()).toMatch(/receipt/i);
      chatters.push(chat.externalId);
      await chat.say('delete my data');
      await chat.press('Yes, delete everything');
      expect(chat.text()).toMatch(/deleted/);
    }
    expect(await deps.store.ballots.countByChallenge(challenge.id)).toBe(65);

    unwrap(await forcePhase(deps, challenge.id, 'results', 'staff_1'));
    const published = unwrap(await publishResults(deps, challenge.id, 'staff_1'));
    expect(published.voters).toBe(65);
    const head = await deps.store.audit.head();
    const pb = await pbDownload(challenge.id);
    expect(sha256Hex(pb)).toBe(head?.data.electionSha256);

    // A third of the voters erase themselves after publication.
    for (const id of voters.slice(0, 20)) unwrap(await eraseCitizen(deps, id));

    const again = await pbDownload(challenge.id);
    expect(again).toBe(pb);
    expect(writePabulib(unwrap(await exportChallenge(deps.store, challenge.id)).election)).toBe(pb);

    const election = parsePabulib(again);
    expect(election.votes).toHaveLength(65);
    const recount = tally(election, tallyOptionsForRule(election.meta.rule)!);
    // The file names projects by their public ref (`project_id`), the outcome by proposal id.
    const refOf = new Map(
      (await deps.store.proposals.listByChallenge(challenge.id)).map((p) => [p.id, p.ref] as const),
    );
    expect(recount.selected).toEqual(published.selected.map((id) => refOf.get(id)));
    expect(published.selected.length).toBeGreaterThan(1);
    const json = await request(createHttpApp({ deps, logger, isReady: () => true })).get(
      `/api/v1/challenges/${challenge.id}/results`,
    );
    expect((json.body as { selected: string[] }).selected).toEqual(published.selected);

    expect(await verifyAudit(deps.store)).toMatchObject({ ok: true });
    const erasures = (await deps.store.audit.list(0, 10_000)).filter((e) => e.type === 'citizen.erased');
    expect(erasures).toHaveLength(25);

    // Open data names no citizen, erased or not, and no channel account.
    for (const id of [...voters, ...chatters]) expect(again).not.toContain(id);
    for (const id of voters.slice(0, 20)) {
      const c = await deps.store.citizens.get(id);
      expect(c).toMatchObject({ identities: [], phoneHash: null, erasedAt: expect.any(Date) });
    }
  });
});
