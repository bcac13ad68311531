// natural's index pulls in every backend it has (databases, WordNet) and prints dotenv banners, so
// the NLU loads single files of it; these are their shapes as we use them.

declare module 'natural/lib/natural/classifiers/bayes_classifier' {
  /** natural's BayesClassifier; `classifier` is the underlying apparatus model (sparse-capable). */
  class BayesClassifier {
    constructor(stemmer?: unknown, smoothing?: number);
    classifier: {
      /** A sparse observation is an object whose values are the feature names present. */
      addExample(observation: Record<number, string>, label: string): void;
      classFeatures: Record<string, Record<string, number>>;
      classTotals: Record<string, number>;
      totalExamples: number;
      smoothing: number;
    };
  }
  export = BayesClassifier;
}

declare module 'natural/lib/natural/distance/jaro-winkler_distance' {
  function JaroWinklerDistance(s1: string, s2: string, options?: { ignoreCase?: boolean }): number;
  export = JaroWinklerDistance;
}

declare module 'natural/lib/natural/distance/dice_coefficient' {
  function DiceCoefficient(s1: string, s2: string): number;
  export = DiceCoefficient;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const PorterStemmer: { stem(word: string): string };
  export = PorterStemmer;
}

declare module 'natural/lib/natural/distance/levenshtein_distance' {
  export function LevenshteinDistance(
    source: string,
    target: string,
    options?: { insertion_cost?: number; deletion_cost?: number; substitution_cost?: number },
  ): number;
  /** Levenshtein with a swap of neighbours counting as one edit ("gardne" is one edit from "garden"). */
  export function DamerauLevenshteinDistance(
    source: string,
    target: string,
    options?: { restricted?: boolean },
  ): number;
}
