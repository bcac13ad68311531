import { forcePhase } from '../../../core/usecases/challenges/manage';
import { publishResults } from '../../../core/usecases/results/publish-results';
import { postUpdate } from '../../../core/usecases/proposals/implementation';
import { unwrap } from '../../../core/shared/result';
import { renderResultsChart } from '../../../bots/dialog/chart/results-chart';
import type { TestDeps } from '../../support/deps';
import { makeDeps } from '../../support/deps';
import { aChallengeWithProjects } from '../../support/scenario';
import { Chat, engineOn } from './support';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
});
afterEach(() => deps.store.close());

describe('the ballot builder', () => {
  it('shows the running total, refuses what does not fit, submits and returns a receipt; the vote can change', async () => {
    const { challenge, projects } = await aChallengeWithProjects(deps, 'voting', [40000, 30000, 20000], {
      budget: 50000,
    });
    const chat = await new Chat(engineOn(deps)).onboard();
    await chat.say('i want to vote');
    expect(chat.text()).toMatch(/€50,000 of €50,000 left/);
    await chat.press('1. Project 1');
    expect(chat.last[0]?.edit).toBe(true);
    expect(chat.text()).toMatch(/€10,000 of €50,000 left/);
    await chat.press('2. Project 2');
    expect(chat.text()).toMatch(/costs €30,000, but only €10,000/);
    await chat.press('Submit');
    const receipt = /receipt code is ([2-9A-Z]{10})/.exec(chat.text())?.[1];
    expect(receipt).toBeDefined();
    const ballot = await deps.store.ballots.getByReceipt(receipt!);
    expect(ballot?.choices).toEqual([{ projectId: projects[0] }]);

    await chat.say('/vote');
    expect(chat.text()).toMatch(new RegExp(`receipt ${receipt}`));
    expect(chat.button('☑️ 1. Project 1')).toBeDefined(); // starts from the ballot already cast
    await chat.press('1. Project 1');
    await chat.press('2. Project 2');
    await chat.press('3. Project 3');
    await chat.press('Submit');
    expect(chat.text()).toMatch(/changed/);
    expect((await deps.store.ballots.get(challenge.id, ballot!.citizenId!))?.choices).toEqual([
      { projectId: projects[1] },
      { projectId: projects[2] },
    ]);
  });

  it('answers an old ballot button after voting closed with an explanation, not a vote', async () => {
    const { challenge } = await aChallengeWithProjects(deps, 'voting', [10, 20]);
    const chat = await new Chat(engineOn(deps)).onboard();
    await chat.say('/vote');
    const old = chat.button('1. Project 1')!;
    const submit = chat.button('Submit')!;
    await chat.send({ payload: old.payload });
    unwrap(await forcePhase(deps, challenge.id, 'results', 'staff_1'));
    await chat.send({ payload: submit.payload });
    expect(chat.text()).toMatch(/Voting is closed/);
    expect(await deps.store.ballots.countByChallenge(challenge.id)).toBe(0);
    await chat.send({ payload: old.payload });
    expect(chat.text()).toMatch(/earlier step|Voting is closed/);
  });

  it('builds a ranked ballot in order of taps, and limits the number of ranks', async () => {
    const { challenge, projects } = await aChallengeWithProjects(deps, 'voting', [10, 20, 30], {
      ballotRule: { kind: 'ranked', maxRanks: 2 },
    });
    const chat = await new Chat(engineOn(deps)).onboard();
    await chat.say('/vote');
    await chat.press('3. Project 3');
    await chat.press('1. Project 1');
    expect(chat.button('#1 3. Project 3')).toBeDefined();
    expect(chat.button('#2 1. Project 1')).toBeDefined();
    await chat.press('2. Project 2');
    expect(chat.text()).toMatch(/at most 2/);
    await chat.press('Submit');
    const citizen = await deps.store.citizens.findByIdentity('telegram', chat.externalId);
    expect((await deps.store.ballots.get(challenge.id, citizen!.id))?.choices).toEqual([
      { projectId: projects[2] },
      { projectId: projects[0] },
    ]);
  });

  it('builds a cumulative ballot one point per tap, up to the points available', async () => {
    const { challenge, projects } = await aChallengeWithProjects(deps, 'voting', [10, 20], {
      ballotRule: { kind: 'cumulative', points: 3 },
    });
    const chat = await new Chat(engineOn(deps)).onboard();
    await chat.say('/vote');
    await chat.press('1. Project 1');
    await chat.press('1. Project 1');
    await chat.press('2. Project 2');
    expect(chat.text()).toMatch(/0 of 3 points left/);
    await chat.press('1. Project 1');
    expect(chat.text()).toMatch(/no points left/);
    await chat.press('Submit');
    const citizen = await deps.store.citizens.findByIdentity('telegram', chat.externalId);
    expect((await deps.store.ballots.get(challenge.id, citizen!.id))?.choices).toEqual([
      { projectId: projects[0], points: 2 },
      { projectId: projects[1], points: 1 },
    ]);
  });

  it('refuses to submit an empty ballot, and typing a project number taps it', async () => {
    await aChallengeWithProjects(deps, 'voting', [10, 20]);
    const chat = await new Chat(engineOn(deps)).onboard();
    await chat.say('/vote');
    await chat.press('Submit');
    expect(chat.text()).toMatch(/empty/);
    await chat.say('2');
    expect(chat.button('☑️ 2. Project 2')).toBeDefined();
  });
});

