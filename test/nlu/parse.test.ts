import type { Locale } from '../../core/model/locale';
import type { Nlu } from '../../nlu';
import { INTENTS } from '../../nlu';
import { testNlu } from './support';

let nlu: Nlu;
// Training takes a few seconds when the corpus changed since the cached model.
beforeAll(async () => {
  nlu = await testNlu();
}, 60_000);

describe('parse', () => {
  it('returns the contract shape', async () => {
    const r = await nlu.parse('I want to propose new benches for 5.000 € tomorrow', { localeHint: 'en' });
    expect(r).toEqual({
      language: 'en',
      intent: 'propose',
      confidence: expect.any(Number),
      entities: [
        expect.objectContaining({ type: 'project', id: 'pr_benches' }),
        expect.objectContaining({ type: 'money', value: 5000, currency: 'EUR' }),
        expect.objectContaining({ type: 'date', value: '2026-03-03' }),
      ],
      source: 'classifier',
    });
    expect(r.confidence).toBeGreaterThan(0.5);
    expect(r.confidence).toBeLessThanOrEqual(1);
  });

  it.each<[Locale, string, string]>([
    ['en', 'hello there', 'greet'],
    ['el', 'θέλω να ψηφίσω για την παιδική χαρά', 'vote'],
    ['el', 'thelw na psifisw', 'vote'],
    ['bg', 'искам да подкрепя предложението', 'support'],
    ['bg', 'blagodarya mnogo', 'thanks'],
    ['cs', 'přestaň mi posílat novinky', 'unfollow'],
    ['cs', 'smazte moje udaje', 'delete_data'],
    ['en', 'stop following the skate park', 'unfollow'],
    ['en', 'follow the skate park', 'follow'],
  ])('understands %s: "%s"', async (l, text, intent) => {
    expect((await nlu.parse(text, { localeHint: l })).intent).toBe(intent);
  });

  it("knows the chat apps' slash commands by rule", async () => {
    expect(await nlu.parse('/start')).toMatchObject({ intent: 'greet', confidence: 1, source: 'rules' });
    expect(await nlu.parse('/help@agora_bot')).toMatchObject({ intent: 'help', source: 'rules' });
    expect(await nlu.parse('/language', { localeHint: 'el' })).toMatchObject({
      intent: 'change_language',
      language: 'el',
    });
  });

  it('says none to what is out of scope', async () => {
    for (const text of [
      'what is the weather tomorrow in Brno',
      'asdfghjkl',
      'πόσο κάνει ένα κιλό ντομάτες;',
    ]) {
      expect((await nlu.parse(text)).intent).toBe('none');
    }
  });

  it('only ever answers with contract intents', async () => {
    const r = await nlu.parse('I want to vote');
    expect([...INTENTS, 'none']).toContain(r.intent);
  });

  it('asks the title source again only after refresh', async () => {
    let calls = 0;
    const counted = await testNlu({ references: { titles: async () => (calls++, []) } });
    await counted.parse('a', { localeHint: 'en' });
    await counted.parse('b', { localeHint: 'en' });
    await counted.parse('c', { localeHint: 'en', challengeId: 'ch_1' });
    expect(calls).toBe(2);
    counted.refresh();
    await counted.parse('d', { localeHint: 'en' });
    expect(calls).toBe(3);
  });
});
