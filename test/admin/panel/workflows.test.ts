import type { Express } from 'express';
import { unwrap } from '../../../core/shared/result';
import { askQuestion } from '../../../core/usecases/engagement/questions';
import { publishResults } from '../../../core/usecases/results/publish-results';
import type { TestDeps } from '../../support/deps';
import { makeDeps } from '../../support/deps';
import { aChallengeIn, aChallengeWithProjects, aCitizenIn } from '../../support/scenario';
import { aStaff, aVotedChallenge, panelApp, post, signedIn } from './support';

let deps: TestDeps;
let app: Express;
beforeEach(async () => {
  deps = await makeDeps();
  app = panelApp(deps);
});
afterEach(() => deps.store.close());

const admin = async () => signedIn(app, (await aStaff(deps, 'admin')).email);
const official = async () => signedIn(app, (await aStaff(deps, 'official')).email);

const challengeForm = (over: Record<string, string> = {}) => ({
  title_en: 'Safer streets',
  title_el: 'Ασφαλέστεροι δρόμοι',
  desc_en: 'Crossings and lights',
  domain: 'mobility',
  budget: '50000',
  currency: 'EUR',
  minVerification: 'none',
  phase_proposals: '2026-04-01',
  phase_voting: '2026-05-01',
  ballotKind: 'knapsack',
  outcomeMethod: 'equal-shares',
  completion: 'add1',
  ...over,
});

const outboxKinds = async (citizens: readonly string[]) =>
  (await Promise.all(citizens.map((c) => deps.store.outbox.listByCitizen(c)))).flat();

