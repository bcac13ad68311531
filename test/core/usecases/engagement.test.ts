import { verifyAudit } from '../../../core/audit/verify';
import { castBallot } from '../../../core/usecases/ballots/cast-ballot';
import { setNotifications } from '../../../core/usecases/citizens/profile';
import { announce } from '../../../core/usecases/engagement/announce';
import { follow, unfollow } from '../../../core/usecases/engagement/follow';
import { answerQuestion, askQuestion } from '../../../core/usecases/engagement/questions';
import { unwrap } from '../../../core/shared/result';
import type { TestDeps } from '../../support/deps';
import { makeDeps } from '../../support/deps';
import { aChallengeIn, aChallengeWithProjects, aCitizenIn } from '../../support/scenario';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
});
afterEach(() => deps.store.close());

const code = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): string =>
  r.ok ? 'ok' : r.error.code;

describe('follows', () => {
  it('follow and unfollow a challenge; unknown targets are NOT_FOUND', async () => {
    const ch = await aChallengeIn(deps, 'informing');
    const c = await aCitizenIn(deps);
    unwrap(await follow(deps, c, { kind: 'challenge', id: ch.id }));
    expect(await deps.store.follows.followers({ kind: 'challenge', id: ch.id })).toEqual([c]);
    unwrap(await unfollow(deps, c, { kind: 'challenge', id: ch.id }));
    expect(await deps.store.follows.followers({ kind: 'challenge', id: ch.id })).toEqual([]);
    expect(code(await follow(deps, c, { kind: 'project', id: 'pr_nope' }))).toBe('NOT_FOUND');
    expect(code(await follow(deps, 'ct_nope', { kind: 'challenge', id: ch.id }))).toBe('NOT_FOUND');
  });
});

describe('questions', () => {
  it('wait in the inbox; the answer is queued for the citizen’s channel', async () => {
    const c = await aCitizenIn(deps, { locale: 'bg' });
    const q = unwrap(await askQuestion(deps, c, { text: 'Кога започва гласуването?', locale: 'bg' }));
    expect(q.status).toBe('open');
    expect((await deps.store.questions.listOpen()).map((x) => x.id)).toEqual([q.id]);
    const a = unwrap(await answerQuestion(deps, q.id, 'st_1', 'На 1 април.'));
    expect(a).toMatchObject({ status: 'answered', answerSource: 'official', answeredBy: 'st_1' });
    expect(await deps.store.questions.listOpen()).toEqual([]);
    const [n] = await deps.store.outbox.listByCitizen(c);
    expect(n).toMatchObject({ kind: 'question.answered', payload: { answer: 'На 1 април.' } });
    expect(code(await answerQuestion(deps, q.id, 'st_1', 'again'))).toBe('ALREADY_ANSWERED');
  });

  it('are recorded as answered when the FAQ answered them, and refuse empty text', async () => {
    const c = await aCitizenIn(deps);
    const q = unwrap(
      await askQuestion(deps, c, { text: 'Who can vote?', locale: 'en', faqAnswer: 'Residents over 16.' }),
    );
    expect(q).toMatchObject({ status: 'answered', answerSource: 'faq' });
    expect(code(await askQuestion(deps, c, { text: '   ', locale: 'en' }))).toBe('INVALID_INPUT');
    expect(code(await askQuestion(deps, c, { text: 'x'.repeat(3000), locale: 'en' }))).toBe('INVALID_INPUT');
    expect(code(await askQuestion(deps, c, { text: 'x', locale: 'en', challengeId: 'ch_nope' }))).toBe(
      'NOT_FOUND',
    );
    expect(code(await answerQuestion(deps, 'qn_nope', 'st', 'x'))).toBe('NOT_FOUND');
    expect(code(await answerQuestion(deps, q.id, 'st', ' '))).toBe('INVALID_INPUT');
  });
});

describe('announcements', () => {
  it('reach followers and voters once each, and respect the notification preference', async () => {
    const { challenge, projects } = await aChallengeWithProjects(deps, 'voting', [10]);
    const voter = await aCitizenIn(deps);
    const quiet = await aCitizenIn(deps);
    unwrap(await castBallot(deps, voter, challenge.id, [{ projectId: projects[0]! }]));
    unwrap(await follow(deps, voter, { kind: 'challenge', id: challenge.id }));
    unwrap(await follow(deps, quiet, { kind: 'challenge', id: challenge.id }));
    unwrap(await setNotifications(deps, quiet, false));
    expect(unwrap(await announce(deps, challenge.id, 'Voting ends Sunday')).notified).toBe(1);
    expect(code(await announce(deps, challenge.id, ''))).toBe('INVALID_INPUT');
    expect(code(await announce(deps, 'ch_nope', 'x'))).toBe('NOT_FOUND');
  });
});

describe('audit chain', () => {
  it('verifies, and names the entry of a ballot changed behind the product’s back', async () => {
    const { challenge, projects } = await aChallengeWithProjects(deps, 'voting', [10, 20]);
    const voter = await aCitizenIn(deps);
    const r = unwrap(await castBallot(deps, voter, challenge.id, [{ projectId: projects[0]! }]));
    const ok = await verifyAudit(deps.store);
    expect(ok).toMatchObject({ ok: true, firstBad: null, ballotsChecked: 1 });
    // Tamper: rewrite the stored ballot directly through the store, as a rogue DB user would.
    const stored = (await deps.store.ballots.get(challenge.id, voter))!;
    await deps.store.ballots.put({ ...stored, choices: [{ projectId: projects[1]! }] });
    const bad = await verifyAudit(deps.store);
    const [entry] = await deps.store.audit.findByRef(r.receipt);
    expect(bad.ok).toBe(false);
    expect(bad.firstBad?.seq).toBe(entry?.seq);
    expect(bad.firstBad?.reason).toContain(r.receipt);
  });
});
