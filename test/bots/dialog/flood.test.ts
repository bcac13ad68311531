import { DialogEngine } from '../../../bots/dialog/engine';
import { FloodGuard } from '../../../bots/dialog/flood-guard';
import type { TestDeps } from '../../support/deps';
import { makeDeps } from '../../support/deps';
import { Chat, phraseNlu } from './support';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
});
afterEach(() => deps.store.close());

describe('flood guard', () => {
  it('lets a burst through, then gives one polite sentence, then silence, and recovers with time', () => {
    const g = new FloodGuard(3, 60);
    expect([0, 0, 0].map(() => g.check('a', 0))).toEqual(['ok', 'ok', 'ok']);
    expect(g.check('a', 0)).toBe('warn');
    expect(g.check('a', 10)).toBe('drop');
    expect(g.check('b', 10)).toBe('ok'); // others are unaffected
    expect(g.check('a', 1_000)).toBe('ok'); // one token back after a second at 60/min
  });

  it('slows a flooding citizen in their language, and leaves another citizen alone', async () => {
    const engine = new DialogEngine({ ...deps, nlu: phraseNlu() });
    const flooder = new Chat(engine, 'flooder', 'telegram', 'el');
    const other = new Chat(engine, 'calm', 'telegram', 'en');
    const answers: number[] = [];
    for (let i = 0; i < 20; i++) answers.push((await flooder.say(`spam ${i}`)).length);
    expect(flooder.last).toEqual([]);
    expect(answers.filter((n) => n === 0).length).toBeGreaterThan(5);
    await other.say('hi');
    expect(other.text()).toMatch(/Agora/);
    deps.clock.advance(60_000);
    await flooder.say('γεια');
    expect(flooder.text()).not.toBe('');
  });

  it('tells the citizen once, in their language', async () => {
    const engine = new DialogEngine({ ...deps, nlu: phraseNlu() }, undefined, new FloodGuard(1, 1));
    const chat = new Chat(engine, 'x', 'telegram', 'cs');
    await chat.say('ahoj');
    await chat.say('ahoj');
    expect(chat.text()).toMatch(/Posíláte zprávy velmi rychle/);
    await chat.say('ahoj');
    expect(chat.last).toEqual([]);
  });
});
