import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier';
import type { Intent } from '../types';
import type { PackedTable } from './packed';
import { packTable } from './packed';

/** natural's Bayes model read back as log-probabilities (JSON, for the cache). */
export interface BayesData {
  logPrior: number[];
  /** log P(feature | label) for features seen in training. */
  table: PackedTable;
}

/** A training document: its features and label. */
export interface Doc {
  features: readonly string[];
  label: Intent;
}

/**
 * Trains natural's BayesClassifier on pre-computed features. natural's own `addDocument` and
 * `classify` build a dense vector over the whole vocabulary for every message and multiply raw
 * probabilities (which underflow with a few hundred features), so the features go in as a sparse
 * observation and the learned counts come back out to be scored in log space (see Scorer).
 */
export function trainBayes(docs: readonly Doc[], labels: readonly Intent[], smoothing: number): BayesData {
  const nb = new BayesClassifier(undefined, smoothing);
  for (const d of docs) if (d.features.length > 0) nb.classifier.addExample({ ...d.features }, d.label);
  const { classFeatures, classTotals, totalExamples } = nb.classifier;
  const total = (l: Intent): number => classTotals[l] ?? 1;
  const unseen = labels.map((l) => Math.log(smoothing / total(l)));
  const rows = new Map<string, number[]>();
  labels.forEach((label, c) => {
    for (const [feature, count] of Object.entries(classFeatures[label] ?? {})) {
      let row = rows.get(feature);
      if (!row) rows.set(feature, (row = [...unseen]));
      row[c] = Math.log(count / total(label));
    }
  });
  return {
    logPrior: labels.map((l) => Math.log(total(l) / totalExamples)),
    table: packTable(rows, labels.length),
  };
}
