import { forcePhase } from '../../../core/usecases/challenges/manage';
import { verifyByCode } from '../../../core/usecases/citizens/profile';
import { postUpdate, setMilestones } from '../../../core/usecases/proposals/implementation';
import { rateProject } from '../../../core/usecases/proposals/rate';
import { reviewProposal } from '../../../core/usecases/proposals/review';
import { submitProposal } from '../../../core/usecases/proposals/submit';
import { supportProposal } from '../../../core/usecases/proposals/support';
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
const idea = (cost = 10) => ({
  title: { el: 'Παγκάκια στην πλατεία' },
  description: { el: 'Δέκα νέα παγκάκια' },
  cost,
});

describe('proposals', () => {
  it('are submitted in the proposals phase with sequential refs, and the author follows them', async () => {
    const ch = await aChallengeIn(deps, 'proposals');
    const author = await aCitizenIn(deps, { locale: 'el' });
    const a = unwrap(await submitProposal(deps, author, ch.id, idea()));
    const b = unwrap(await submitProposal(deps, author, ch.id, idea(20)));
    expect([a.ref, b.ref]).toEqual(['1', '2']);
    expect(a.status).toBe('submitted');
    expect(await deps.store.follows.followers({ kind: 'project', id: a.id })).toEqual([author]);
  });

  it('refuse the wrong phase, missing consent, and bad input', async () => {
    const ch = await aChallengeIn(deps, 'voting');
    const author = await aCitizenIn(deps);
    expect(code(await submitProposal(deps, author, ch.id, idea()))).toBe('PROPOSALS_CLOSED');
    unwrap(await forcePhase(deps, ch.id, 'proposals', 's'));
    expect(code(await submitProposal(deps, await aCitizenIn(deps, { consent: false }), ch.id, idea()))).toBe(
      'CONSENT_REQUIRED',
    );
    expect(code(await submitProposal(deps, author, ch.id, idea(0)))).toBe('INVALID_INPUT');
    expect(code(await submitProposal(deps, author, ch.id, idea(1_000_000)))).toBe('INVALID_INPUT');
    expect(code(await submitProposal(deps, author, ch.id, { ...idea(), title: {} }))).toBe('INVALID_INPUT');
    expect(
      code(await submitProposal(deps, author, ch.id, { ...idea(), title: { en: 'x'.repeat(500) } })),
    ).toBe('INVALID_INPUT');
    expect(code(await submitProposal(deps, author, 'ch_nope', idea()))).toBe('NOT_FOUND');
  });

  it('are reviewed: accept, reject with a reason, edit cost; the author hears of it through the outbox', async () => {
    const ch = await aChallengeIn(deps, 'proposals');
    const author = await aCitizenIn(deps);
    const p = unwrap(await submitProposal(deps, author, ch.id, idea()));
    expect(code(await reviewProposal(deps, p.id, 'st', { action: 'reject', reason: '  ' }))).toBe(
      'INVALID_INPUT',
    );
    const rejected = unwrap(
      await reviewProposal(deps, p.id, 'st', { action: 'reject', reason: 'Private land' }),
    );
    expect(rejected).toMatchObject({ status: 'rejected', rejectionReason: 'Private land' });
    const accepted = unwrap(await reviewProposal(deps, p.id, 'st', { action: 'accept', note: 'Feasible' }));
    expect(accepted).toMatchObject({ status: 'accepted', rejectionReason: null, officialNote: 'Feasible' });
    expect(unwrap(await reviewProposal(deps, p.id, 'st', { action: 'edit_cost', cost: 42 })).cost).toBe(42);
    expect(code(await reviewProposal(deps, p.id, 'st', { action: 'edit_cost', cost: -1 }))).toBe(
      'INVALID_INPUT',
    );
    const sent = await deps.store.outbox.listByCitizen(author);
    expect(sent.map((n) => n.kind)).toEqual(['proposal.reviewed', 'proposal.reviewed', 'proposal.reviewed']);
    expect(sent[0]).toMatchObject({
      channel: 'console',
      state: 'pending',
      payload: { status: 'rejected', reason: 'Private land' },
    });
    unwrap(await forcePhase(deps, ch.id, 'voting', 's'));
    expect(code(await reviewProposal(deps, p.id, 'st', { action: 'accept' }))).toBe('INVALID_TRANSITION');
    expect(code(await reviewProposal(deps, 'pr_nope', 'st', { action: 'accept' }))).toBe('NOT_FOUND');
  });

  it('are supported once per citizen, only when accepted and in the supports phase', async () => {
    const { challenge, projects } = await aChallengeWithProjects(deps, 'supports', [10, 20], {
      minVerification: 'code',
    });
    const fan = await aCitizenIn(deps);
    expect(code(await supportProposal(deps, fan, projects[0]!))).toBe('NOT_ELIGIBLE');
    unwrap(await verifyByCode(deps, fan));
    expect(unwrap(await supportProposal(deps, fan, projects[0]!)).supports).toBe(1);
    expect(code(await supportProposal(deps, fan, projects[0]!))).toBe('ALREADY_SUPPORTED');
    const racing = await Promise.all(
      Array.from({ length: 10 }, () => supportProposal(deps, fan, projects[1]!)),
    );
    expect(racing.filter((r) => r.ok)).toHaveLength(1);
    expect(await deps.store.supports.count(projects[1]!)).toBe(1);
    unwrap(await forcePhase(deps, challenge.id, 'voting', 's'));
    expect(code(await supportProposal(deps, fan, projects[0]!))).toBe('SUPPORTS_CLOSED');
  });

  it('refuse support for a proposal not accepted', async () => {
    const ch = await aChallengeIn(deps, 'proposals');
    const p = unwrap(await submitProposal(deps, await aCitizenIn(deps), ch.id, idea()));
    unwrap(await forcePhase(deps, ch.id, 'supports', 's'));
    expect(code(await supportProposal(deps, await aCitizenIn(deps), p.id))).toBe('NOT_SUPPORTABLE');
  });
});

