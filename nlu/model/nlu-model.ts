import type { Locale } from '../../core/model/locale';
import { LOCALES } from '../../core/model/locale';
import type { IntentScore } from '../intent/classifier';
import { IntentClassifier } from '../intent/classifier';
import type { Detection } from '../language/detect';
import { LanguageDetector } from '../language/detect';
import type { NluModelData } from './train-model';

/** Language and intent of one message, before entities, FAQ and the LLM. */
export interface Understanding {
  language: Detection;
  intent: IntentScore;
}

/** The trained models, ready to score. Built once per process from the cache. */
export class NluModel {
  readonly detector: LanguageDetector;
  private readonly classifiers: Record<Locale, IntentClassifier>;

  /** Hash of the corpus and settings the model was trained on. */
  readonly key: string;

  // The data is not kept: the classifiers hold their weights in their own compact tables.
  constructor(data: NluModelData) {
    this.key = data.key;
    this.detector = new LanguageDetector(data.language);
    this.classifiers = {} as Record<Locale, IntentClassifier>;
    for (const l of LOCALES) this.classifiers[l] = new IntentClassifier(data.intents[l]);
  }

  classifier(locale: Locale): IntentClassifier {
    return this.classifiers[locale];
  }

  /**
   * Detects the language, then classifies with that language's model. When the detected language
   * differs from the citizen's locale, the locale's model gets a say too (a Greek citizen's
   * "stop stop" is English words in a Greek conversation), and the more confident one wins.
   */
  understand(text: string, hint?: Locale): Understanding {
    const language = this.detector.detect(text, hint);
    const lower = text.toLowerCase();
    let intent = this.classifiers[language.language].classify(lower);
    if (hint && hint !== language.language) {
      const other = this.classifiers[hint].classify(lower);
      if (other.confidence > intent.confidence) intent = other;
    }
    return { language, intent };
  }
}