describe('admin panel workflows', () => {
  it('lets an admin create a challenge, and re-renders a bad form with its message and values', async () => {
    const a = await admin();
    const bad = await post(
      a,
      '/admin/challenges',
      challengeForm({ budget: 'lots', title_en: 'Keep me' }),
    ).expect(400);
    expect(bad.text).toContain('budget: enter an amount');
    expect(bad.text).toContain('value="Keep me"');
    const noTitle = await post(a, '/admin/challenges', challengeForm({ title_en: '', title_el: '' })).expect(
      400,
    );
    expect(noTitle.text).toContain('title: at least one language');
    const order = await post(a, '/admin/challenges', challengeForm({ phase_voting: '2026-03-01' })).expect(
      400,
    );
    expect(order.text).toContain('schedule: phases must start in lifecycle order');
    const created = await post(a, '/admin/challenges', challengeForm()).expect(303);
    const [ch] = await deps.store.challenges.list();
    expect(created.headers.location).toBe(`/admin/challenges/${ch!.id}`);
    expect(ch).toMatchObject({
      title: { en: 'Safer streets', el: 'Ασφαλέστεροι δρόμοι' },
      budget: 50000,
      outcomeRule: { method: 'equal-shares', completion: 'add1' },
      schedule: { proposals: new Date('2026-04-01T00:00:00Z'), voting: new Date('2026-05-01T00:00:00Z') },
    });
    const page = await a.agent.get(created.headers.location as string).expect(200);
    expect(page.text).toContain('Challenge “Safer streets” created.');
  });

  it('forbids an official to create challenges or change a budget (403), but lets them fix texts', async () => {
    const o = await official();
    const ch = await aChallengeIn(deps, 'proposals');
    await post(o, '/admin/challenges', challengeForm()).expect(403);
    const form = (await o.agent.get(`/admin/challenges/${ch.id}`).expect(200)).text;
    expect(form).toMatch(/name="budget"[^>]*disabled/);
    await post(o, `/admin/challenges/${ch.id}`, challengeForm({ budget: '999' })).expect(403);
    await post(o, `/admin/challenges/${ch.id}/phase`, { phase: 'voting' }).expect(403);
    expect((await deps.store.challenges.get(ch.id))?.budget).toBe(100);
    // Without the admin fields (disabled in the browser) the text edit goes through.
    await post(o, `/admin/challenges/${ch.id}`, {
      title_en: 'Parks and squares',
      domain: 'environment',
    }).expect(303);
    expect((await deps.store.challenges.get(ch.id))?.title.en).toBe('Parks and squares');
  });

  it('shows rules as read-only once ballots exist and answers 409 to a budget change', async () => {
    const a = await admin();
    const { challenge } = await aVotedChallenge(deps);
    const page = await a.agent.get(`/admin/challenges/${challenge.id}`).expect(200);
    expect(page.text).toContain('budget and voting rules are locked');
    const locked = await post(
      a,
      `/admin/challenges/${challenge.id}`,
      challengeForm({ budget: '200' }),
    ).expect(409);
    expect(locked.text).toContain('cannot change once ballots exist');
    await post(a, `/admin/challenges/${challenge.id}/phase`, { phase: 'implementation' }).expect(303);
  });

  it('reviews proposals, flags a likely duplicate and re-renders a reject without reason', async () => {
    const o = await official();
    const { challenge, projects } = await aChallengeWithProjects(deps, 'review', [10, 20]);
    const citizen = await aCitizenIn(deps);
    const { submitProposal } = await import('../../../core/usecases/proposals/submit');
    const { forcePhase } = await import('../../../core/usecases/challenges/manage');
    unwrap(await forcePhase(deps, challenge.id, 'proposals', 'staff_test'));
    const bench = async (title: string) =>
      unwrap(
        await submitProposal(deps, citizen, challenge.id, { title: { en: title }, description: {}, cost: 5 }),
      );
    const p1 = await bench('New benches in the central park');
    await bench('Benches for the central park');
    unwrap(await forcePhase(deps, challenge.id, 'review', 'staff_test'));
    const queue = await o.agent.get(`/admin/challenges/${challenge.id}/review`).expect(200);
    expect(queue.text).toContain('Waiting for review (2)');
    expect(queue.text).toMatch(/Likely duplicate of <a href="#p-[^"]+">#4 Benches for the central park/);
    const noReason = await post(o, `/admin/proposals/${p1.id}/review`, {
      action: 'reject',
      reason: ' ',
    }).expect(400);
    expect(noReason.text).toContain('A rejection needs a reason');
    await post(o, `/admin/proposals/${p1.id}/review`, { action: 'reject', reason: 'Duplicate of #4' }).expect(
      303,
    );
    await post(o, `/admin/proposals/${projects[0]!}/review`, { action: 'edit_cost', cost: '12.5' }).expect(
      303,
    );
    const tooBig = await post(o, `/admin/proposals/${projects[0]!}/review`, {
      action: 'edit_cost',
      cost: '1e9',
    });
    expect(tooBig.status).toBe(400);
    expect(await deps.store.proposals.get(p1.id)).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Duplicate of #4',
    });
    expect((await deps.store.proposals.get(projects[0]!))?.cost).toBe(12.5);
    expect((await outboxKinds([citizen])).map((n) => n.kind)).toContain('proposal.reviewed');
  });

  it('shows greedy and Equal Shares side by side, then publishes and notifies voters', async () => {
    const o = await official();
    const { challenge, voters } = await aVotedChallenge(deps);
    const page = await o.agent.get(`/admin/challenges/${challenge.id}/results`).expect(200);
    expect(page.text).toContain('<th>Greedy</th>');
    expect(page.text).toContain('<th>Equal Shares (completion: add1)</th>');
    expect(page.text).toContain('Publish results');
    await post(o, `/admin/challenges/${challenge.id}/results/publish`, {}).expect(303);
    const rows = await outboxKinds(voters);
    expect(rows.filter((n) => n.kind === 'results.published')).toHaveLength(3);
    const after = await o.agent.get(`/admin/challenges/${challenge.id}/results`).expect(200);
    expect(after.text).toContain('Results published');
    expect(after.text).toMatch(/<strong>3<\/strong> queued/);
    const twice = await post(o, `/admin/challenges/${challenge.id}/results/publish`, {}).expect(409);
    expect(twice.text).toContain('already published');
  });

  it('posts a project update to its followers and shows the delivery counts', async () => {
    const o = await official();
    const { challenge, voters } = await aVotedChallenge(deps);
    const results = unwrap(await publishResults(deps, challenge.id, 'staff_test'));
    const winner = results.selected[0]!;
    const bad = await post(o, `/admin/projects/${winner}/update`, {
      text: 'Started',
      progress: '150',
    }).expect(400);
    expect(bad.text).toContain('Progress: a whole number from 0 to 100');
    // (an HTML parser drops the newline right after <textarea>)
    expect(bad.text).toMatch(/>\n?Started<\/textarea>/);
    await post(o, `/admin/projects/${winner}/update`, { text: 'Photo', photo: 'javascript:alert(1)' }).expect(
      400,
    );
    await post(o, `/admin/projects/${winner}/update`, {
      text: 'Works started',
      progress: '20',
      status: 'in_progress',
      photo: 'https://city.example/p.jpg',
    }).expect(303);
    const updates = (await outboxKinds(voters)).filter((n) => n.kind === 'project.update');
    expect(updates.length).toBeGreaterThan(0);
    await deps.store.outbox.markSent(updates[0]!.id, deps.clock.now());
    const [update] = await deps.store.updates.listByProject(winner);
    const counts = await deps.store.outbox.countByState({
      kind: 'project.update',
      payload: { updateId: update!.id },
    });
    const total = counts.pending + counts.sent + counts.dead;
    expect(total).toBe(3); // two voters and the proposer follow it
    const page = await o.agent.get(`/admin/projects/${winner}`).expect(200);
    expect(page.text).toContain('Works started');
    expect(page.text.replace(/\s+/g, ' ')).toContain(
      `<strong>3</strong> queued · <strong>1</strong> delivered · <strong>2</strong> waiting`,
    );
    expect(await deps.store.proposals.get(winner)).toMatchObject({ status: 'in_progress', progress: 20 });
    await post(o, `/admin/projects/${winner}/milestones`, {
      m0_title: 'Design',
      m0_due: '2026-06-01',
      m0_done: 'on',
      m1_title: '',
      m1_due: '',
    }).expect(303);
    expect((await deps.store.proposals.get(winner))?.milestones).toEqual([
      { title: 'Design', due: new Date('2026-06-01T00:00:00Z'), done: true },
    ]);
  });

  it('answers a question from the inbox with an FAQ suggestion, delivered through the outbox', async () => {
    const suggest = jest.fn(async () => 'Drafted by a model');
    app = panelApp(deps, { suggest });
    const o = await official();
    await deps.store.faq.upsert({
      id: 'faq_vote',
      challengeId: null,
      locale: 'en',
      question: 'Who can vote?',
      answer: 'Every resident aged 15 or more can vote.',
      updatedAt: deps.clock.now(),
    });
    const citizen = await aCitizenIn(deps);
    const q = unwrap(
      await askQuestion(deps, citizen, { text: 'Who is allowed to vote here?', locale: 'en' }),
    );
    const inbox = await o.agent.get('/admin/questions').expect(200);
    expect(inbox.text).toContain('Who is allowed to vote here?');
    const page = await o.agent.get(`/admin/questions/${q.id}`).expect(200);
    expect(page.text).toContain('Every resident aged 15 or more can vote.');
    expect(page.text).toContain('Drafted by a model');
    expect(suggest).toHaveBeenCalledWith('Who is allowed to vote here?', 'en');
    await post(o, `/admin/questions/${q.id}/answer`, { answer: '' }).expect(400);
    await post(o, `/admin/questions/${q.id}/answer`, { answer: 'Residents from 15.' }).expect(303);
    const [row] = await deps.store.outbox.listByCitizen(citizen);
    expect(row).toMatchObject({ kind: 'question.answered', payload: { answer: 'Residents from 15.' } });
    await post(o, `/admin/questions/${q.id}/answer`, { answer: 'Again' }).expect(409);
  });

  it('edits the FAQ, broadcasts an announcement, verifies the audit chain and exports', async () => {
    const o = await official();
    const { challenge, voters } = await aVotedChallenge(deps);
    const badFaq = await post(o, '/admin/faq', {
      challenge: '',
      locale: 'de',
      question: 'Q?',
      answer: 'A',
    }).expect(400);
    expect(badFaq.text).toContain('language: one of en, el, bg, cs');
    await post(o, '/admin/faq', {
      challenge: challenge.id,
      locale: 'el',
      question: 'Πότε;',
      answer: 'Τον Μάιο.',
    }).expect(303);
    const [entry] = await deps.store.faq.list(challenge.id, 'el');
    expect(entry).toMatchObject({ question: 'Πότε;', answer: 'Τον Μάιο.' });
    await post(o, `/admin/faq/${entry!.id}`, {
      challenge: challenge.id,
      locale: 'el',
      question: 'Πότε;',
      answer: 'Τον Ιούνιο.',
    }).expect(303);
    expect((await deps.store.faq.get(entry!.id))?.answer).toBe('Τον Ιούνιο.');
    await post(o, `/admin/faq/${entry!.id}/delete`, {}).expect(303);
    expect(await deps.store.faq.get(entry!.id)).toBeNull();

    await post(o, `/admin/challenges/${challenge.id}/announce`, { text: '   ' }).expect(400);
    await post(o, `/admin/challenges/${challenge.id}/announce`, { text: 'Results on Friday' }).expect(303);
    expect((await outboxKinds(voters)).filter((n) => n.kind === 'announcement')).toHaveLength(3);

    const audit = await o.agent.get('/admin/audit').expect(200);
    expect(audit.text).toContain('ballot.cast');
    const verified = await post(o, '/admin/audit/verify', {}).expect(200);
    expect(verified.text).toContain('Audit chain OK');

    const pb = await o.agent.get(`/admin/challenges/${challenge.id}/export?format=pb`).expect(200);
    expect(pb.text).toContain('META');
    expect(pb.headers['content-disposition']).toContain('.pb');
    const json = await o.agent.get(`/admin/challenges/${challenge.id}/export?format=json`).expect(200);
    expect(JSON.parse(json.text).ballots).toHaveLength(3);
    expect(json.text).not.toMatch(/receipt|citizenId/);
    const csv = await o.agent.get(`/admin/challenges/${challenge.id}/export?format=csv`).expect(200);
    expect(csv.text.split('\r\n')[0]).toBe('project_id,title,cost,votes,score,selected,rank');
    await o.agent.get(`/admin/challenges/${challenge.id}/export?format=xls`).expect(400);
  });

  it('renders the dashboard with its data block and every list page without error', async () => {
    const o = await official();
    const { challenge, projects } = await aVotedChallenge(deps);
    const home = await o.agent.get('/admin').expect(200);
    const data = JSON.parse(
      /<script type="application\/json" id="dashboard-data">(.*?)<\/script>/s.exec(home.text)![1]!,
    );
    expect(data.participants).toBe(4);
    expect(data.byChannel).toEqual([{ channel: 'console', count: 4 }]);
    expect(data.byDay).toHaveLength(30);
    expect(data.ballots).toEqual([{ challenge: 'Parks', count: 3 }]);
    expect(home.text).not.toMatch(/<script>(?!<)/);
    for (const url of [
      '/admin/challenges',
      `/admin/challenges/${challenge.id}/projects`,
      `/admin/projects/${projects[0]}`,
      `/admin/challenges/${challenge.id}/announce`,
      '/admin/faq',
      '/admin/account',
    ])
      await o.agent.get(url).expect(200);
    const empty = await aChallengeIn(deps, 'voting');
    await o.agent.get(`/admin/challenges/${empty.id}/results`).expect(200);
    const early = await post(o, `/admin/challenges/${empty.id}/results/publish`, {}).expect(409);
    expect(early.text).toContain('results can be published once voting is over');
    const late = await post(o, `/admin/proposals/${projects[0]}/review`, { action: 'accept' }).expect(409);
    expect(late.text).toContain('cannot be reviewed once voting has begun');
    await o.agent.get('/admin/challenges/ch_missing').expect(404);
    await o.agent.get('/admin/projects/pr_missing').expect(404);
    await o.agent.get('/admin/nowhere').expect(404);
  });
});