describe('implementation', () => {
  it('posts an update that moves the project and notifies its followers in one go', async () => {
    const { projects, author } = await aChallengeWithProjects(deps, 'implementation', [10]);
    const id = projects[0]!;
    unwrap(await postUpdate(deps, id, 'st', { text: 'Selected', status: 'selected' }));
    const r = unwrap(
      await postUpdate(deps, id, 'st', { text: 'Works began', status: 'in_progress', progress: 20 }),
    );
    expect(r.project).toMatchObject({ status: 'in_progress', progress: 20 });
    expect(r.notified).toBe(1);
    const done = unwrap(await postUpdate(deps, id, 'st', { text: 'Finished!', status: 'completed' }));
    expect(done.project.progress).toBe(100);
    expect((await deps.store.updates.listByProject(id)).map((u) => u.text)).toEqual([
      'Finished!',
      'Works began',
      'Selected',
    ]);
    const kinds = (await deps.store.outbox.listByCitizen(author)).filter((n) => n.kind === 'project.update');
    expect(kinds).toHaveLength(3);
  });

  it('refuses an empty text, a bad progress, an impossible status move', async () => {
    const { projects } = await aChallengeWithProjects(deps, 'implementation', [10]);
    const id = projects[0]!;
    expect(code(await postUpdate(deps, id, 'st', { text: ' ' }))).toBe('INVALID_INPUT');
    expect(code(await postUpdate(deps, id, 'st', { text: 'x', progress: 101 }))).toBe('INVALID_INPUT');
    expect(code(await postUpdate(deps, id, 'st', { text: 'x', status: 'completed' }))).toBe(
      'INVALID_TRANSITION',
    );
    expect(code(await postUpdate(deps, 'pr_nope', 'st', { text: 'x' }))).toBe('NOT_FOUND');
  });

  it('keeps milestones', async () => {
    const { projects } = await aChallengeWithProjects(deps, 'implementation', [10]);
    const m = [{ title: 'Design', due: new Date('2026-05-01T00:00:00Z'), done: true }];
    expect(unwrap(await setMilestones(deps, projects[0]!, m)).milestones).toEqual(m);
    expect(code(await setMilestones(deps, projects[0]!, [{ title: '', due: null, done: false }]))).toBe(
      'INVALID_INPUT',
    );
  });

  it('lets citizens rate a completed project 1-5, one rating each', async () => {
    const { projects } = await aChallengeWithProjects(deps, 'implementation', [10]);
    const id = projects[0]!;
    const rater = await aCitizenIn(deps);
    expect(code(await rateProject(deps, rater, id, 5))).toBe('RATING_NOT_ALLOWED');
    unwrap(await postUpdate(deps, id, 'st', { text: 'sel', status: 'selected' }));
    unwrap(await postUpdate(deps, id, 'st', { text: 'done', status: 'completed' }));
    expect(code(await rateProject(deps, rater, id, 6))).toBe('INVALID_RATING');
    expect(code(await rateProject(deps, rater, id, 2.5))).toBe('INVALID_RATING');
    unwrap(await rateProject(deps, rater, id, 2));
    expect(unwrap(await rateProject(deps, rater, id, 4))).toEqual({ count: 1, average: 4 });
    expect(unwrap(await rateProject(deps, await aCitizenIn(deps), id, 5))).toEqual({
      count: 2,
      average: 4.5,
    });
  });
});
