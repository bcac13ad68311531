import type { FaqEntry } from '../../core/model/faq';
import type { Locale } from '../../core/model/locale';
import { LOCALES } from '../../core/model/locale';
import { FaqRetriever } from '../../nlu/faq/faq-retriever';
import { generalFaqEntries, seedGeneralFaq, staticFaqSource } from '../../nlu/faq/seed';
import { faqTerms } from '../../nlu/faq/terms';
import { SqliteStore } from '../../store/sqlite';
import { aChallenge, aFaqEntry } from '../builders';
import { testNlu } from './support';

const general = generalFaqEntries(new Date('2026-01-01T00:00:00Z'));
const retriever = new FaqRetriever(staticFaqSource(general));
const best = async (text: string, l: Locale, min = 0): Promise<string | undefined> =>
  (await retriever.search(text, l, null, min))?.id;

describe('the shipped general FAQ', () => {
  it('has the same topics in every language, about ten each', () => {
    const keys = (l: Locale): string[] =>
      general.filter((e) => e.locale === l).map((e) => e.id.replace(/_[a-z]{2}$/, ''));
    for (const l of LOCALES) {
      expect(keys(l)).toEqual(keys('en'));
      expect(keys(l).length).toBeGreaterThanOrEqual(10);
    }
    for (const e of general) expect(e.question.length > 5 && e.answer.length > 40).toBe(true);
  });
});

describe('FAQ retrieval (TF-IDF per language)', () => {
  it.each<[Locale, string, string]>([
    ['en', 'who can vote?', 'faq_who-can-vote_en'],
    ['en', 'what is participatory budgeting', 'faq_what-is-pb_en'],
    ['en', 'how are the results calculated', 'faq_how-results_en'],
    ['en', 'is voting anonymous', 'faq_secret-ballot_en'],
    ['en', 'how do i check that my ballot was counted', 'faq_verify-ballot_en'],
    ['en', 'can i change my vote', 'faq_change-vote_en'],
    ['en', 'what does supporting mean', 'faq_what-is-supporting_en'],
    ['el', 'ποιος μπορεί να ψηφίσει;', 'faq_who-can-vote_el'],
    ['el', 'poios mporei na psifisei', 'faq_who-can-vote_el'],
    ['el', 'τι ειναι η μεθοδος των ισων μεριδιων', 'faq_how-results_el'],
    ['el', 'μπορώ να αλλάξω την ψήφο μου;', 'faq_change-vote_el'],
    ['bg', 'кой може да гласува?', 'faq_who-can-vote_bg'],
    ['bg', 'koi moje da glasuva', 'faq_who-can-vote_bg'],
    ['bg', 'тайно ли е гласуването', 'faq_secret-ballot_bg'],
    ['bg', 'как да подам предложение', 'faq_how-to-propose_bg'],
    ['cs', 'kdo může hlasovat?', 'faq_who-can-vote_cs'],
    ['cs', 'co je participativni rozpocet', 'faq_what-is-pb_cs'],
    ['cs', 'jak si overim svuj hlas', 'faq_verify-ballot_cs'],
    ['cs', 'co se deje s mymi osobnimi udaji', 'faq_privacy_cs'],
  ])('%s: "%s"', async (l, text, id) => {
    expect(await best(text, l)).toBe(id);
  });

  it('finds nothing for questions about something else', async () => {
    expect(await best('what is the weather tomorrow', 'en', 0.2)).toBeUndefined();
    expect(await best('πού είναι το φαρμακείο', 'el', 0.2)).toBeUndefined();
    expect(await best('', 'cs')).toBeUndefined();
  });

  it('searches the challenge FAQ first, then the general one', async () => {
    const own = aFaqEntry({
      id: 'faq_own',
      challengeId: 'ch_1',
      question: 'Who can vote in Prague 7?',
      answer: 'Residents of Prague 7 aged 15+.',
    });
    const r = new FaqRetriever(staticFaqSource([...general, own]));
    expect((await r.search('who can vote?', 'en', 'ch_1'))?.id).toBe('faq_own');
    expect((await r.search('who can vote?', 'en', null))?.id).toBe('faq_who-can-vote_en');
    expect((await r.search('is my vote secret?', 'en', 'ch_1'))?.id).toBe('faq_secret-ballot_en');
  });

  it('terms meet across scripts and inflections', () => {
    expect(faqTerms('ψηφίσει', 'el')).toEqual(faqTerms('psifisei', 'el'));
    expect(faqTerms('гласува', 'bg')).toEqual(faqTerms('glasuva', 'bg'));
    expect(faqTerms('hlasování', 'cs')[0]).toBe(faqTerms('hlasovat', 'cs')[0]);
    expect(faqTerms('the voting', 'en')).toEqual(['vote']);
  });

  it('reloads entries after the refresh time or on invalidate, not per message', async () => {
    let now = 0;
    const entries: FaqEntry[] = [
      aFaqEntry({ id: 'faq_a', question: 'Where is the town hall?', answer: 'On the square.' }),
    ];
    const source = { calls: 0, list: async () => (source.calls++, [...entries]) };
    const r = new FaqRetriever(source, 1000, () => now);
    expect((await r.search('where is the town hall', 'en', null))?.id).toBe('faq_a');
    entries[0] = { ...entries[0]!, id: 'faq_b' };
    expect((await r.search('where is the town hall', 'en', null))?.id).toBe('faq_a');
    now = 1500;
    expect((await r.search('where is the town hall', 'en', null))?.id).toBe('faq_b');
    entries[0] = { ...entries[0]!, id: 'faq_c' };
    r.invalidate();
    expect((await r.search('where is the town hall', 'en', null))?.id).toBe('faq_c');
    expect(source.calls).toBe(3);
  });
});

