import { SqliteStore } from '../../store/sqlite';
import { ReferenceIndex, wordSimilarity } from '../../nlu/entities/references';
import { storeReferenceSource } from '../../nlu/entities/store-references';
import { aChallenge, aProposal } from '../builders';
import { TITLES, testNlu } from './support';

const index = new ReferenceIndex(TITLES);
const ids = (text: string): string[] => index.match(text).map((r) => r.id);

describe('references to projects and challenges', () => {
  it.each<[string, string]>([
    ['how is the skate park going?', 'pr_skate'],
    ['sleduj skatepark na Žižkově', 'pr_skate'],
    ['πώς πάει το σκέιτ πάρκο;', 'pr_skate'],
    ['как върви скейт паркът?', 'pr_skate'],
    ['vote for the community garden', 'pr_garden'],
    ['komunitni zahrada u skoly', 'pr_garden'],
    ['ψηφίζω τον κοινοτικό κήπο', 'pr_garden'],
    ['подкрепям общностната градина', 'pr_garden'],
    ['did the playground in Pangrati win', 'pr_play'],
    ['paidiki xara sto pagkrati', 'pr_play'],
    ['detskata ploshtadka v Pangrati', 'pr_play'],
    ['co je nového v Zelenější Praze 7', 'ch_green'],
    ['nove lavicky ve vinohradske', 'pr_benches'],
  ])('finds the title in "%s"', (text, id) => {
    expect(ids(text)[0]).toBe(id);
  });

  it('forgives typos', () => {
    expect(ids('how is the skaet park in zizkov')).toEqual(['pr_skate']);
    expect(ids('comunity garden')).toEqual(['pr_garden']);
  });

  it('returns the id, a score and where the words are', () => {
    const [ref] = index.match('I want to follow the skate park please');
    expect(ref).toMatchObject({ type: 'project', id: 'pr_skate', text: 'skate park' });
    expect(ref!.score).toBeGreaterThan(0.65);
    expect(ref!.score).toBeLessThanOrEqual(1);
  });

  it('does not match on generic words or unrelated text', () => {
    expect(ids('the park')).toEqual([]);
    expect(ids('hello, how are you?')).toEqual([]);
    expect(ids('what is the weather in Prague')).toEqual([]);
    expect(new ReferenceIndex([]).match('skate park')).toEqual([]);
  });

  it('compares words with natural distances, strictly for short ones', () => {
    expect(wordSimilarity('park', 'park')).toBe(1);
    expect(wordSimilarity('park', 'part')).toBe(0);
    expect(wordSimilarity('hriste', 'hristem')).toBeGreaterThan(0.9);
    expect(wordSimilarity('garden', 'gardne')).toBeGreaterThan(0.86);
    expect(wordSimilarity('garden', 'harden')).toBe(0);
  });

  it('come through parse as entities', async () => {
    const nlu = await testNlu();
    const r = await nlu.parse('chci sledovat skatepark', { localeHint: 'cs' });
    expect(r.entities).toMatchObject([{ type: 'project', id: 'pr_skate', text: 'skatepark' }]);
  });

  it('keeps understanding when the title source fails', async () => {
    const nlu = await testNlu({ references: { titles: () => Promise.reject(new Error('store down')) } });
    const r = await nlu.parse('follow the skate park', { localeHint: 'en' });
    expect(r.intent).toBe('follow');
    expect(r.entities).toEqual([]);
  });
});

describe('storeReferenceSource', () => {
  it('lists challenges and their proposals from the store, for one challenge or all', async () => {
    const store = await SqliteStore.open(':memory:');
    try {
      const a = aChallenge({ title: { en: 'Greener Prague 7', cs: 'Zelenější Praha 7' } });
      const b = aChallenge({ title: { el: 'Πολιτισμός' } });
      for (const c of [a, b]) await store.challenges.save(c);
      const p = aProposal({ challengeId: a.id, authorId: null, title: { cs: 'Pítko na náměstí' } });
      await store.proposals.save(p);
      const source = storeReferenceSource(store);
      expect(await source.titles(a.id)).toEqual([
        {
          type: 'challenge',
          id: a.id,
          titles: { en: 'Greener Prague 7', el: undefined, bg: undefined, cs: 'Zelenější Praha 7' },
        },
        {
          type: 'project',
          id: p.id,
          titles: { en: undefined, el: undefined, bg: undefined, cs: 'Pítko na náměstí' },
        },
      ]);
      expect((await source.titles()).map((t) => t.id).sort()).toEqual([a.id, b.id, p.id].sort());
      expect(await source.titles('ch_missing')).toEqual([]);
      expect(new ReferenceIndex(await source.titles()).match('pitko na namesti')[0]?.id).toBe(p.id);
    } finally {
      await store.close();
    }
  });
});
