import { answerQuestion } from '../../../core/usecases/engagement/questions';
import { unwrap } from '../../../core/shared/result';
import type { FaqMatch, NluResult } from '../../../nlu/types';
import type { TestDeps } from '../../support/deps';
import { makeDeps } from '../../support/deps';
import { aChallengeWithProjects } from '../../support/scenario';
import { Chat, engineOn, phraseNlu } from './support';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
});
afterEach(() => deps.store.close());

const citizenOf = async (chat: Chat, channel: 'telegram' | 'viber' = 'telegram') =>
  (await deps.store.citizens.findByIdentity(channel, chat.externalId))!;

describe('asking', () => {
  it('forwards a question to officials, and the answer reaches the citizen later', async () => {
    const chat = await new Chat(engineOn(deps)).onboard();
    await chat.say('i have a question');
    await chat.say('When will the playground open?');
    expect(chat.text()).toMatch(/passed your question/);
    const c = await citizenOf(chat);
    const [q] = await deps.store.questions.listByCitizen(c.id);
    expect(q).toMatchObject({ text: 'When will the playground open?', status: 'open' });
    unwrap(await answerQuestion(deps, q!.id, 'staff_1', 'In June.'));
    expect((await deps.store.outbox.listByCitizen(c.id)).map((n) => n.kind)).toContain('question.answered');
  });

  it('answers from the FAQ when confident, and can still forward to an official', async () => {
    const faq: FaqMatch = {
      id: 'f1',
      question: 'Who can vote?',
      answer: 'Everyone over 16 living here.',
      score: 0.9,
    };
    const base = phraseNlu();
    const nlu = {
      async parse(text: string, opts: { localeHint?: 'en' | 'el' | 'bg' | 'cs' }): Promise<NluResult> {
        const r = await base.parse(text, opts);
        return text.startsWith('who can vote') ? { ...r, intent: 'faq', confidence: 0.9, faq } : r;
      },
    };
    const chat = await new Chat(engineOn(deps, nlu)).onboard();
    await chat.say('who can vote here?');
    expect(chat.text()).toMatch(/over 16/);
    await chat.press('Ask an official');
    expect(chat.text()).toMatch(/passed your question/);
    const qs = await deps.store.questions.listByCitizen((await citizenOf(chat)).id);
    expect(qs.map((q) => q.status).sort()).toEqual(['answered', 'open']);
  });
});

describe('settings', () => {
  it('turns notifications off and on', async () => {
    const chat = await new Chat(engineOn(deps)).onboard();
    await chat.say('/settings');
    await chat.press('Turn notifications off');
    expect((await citizenOf(chat)).notifications).toBe(false);
    await chat.say('/settings');
    await chat.press('Turn notifications on');
    expect((await citizenOf(chat)).notifications).toBe(true);
  });

  it('verifies a phone only from the sender’s own contact', async () => {
    const chat = await new Chat(engineOn(deps)).onboard();
    await chat.say('/settings');
    await chat.press('Verify with my phone');
    expect(chat.last[0]?.requestContact).toBeDefined();
    await chat.send({ contact: { phone: '+30 210 000 0000', own: false } });
    expect((await citizenOf(chat)).verification).toBe('none');
    await chat.send({ contact: { phone: '+30 210 000 0000', own: true } });
    expect((await citizenOf(chat)).verification).toBe('phone');
  });

  it('verifies with a municipal code when the city provides them', async () => {
    const codes = new Set(['ATH-1234']);
    const engine = engineOn(deps, undefined, {
      municipalCodes: { redeem: async (code) => codes.delete(code) },
    });
    const chat = await new Chat(engine).onboard();
    await chat.say('/settings');
    await chat.press('municipal code');
    await chat.say('WRONG');
    expect(chat.text()).toMatch(/not valid/);
    await chat.say('ATH-1234');
    expect(chat.text()).toMatch(/verified/);
    expect((await citizenOf(chat)).verification).toBe('code');
  });

  it('links a second app with a one-time code', async () => {
    const engine = engineOn(deps);
    const telegram = await new Chat(engine, 'tg-1', 'telegram').onboard();
    await telegram.say('/settings');
    await telegram.press('Link another app');
    const code = /link code is ([2-9A-Z]{8})/.exec(telegram.text())?.[1];
    expect(code).toBeDefined();
    const viber = new Chat(engine, 'vb-1', 'viber');
    await viber.say('hi');
    await viber.press('English');
    await viber.say('/settings');
    await viber.press('I have a link code');
    await viber.say(code!);
    expect(viber.text()).toMatch(/same account/);
    expect((await citizenOf(viber, 'viber')).id).toBe((await citizenOf(telegram)).id);
  });

  it('deletes the citizen’s data after confirmation; ballots stay counted', async () => {
    const { challenge } = await aChallengeWithProjects(deps, 'voting', [10]);
    const chat = await new Chat(engineOn(deps)).onboard();
    await chat.say('/vote');
    await chat.press('1. Project 1');
    await chat.press('Submit');
    const id = (await citizenOf(chat)).id;
    await chat.say('delete my data');
    expect(chat.text()).toMatch(/cannot be undone/);
    await chat.press('Yes, delete everything');
    expect(chat.text()).toMatch(/deleted/);
    expect((await deps.store.citizens.get(id))?.erasedAt).not.toBeNull();
    expect(await deps.store.conversations.get(id)).toBeNull();
    expect(await deps.store.ballots.countByChallenge(challenge.id)).toBe(1);
    await chat.say('hi');
    expect(chat.text()).toMatch(/Agora/); // a new participant from now on
  });

  it('shows everything kept about the citizen', async () => {
    const chat = await new Chat(engineOn(deps)).onboard();
    await chat.say('/settings');
    await chat.press('My data');
    expect(chat.text()).toMatch(/"consentAt"/);
  });
});