describe('after the vote', () => {
  it('shows published results with a chart, project status with the last update, and lets citizens rate', async () => {
    const { challenge, projects } = await aChallengeWithProjects(deps, 'voting', [60, 30], { budget: 100 });
    const engine = engineOn(deps, undefined, { chart: renderResultsChart });
    const chat = await new Chat(engine).onboard();
    await chat.say('/vote');
    await chat.press('1. Project 1');
    await chat.press('Submit');
    await chat.say('results');
    expect(chat.text()).toMatch(/not published yet|No results/);

    unwrap(await forcePhase(deps, challenge.id, 'results', 'staff_1'));
    unwrap(await publishResults(deps, challenge.id, 'staff_1'));
    await chat.say('/results');
    expect(chat.text()).toMatch(/1 projects funded|funded/);
    const image = chat.last.find((r) => r.image);
    expect(image?.image?.png.subarray(1, 4).toString()).toBe('PNG');

    unwrap(await postUpdate(deps, projects[0]!, 'staff_1', { text: 'Finished!', status: 'completed' }));
    await chat.send({ payload: `prj:${projects[0]}` });
    expect(chat.text()).toMatch(/Finished!/);
    expect(chat.text()).toMatch(/completed/);
    await chat.press('Rate');
    await chat.press('⭐⭐⭐⭐');
    expect(chat.text()).toMatch(/4 out of 5/);
    expect(await deps.store.ratings.summary(projects[0]!)).toEqual({ count: 1, average: 4 });
  });

  it('lists my activity, and follows and unfollows a project', async () => {
    const { projects } = await aChallengeWithProjects(deps, 'voting', [10, 20]);
    const chat = await new Chat(engineOn(deps)).onboard();
    await chat.say('/vote');
    await chat.press('1. Project 1');
    await chat.press('Submit');
    await chat.say('my activity');
    expect(chat.text()).toMatch(/Your ballots/);
    expect(chat.text()).toMatch(/You follow 1 item/); // voting follows the chosen project
    await chat.send({ payload: `prj:${projects[0]}` });
    await chat.press('Unfollow');
    expect(chat.text()).toMatch(/no longer follow/);
    await chat.press('Back');
    await chat.press('Follow');
    expect(chat.text()).toMatch(/You follow "Project 1"/);
  });
});
