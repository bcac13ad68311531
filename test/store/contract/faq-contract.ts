import { aFaqEntry, minutesFrom } from '../../builders';
import type { StoreFactory } from './harness';
import { freshStore, savedChallenge } from './harness';

export function faqStoreContract(makeStore: StoreFactory): void {
  describe('FaqStore', () => {
    const store = freshStore(makeStore);

    it('gives back an entry exactly, general or of a challenge', async () => {
      const challenge = await savedChallenge(store());
      const general = aFaqEntry({ locale: 'el', question: 'Ποιος ψηφίζει;', answer: 'Όλοι οι κάτοικοι.' });
      const own = aFaqEntry({
        challengeId: challenge.id,
        locale: 'cs',
        question: 'Kolik?',
        answer: '5 mil. Kč',
      });
      for (const e of [general, own]) await store().faq.upsert(e);
      expect(await store().faq.get(general.id)).toStrictEqual(general);
      expect(await store().faq.get(own.id)).toStrictEqual(own);
      expect(await store().faq.get('faq_missing')).toBeNull();
    });

    it('lists the general FAQ apart from each challenge FAQ, in the order first saved', async () => {
      const [a, b] = [await savedChallenge(store()), await savedChallenge(store())];
      const g1 = aFaqEntry({ id: 'faq_z' });
      const g2 = aFaqEntry({ id: 'faq_a' });
      const a1 = aFaqEntry({ challengeId: a.id });
      const b1 = aFaqEntry({ challengeId: b.id });
      for (const e of [g1, a1, g2, b1]) await store().faq.upsert(e);
      expect(await store().faq.list(null)).toStrictEqual([g1, g2]);
      expect(await store().faq.list(a.id)).toStrictEqual([a1]);
      expect(await store().faq.list(b.id)).toStrictEqual([b1]);
      expect(await store().faq.list('ch_none')).toEqual([]);
    });

    it('filters by language', async () => {
      const en = aFaqEntry({ locale: 'en' });
      const bg = aFaqEntry({ locale: 'bg', question: 'Кой може да гласува?' });
      const bg2 = aFaqEntry({ locale: 'bg' });
      for (const e of [en, bg, bg2]) await store().faq.upsert(e);
      expect(await store().faq.list(null, 'bg')).toStrictEqual([bg, bg2]);
      expect(await store().faq.list(null, 'cs')).toEqual([]);
    });

    it('replaces an entry saved again, keeping its place', async () => {
      const first = aFaqEntry();
      const second = aFaqEntry();
      for (const e of [first, second]) await store().faq.upsert(e);
      const edited = { ...first, answer: 'A better answer.', updatedAt: minutesFrom(30) };
      await store().faq.upsert(edited);
      expect(await store().faq.list(null)).toStrictEqual([edited, second]);
    });

    it('deletes an entry, telling whether there was one', async () => {
      const entry = aFaqEntry();
      await store().faq.upsert(entry);
      expect(await store().faq.delete(entry.id)).toBe(true);
      expect(await store().faq.delete(entry.id)).toBe(false);
      expect(await store().faq.get(entry.id)).toBeNull();
      expect(await store().faq.list(null)).toEqual([]);
    });
  });
}