describe('parse with the FAQ', () => {
  it('returns the best entry for an faq question, in the message language', async () => {
    const nlu = await testNlu();
    const r = await nlu.parse('κάθε πότε μπορώ να αλλάξω την ψήφο μου;', { localeHint: 'el' });
    expect(r.intent).toBe('faq');
    expect(r.faq).toMatchObject({ id: 'faq_change-vote_el' });
    expect(r.faq!.answer.length).toBeGreaterThan(40);
  });

  it('puts the challenge FAQ first', async () => {
    const own = aFaqEntry({
      id: 'faq_p7',
      challengeId: 'ch_p7',
      locale: 'cs',
      question: 'Kdo může hlasovat v Praze 7?',
      answer: 'Všichni obyvatelé Prahy 7 starší 15 let.',
    });
    const nlu = await testNlu({}, [...general, own]);
    expect((await nlu.parse('kdo může hlasovat?', { localeHint: 'cs', challengeId: 'ch_p7' })).faq?.id).toBe(
      'faq_p7',
    );
    expect((await nlu.parse('kdo může hlasovat?', { localeHint: 'cs' })).faq?.id).toBe('faq_who-can-vote_cs');
  });

  it('leaves other intents without an entry', async () => {
    const nlu = await testNlu();
    expect((await nlu.parse('I want to vote for the skate park', { localeHint: 'en' })).faq).toBeUndefined();
  });
});

describe('seedGeneralFaq', () => {
  it('stores the general FAQ once and leaves edited or deleted entries alone', async () => {
    const store = await SqliteStore.open(':memory:');
    try {
      const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
      expect(await seedGeneralFaq(store, clock)).toBe(general.length);
      expect(await seedGeneralFaq(store, clock)).toBe(0);
      expect(await store.faq.list(null, 'bg')).toStrictEqual(general.filter((e) => e.locale === 'bg'));
      const edited = { ...general[0]!, answer: 'Edited by an official.' };
      await store.faq.upsert(edited);
      await store.faq.delete(general[1]!.id);
      expect(await seedGeneralFaq(store, clock)).toBe(0);
      expect(await store.faq.get(edited.id)).toStrictEqual(edited);
      expect(await store.faq.get(general[1]!.id)).toBeNull();
      // A challenge's own FAQ does not stop the general one from being seeded elsewhere.
      await store.challenges.save(aChallenge({ id: 'ch_x' }));
      await store.faq.upsert(aFaqEntry({ challengeId: 'ch_x' }));
      expect((await store.faq.list('ch_x')).length).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('feeds the NLU straight from the store', async () => {
    const store = await SqliteStore.open(':memory:');
    try {
      await seedGeneralFaq(store);
      const nlu = await testNlu({ faq: store.faq });
      expect((await nlu.parse('кой може да гласува?', { localeHint: 'bg' })).faq?.id).toBe(
        'faq_who-can-vote_bg',
      );
    } finally {
      await store.close();
    }
  });
});
