import type { Locale } from '../../core/model/locale';
import type { Intent } from '../types';
import type { BayesData } from './bayes';
import type { FeatureOptions } from './features';
import { intentFeatures } from './features';
import type { LogisticData } from './logistic';
import { featureScale, softmaxInPlace } from './logistic';
import { joinTables } from './packed';

/** One language's trained intent model, as cached (nlu/model/model-file.ts). */
export interface IntentModelData {
  locale: Locale;
  labels: Intent[];
  features: FeatureOptions;
  bayes: BayesData;
  logistic: LogisticData;
  /** How the two models' probabilities are mixed (weights chosen by cross-validation on train). */
  blend: { bayesWeight: number; bayesTemperature: number };
  /** Below this confidence the intent is `none` (tuned by cross-validation on train, never on eval). */
  threshold: number;
}

/** The best label for a message and how sure the model is. */
export interface IntentScore {
  intent: Intent;
  confidence: number;
  /** How many of the message's features the model has seen (0: nothing it knows). */
  known: number;
}

/**
 * Scores messages with natural's Bayes model and the logistic model together:
 * p = (w * softmax(bayes / T) + p_logistic) / (1 + w). Only the features a message has are
 * touched, so one call is a few thousand additions.
 */
export class IntentClassifier {
  /** Feature -> row of [Bayes log-likelihoods | logistic weights] in `values`: one lookup per feature. */
  private readonly index: Map<string, number>;
  private readonly values: Float32Array;
  private readonly width: number;
  /** Numbers per row of `values`: both tables' widths. */
  private readonly stride: number;
  /** The model without its tables, which live on only in `values` (a model is tens of MB). */
  readonly data: Omit<IntentModelData, 'bayes' | 'logistic'> & {
    bayes: Pick<IntentModelData['bayes'], 'logPrior'>;
    logistic: Pick<IntentModelData['logistic'], 'bias'>;
  };

  constructor(model: IntentModelData) {
    this.width = model.labels.length;
    // A feature Bayes never saw adds nothing to its score: zeros, as if skipped.
    const joined = joinTables([model.bayes.table, model.logistic.table]);
    this.index = joined.index;
    this.values = joined.values;
    this.stride = joined.width;
    const { bayes, logistic, ...rest } = model;
    this.data = { ...rest, bayes: { logPrior: bayes.logPrior }, logistic: { bias: logistic.bias } };
  }

  get locale(): Locale {
    return this.data.locale;
  }

  /** Blended probabilities per label (data.labels order). */
  probabilities(text: string): { p: Float64Array; known: number } {
    const feats = intentFeatures(text, this.data.locale, this.data.features);
    const width = this.width;
    const nb = Float64Array.from(this.data.bayes.logPrior);
    const lr = Float64Array.from(this.data.logistic.bias);
    const scale = featureScale(feats.length);
    let known = 0;
    const values = this.values;
    for (const f of feats) {
      const row = this.index.get(f);
      if (row === undefined) continue;
      known++;
      const at = row * this.stride;
      for (let c = 0; c < width; c++) {
        nb[c] = (nb[c] ?? 0) + (values[at + c] ?? 0);
        lr[c] = (lr[c] ?? 0) + (values[at + width + c] ?? 0) * scale;
      }
    }
    const { bayesWeight, bayesTemperature } = this.data.blend;
    softmaxInPlace(nb, bayesTemperature);
    softmaxInPlace(lr);
    const p = new Float64Array(width);
    for (let c = 0; c < width; c++) p[c] = (bayesWeight * (nb[c] ?? 0) + (lr[c] ?? 0)) / (1 + bayesWeight);
    return { p, known };
  }

  /** The most probable label, before the `none` threshold. */
  best(text: string): IntentScore {
    const { p, known } = this.probabilities(text);
    if (known === 0) return { intent: 'none', confidence: 0, known };
    let top = 0;
    for (let c = 1; c < p.length; c++) if ((p[c] ?? 0) > (p[top] ?? 0)) top = c;
    return { intent: this.data.labels[top] ?? 'none', confidence: p[top] ?? 0, known };
  }

  /** The intent after the threshold: `none` when the best guess is not confident enough. */
  classify(text: string): IntentScore {
    const b = this.best(text);
    return b.confidence >= this.data.threshold ? b : { ...b, intent: 'none' };
  }
}
