import type { FaqEntry } from '../../core/model/faq';
import type { NluOptions } from '../../nlu';
import { createNlu, generalFaqEntries, staticFaqSource } from '../../nlu';
import type { Nlu } from '../../nlu';
import type { ReferenceTitles } from '../../nlu/entities/references';

/** Monday 2 March 2026, 10:00 in Prague: relative dates in the tests resolve against this. */
export const NOW = new Date('2026-03-02T09:00:00Z');
export const TIME_ZONE = 'Europe/Prague';

export const TITLES: ReferenceTitles[] = [
  { type: 'challenge', id: 'ch_green', titles: { en: 'Greener Prague 7', cs: 'Zelenější Praha 7' } },
  {
    type: 'project',
    id: 'pr_skate',
    titles: { en: 'Skate park in Žižkov', cs: 'Skatepark na Žižkově', el: 'Σκέιτ πάρκο', bg: 'Скейт парк' },
  },
  {
    type: 'project',
    id: 'pr_garden',
    titles: {
      en: 'Community garden at the school',
      cs: 'Komunitní zahrada u školy',
      el: 'Κοινοτικός κήπος στο σχολείο',
      bg: 'Общностна градина до училището',
    },
  },
  {
    type: 'project',
    id: 'pr_play',
    titles: {
      en: 'Playground in Pangrati',
      el: 'Παιδική χαρά στο Παγκράτι',
      bg: 'Детска площадка в Панграти',
    },
  },
  {
    type: 'project',
    id: 'pr_benches',
    titles: { en: 'New benches on Vinohradská', cs: 'Nové lavičky ve Vinohradské' },
  },
  {
    type: 'project',
    id: 'pr_lights',
    titles: { en: 'Letná park lighting', cs: 'Osvětlení Letenského parku' },
  },
];

/** The project's NLU (model from the shared cache, trained once if the corpus changed) with test sources. */
export function testNlu(overrides: NluOptions = {}, faq: FaqEntry[] = generalFaqEntries()): Promise<Nlu> {
  return createNlu({
    clock: { now: () => new Date(NOW.getTime()) },
    timeZone: TIME_ZONE,
    faq: staticFaqSource(faq),
    references: { titles: async () => TITLES },
    ...overrides,
  });
}

/** The training's own Park-Miller generator: the fuzz inputs are the same on every run. */
export { seeded as prng } from '../../nlu/intent/logistic';
