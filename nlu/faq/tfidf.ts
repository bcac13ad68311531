/**
 * A small TF-IDF index with cosine similarity (sublinear term frequency, smoothed idf). FAQs hold
 * tens of entries, so a linear scan over sparse vectors is faster than any cleverer structure.
 */
export interface TfIdfDoc<T> {
  /** Weighted terms: the question counts fully, the answer less (see faq-index.ts). */
  terms: readonly { term: string; weight: number }[];
  value: T;
}

export class TfIdfIndex<T> {
  private readonly idf = new Map<string, number>();
  private readonly vectors: { vector: Map<string, number>; value: T }[];

  constructor(docs: readonly TfIdfDoc<T>[]) {
    const df = new Map<string, number>();
    for (const d of docs)
      for (const term of new Set(d.terms.map((t) => t.term))) df.set(term, (df.get(term) ?? 0) + 1);
    const n = docs.length;
    for (const [term, count] of df) this.idf.set(term, Math.log((n + 1) / (count + 1)) + 1);
    this.vectors = docs.map((d) => {
      const tf = new Map<string, number>();
      for (const { term, weight } of d.terms) tf.set(term, (tf.get(term) ?? 0) + weight);
      return { vector: this.weigh(tf), value: d.value };
    });
  }

  /**
   * The best document for the query terms and its cosine similarity (times `boost` of the
   * document), or null when nothing is shared.
   */
  best(terms: readonly string[], boost: (value: T) => number = () => 1): { value: T; score: number } | null {
    const tf = new Map<string, number>();
    for (const t of terms) if (this.idf.has(t)) tf.set(t, (tf.get(t) ?? 0) + 1);
    if (tf.size === 0) return null;
    // Query terms the index never saw still make the query longer: a question about something
    // else entirely should not match well on one shared word.
    const unseen = new Set(terms.filter((t) => !this.idf.has(t))).size;
    const q = this.weigh(tf, unseen);
    let best: { value: T; score: number } | null = null;
    for (const { vector, value } of this.vectors) {
      let dot = 0;
      for (const [t, w] of q) dot += w * (vector.get(t) ?? 0);
      const score = dot * boost(value);
      if (score > 0 && (!best || score > best.score)) best = { value, score };
    }
    return best;
  }

  /** Unit-length tf-idf vector; `extra` adds that many unseen terms of weight 1 to the length. */
  private weigh(tf: ReadonlyMap<string, number>, extra = 0): Map<string, number> {
    const v = new Map<string, number>();
    let norm = extra;
    for (const [t, f] of tf) {
      // Sublinear above one occurrence; answer words (weight below 1) stay proportional.
      const w = (f > 1 ? 1 + Math.log(f) : f) * (this.idf.get(t) ?? 1);
      v.set(t, w);
      norm += w * w;
    }
    const len = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / len);
    return v;
  }
}
