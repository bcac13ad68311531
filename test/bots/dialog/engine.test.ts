import { forcePhase } from '../../../core/usecases/challenges/manage';
import { reviewProposal } from '../../../core/usecases/proposals/review';
import { unwrap } from '../../../core/shared/result';
import { STALE_AFTER_MS } from '../../../bots/dialog/engine';
import type { TestDeps } from '../../support/deps';
import { makeDeps } from '../../support/deps';
import { aChallengeIn, aChallengeWithProjects } from '../../support/scenario';
import { Chat, engineOn } from './support';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
});
afterEach(() => deps.store.close());

describe('onboarding', () => {
  it('welcomes a new citizen, asks the language, then consent, then shows the menu', async () => {
    const chat = new Chat(engineOn(deps));
    await chat.say('hello');
    expect(chat.text()).toMatch(/Agora/);
    expect(chat.buttons().map((b) => b.label)).toEqual(['English', 'Ελληνικά', 'Български', 'Čeština']);
    await chat.press('Ελληνικά');
    expect(chat.text()).toMatch(/[α-ω]/);
    expect(chat.buttons()).toHaveLength(2); // agree / not now, in Greek
    await chat.send({ payload: chat.buttons()[0]!.payload });
    const citizen = await deps.store.citizens.findByIdentity('telegram', chat.externalId);
    expect(citizen?.locale).toBe('el');
    expect(citizen?.consentAt).not.toBeNull();
    expect(chat.buttons().length).toBeGreaterThanOrEqual(5); // the menu
  });

  it('lets a citizen who declines look around, and asks again before taking part', async () => {
    await aChallengeIn(deps, 'proposals');
    const chat = new Chat(engineOn(deps));
    await chat.say('hi');
    await chat.press('English');
    await chat.press('Not now');
    expect(chat.text()).toMatch(/look around/);
    await chat.press('Challenges');
    expect(chat.text()).toMatch(/Parks/);
    await chat.say('/propose');
    expect(chat.text()).toMatch(/agreement/);
    expect(chat.button('I agree')).toBeDefined();
  });

  it('takes the language from a typed name or from the language of the text', async () => {
    const chat = new Chat(engineOn(deps));
    await chat.say('hi');
    await chat.say('čeština');
    expect((await deps.store.citizens.findByIdentity('telegram', chat.externalId))?.locale).toBe('cs');
  });
});

describe('robustness', () => {
  it('answers a forged or unknown button with an explanation and the menu', async () => {
    const chat = await new Chat(engineOn(deps)).onboard();
    for (const payload of ['vt:nope', 'zz', 'x'.repeat(200), 'vote', 'rv:pr_1:99', '💥', '']) {
      await chat.send({ payload });
      expect(chat.text()).toMatch(/earlier step|couldn't find|menu|What would you like/i);
      expect(chat.buttons().length).toBeGreaterThan(0);
    }
  });

  it('refuses a very long text politely, and treats empty text and unknown commands as not understood', async () => {
    const chat = await new Chat(engineOn(deps)).onboard();
    await chat.say('a'.repeat(5000));
    expect(chat.text()).toMatch(/too long/);
    await chat.say('   ');
    expect(chat.text()).toMatch(/didn't understand/);
    await chat.say('/frobnicate');
    expect(chat.text()).toMatch(/didn't understand/);
    await chat.send({ location: { lat: 1, lng: 2 } });
    expect(chat.text()).toMatch(/can't read/);
  });

  it('answers with an apology, not an exception, when something breaks inside', async () => {
    const broken = engineOn(deps, {
      parse: () => Promise.reject(new Error('boom')),
    });
    const chat = await new Chat(broken).onboard();
    await chat.say('something');
    expect(chat.text()).toMatch(/went wrong/);
  });
});

describe('proposing', () => {
  it('walks title, description, cost, location, review with an edit, and submits', async () => {
    const ch = await aChallengeIn(deps, 'proposals', { budget: 50000 });
    const chat = await new Chat(engineOn(deps)).onboard();
    await chat.say('i want to propose');
    expect(chat.text()).toMatch(/title/);
    await chat.say('Benches in the park');
    expect(chat.text()).toMatch(/describe/);
    await chat.say('Ten benches along the river walk, for older people.');
    expect(chat.text()).toMatch(/How much/);
    await chat.say('a lot');
    expect(chat.text()).toMatch(/amount above zero/);
    await chat.say('90000');
    expect(chat.text()).toMatch(/within the budget/);
    await chat.say('15k');
    expect(chat.text()).toMatch(/location/);
    await chat.send({ location: { lat: 37.98, lng: 23.72 } });
    expect(chat.text()).toMatch(/check your proposal/);
    expect(chat.text()).toMatch(/15,000/);
    await chat.press('Edit cost');
    await chat.say('12 000');
    expect(chat.text()).toMatch(/12,000/);
    await chat.press('Send');
    expect(chat.text()).toMatch(/number 1/);
    const [p] = await deps.store.proposals.listByChallenge(ch.id);
    expect(p).toMatchObject({
      title: { en: 'Benches in the park' },
      cost: 12000,
      location: { lat: 37.98, lng: 23.72 },
    });

    unwrap(await forcePhase(deps, ch.id, 'review', 'staff_1'));
    unwrap(await reviewProposal(deps, p!.id, 'staff_1', { action: 'accept' }));
    const sent = await deps.store.outbox.listByCitizen(p!.authorId!);
    expect(sent.map((n) => n.kind)).toContain('proposal.reviewed');
  });

  it('cancels at any step and keeps nothing; says so when there is nothing to cancel', async () => {
    const ch = await aChallengeIn(deps, 'proposals');
    const chat = await new Chat(engineOn(deps)).onboard();
    await chat.say('/propose');
    await chat.say('A title');
    await chat.say('stop');
    expect(chat.text()).toMatch(/Nothing was submitted/);
    expect(await deps.store.proposals.listByChallenge(ch.id)).toHaveLength(0);
    await chat.say('/cancel');
    expect(chat.text()).toMatch(/nothing to cancel/);
  });

  it('continues after a restart: a new engine on the same store knows the step', async () => {
    await aChallengeIn(deps, 'proposals');
    const chat = await new Chat(engineOn(deps)).onboard();
    await chat.say('/propose');
    await chat.say('Bike racks');
    const restarted = new Chat(engineOn(deps), chat.externalId);
    await restarted.say('Racks for 40 bikes at the station.');
    expect(restarted.text()).toMatch(/How much/);
  });

  it('closes a journey left for a day, politely, and handles the new message', async () => {
    await aChallengeIn(deps, 'proposals');
    const chat = await new Chat(engineOn(deps)).onboard();
    await chat.say('/propose');
    deps.clock.advance(STALE_AFTER_MS + 1000);
    await chat.say('my activity');
    expect(chat.text()).toMatch(/left something unfinished/);
    expect(chat.text()).toMatch(/haven't taken part/);
  });

  it('tells the citizen when no challenge takes proposals', async () => {
    await aChallengeWithProjects(deps, 'voting', [10]);
    const chat = await new Chat(engineOn(deps)).onboard();
    await chat.say('/propose');
    expect(chat.text()).toMatch(/No challenge is taking proposals/);
    expect(chat.buttons().length).toBeGreaterThan(0);
  });
});
