import { aChallenge, daysFrom, minutesFrom } from '../../builders';
import type { StoreFactory } from './harness';
import { freshStore } from './harness';

export function challengeStoreContract(makeStore: StoreFactory): void {
  describe('ChallengeStore', () => {
    const store = freshStore(makeStore);

    it('gives back a saved challenge exactly', async () => {
      const challenge = aChallenge({
        title: { en: 'Greener streets', el: 'Πράσινοι δρόμοι', bg: 'Зелени улици', cs: 'Zelené ulice' },
        schedule: { proposals: daysFrom(-3), voting: daysFrom(4), closed: daysFrom(30) },
        forcedPhase: 'review',
        ballotRule: { kind: 'cumulative', points: 10, maxPerProject: 4 },
        outcomeRule: { method: 'equal-shares', completion: 'add1' },
        minVerification: 'phone',
        budget: 250_000.5,
        currency: 'BGN',
        resultsPublishedAt: minutesFrom(7),
        meta: { unit: 'Plovdiv', comment: 'imported' },
      });
      await store().challenges.save(challenge);
      expect(await store().challenges.get(challenge.id)).toStrictEqual(challenge);
      expect(await store().challenges.get('ch_missing')).toBeNull();
    });

    it('replaces a challenge saved again', async () => {
      const challenge = aChallenge();
      await store().challenges.save(challenge);
      const changed = { ...challenge, forcedPhase: null, budget: 1, schedule: {}, updatedAt: minutesFrom(1) };
      await store().challenges.save(changed);
      expect(await store().challenges.get(challenge.id)).toStrictEqual(changed);
      expect(await store().challenges.list()).toHaveLength(1);
    });

    it('lists challenges newest first', async () => {
      const old = aChallenge({ createdAt: daysFrom(-2) });
      const newest = aChallenge({ createdAt: daysFrom(0) });
      const middle = aChallenge({ createdAt: daysFrom(-1) });
      for (const c of [old, newest, middle]) await store().challenges.save(c);
      expect((await store().challenges.list()).map((c) => c.id)).toEqual([newest.id, middle.id, old.id]);
    });
  });
}
