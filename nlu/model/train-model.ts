import { LOCALES } from '../../core/model/locale';
import type { Locale } from '../../core/model/locale';
import type { Corpus } from '../corpus/corpus';
import type { IntentModelData } from '../intent/classifier';
import type { TrainSettings } from '../intent/train';
import { DEFAULT_SETTINGS, trainLanguageModel } from '../intent/train';
import { LanguageDetector, tuneTemperature } from '../language/detect';
import type { LanguageProfiles } from '../language/profile';
import { buildProfiles, profileSamples } from '../language/profile';

/** Bump when features or training change in a way the corpus hash cannot see. */
export const MODEL_VERSION = 4;

/** Everything the NLU learns from the corpus: what the model cache stores. */
export interface NluModelData {
  version: number;
  /** Hash of the corpus files and settings the model was trained on. */
  key: string;
  language: LanguageProfiles;
  intents: Record<Locale, IntentModelData>;
}

/** Language profiles, with the softmax temperature chosen on held-out folds of the corpus. */
export function trainLanguageProfiles(corpus: Corpus, folds = 3): LanguageProfiles {
  const splits = Array.from({ length: folds }, (_, k) => {
    const trainPart = {} as Corpus;
    const heldOut: { text: string; language: Locale }[] = [];
    for (const l of LOCALES) {
      trainPart[l] = corpus[l].filter((_, i) => i % folds !== k);
      for (const e of corpus[l].filter((_, i) => i % folds === k))
        heldOut.push({ text: e.text, language: l });
    }
    return { detector: new LanguageDetector(buildProfiles(profileSamples(trainPart))), heldOut };
  });
  return { ...buildProfiles(profileSamples(corpus)), temperature: tuneTemperature(splits) };
}

/** Trains the language detector and one intent model per language. Takes seconds: see model-cache.ts. */
export function trainNluModel(
  corpus: Corpus,
  key: string,
  settings: TrainSettings = DEFAULT_SETTINGS,
): NluModelData {
  const intents = {} as Record<Locale, IntentModelData>;
  for (const l of LOCALES) intents[l] = trainLanguageModel(l, corpus, settings);
  return { version: MODEL_VERSION, key, language: trainLanguageProfiles(corpus), intents };
}
