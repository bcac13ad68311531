import type { Locale } from '../model/locale';
import type { FaqEntry } from '../model/faq';

export interface FaqStore {
  get(id: string): Promise<FaqEntry | null>;
  /**
   * Entries of one challenge's FAQ (`null`: the general FAQ), optionally in one language only, in the
   * order they were first saved (the order officials wrote them in).
   */
  list(challengeId: string | null, locale?: Locale): Promise<FaqEntry[]>;
  /** Inserts or replaces by id; a replaced entry keeps its place in `list`. */
  upsert(entry: FaqEntry): Promise<void>;
  /** Removes an entry; false when there was none with this id. */
  delete(id: string): Promise<boolean>;
}
