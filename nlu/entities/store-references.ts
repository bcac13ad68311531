import type { LocalizedText } from '../../core/model/locale';
import type { Stores } from '../../core/ports/store';
import type { ReferenceSource, ReferenceTitles } from './references';

const titlesOf = (t: LocalizedText): ReferenceTitles['titles'] => ({
  en: t.en,
  el: t.el,
  bg: t.bg,
  cs: t.cs,
});

/**
 * Titles from the store: challenges and their proposals (every status, since citizens also ask
 * about rejected or finished ones). One list call per challenge; createNlu keeps the result for a
 * while, so this does not run per message.
 */
export function storeReferenceSource(stores: Pick<Stores, 'challenges' | 'proposals'>): ReferenceSource {
  return {
    async titles(challengeId?: string): Promise<ReferenceTitles[]> {
      const challenges = challengeId
        ? [await stores.challenges.get(challengeId)].filter((c) => c !== null)
        : await stores.challenges.list();
      const out: ReferenceTitles[] = [];
      for (const c of challenges) {
        out.push({ type: 'challenge', id: c.id, titles: titlesOf(c.title) });
        for (const p of await stores.proposals.listByChallenge(c.id)) {
          out.push({ type: 'project', id: p.id, titles: titlesOf(p.title) });
        }
      }
      return out;
    },
  };
}
