import type { Intent } from '../types';
import type { Doc } from './bayes';
import type { PackedTable } from './packed';
import { packTable } from './packed';

/** Softmax-regression weights (JSON, for the cache). */
export interface LogisticData {
  bias: number[];
  table: PackedTable;
}

export interface LogisticOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

export const DEFAULT_LOGISTIC: LogisticOptions = { epochs: 20, learningRate: 1, l2: 1e-4, seed: 1 };

/** Park-Miller generator: training is reproducible, so the cache key alone decides the model. */
export function seeded(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/** Each document's features are scaled to unit length, so long messages do not shout. */
export const featureScale = (n: number): number => 1 / Math.sqrt(Math.max(n, 1));

/**
 * Multinomial logistic regression trained by stochastic gradient descent on sparse features.
 * natural's LogisticRegressionClassifier (apparatus) trains one-vs-rest by batch gradient descent
 * on dense matrices: with our ~20,000 features it ran for over ten minutes on one language
 * without finishing, so this sparse version does the same job in about a second.
 */
export function trainLogistic(
  docs: readonly Doc[],
  labels: readonly Intent[],
  opts: LogisticOptions = DEFAULT_LOGISTIC,
): LogisticData {
  const width = labels.length;
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  // Features become row numbers once, so the hot loop touches only typed arrays.
  const featureIds = new Map<string, number>();
  const encoded = docs.flatMap((d) => {
    const y = labelIndex.get(d.label);
    if (y === undefined || d.features.length === 0) return [];
    const ids = Int32Array.from(d.features, (f) => {
      let id = featureIds.get(f);
      if (id === undefined) featureIds.set(f, (id = featureIds.size));
      return id;
    });
    return [{ y, ids, scale: featureScale(ids.length) }];
  });
  const w = new Float64Array(featureIds.size * width);
  const bias = new Float64Array(width);
  const scores = new Float64Array(width);
  const rand = seeded(opts.seed);
  const order = encoded.map((_, i) => i);
  // Averaging the weights of the later epochs (averaged SGD) evens out the luck of the shuffle order.
  const avgFrom = Math.floor(opts.epochs / 2);
  const wAvg = new Float64Array(w.length);
  const biasAvg = new Float64Array(width);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = t;
    }
    const eta = opts.learningRate / (1 + epoch * 0.1);
    for (const di of order) {
      const doc = encoded[di];
      if (!doc) continue;
      const { y, ids, scale } = doc;
      scores.set(bias);
      for (const id of ids) {
        const base = id * width;
        for (let c = 0; c < width; c++) scores[c] = (scores[c] ?? 0) + (w[base + c] ?? 0) * scale;
      }
      softmaxInPlace(scores);
      for (let c = 0; c < width; c++) {
        const g = (scores[c] ?? 0) - (c === y ? 1 : 0);
        bias[c] = (bias[c] ?? 0) - eta * g * 0.1;
        const step = eta * g * scale;
        const decay = 1 - eta * opts.l2;
        for (const id of ids) {
          const k = id * width + c;
          w[k] = (w[k] ?? 0) * decay - step;
        }
      }
    }
    if (epoch >= avgFrom) {
      for (let k = 0; k < w.length; k++) wAvg[k] = (wAvg[k] ?? 0) + (w[k] ?? 0);
      for (let c = 0; c < width; c++) biasAvg[c] = (biasAvg[c] ?? 0) + (bias[c] ?? 0);
    }
  }
  const n = opts.epochs - avgFrom;
  for (let k = 0; k < wAvg.length; k++) wAvg[k] = (wAvg[k] ?? 0) / n;
  const rows = new Map<string, Float64Array>();
  for (const [f, id] of featureIds) rows.set(f, wAvg.subarray(id * width, (id + 1) * width));
  return { bias: Array.from(biasAvg, (b) => b / n), table: packTable(rows, width) };
}

/** Turns scores into probabilities, in place. */
export function softmaxInPlace(v: Float64Array, temperature = 1): void {
  let max = -Infinity;
  for (const x of v) if (x > max) max = x;
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    const e = Math.exp(((v[i] ?? 0) - max) / temperature);
    v[i] = e;
    sum += e;
  }
  for (let i = 0; i < v.length; i++) v[i] = (v[i] ?? 0) / sum;
}
