import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FaqEntry } from '../../core/model/faq';
import type { Locale } from '../../core/model/locale';
import { LOCALES } from '../../core/model/locale';
import type { Stores } from '../../core/ports/store';
import type { Clock } from '../../core/shared/clock';
import { systemClock } from '../../core/shared/clock';
import { dataDir } from '../corpus/corpus';
import type { FaqSource } from './faq-retriever';

interface SeedItem {
  key: string;
  question: string;
  answer: string;
}

/** The general FAQ shipped with Agora (nlu/data/faq/<locale>.json); ids are `faq_<key>_<locale>`. */
export function generalFaqEntries(updatedAt: Date = new Date(0), dir: string = dataDir()): FaqEntry[] {
  const out: FaqEntry[] = [];
  for (const locale of LOCALES) {
    const items = JSON.parse(readFileSync(join(dir, 'faq', `${locale}.json`), 'utf8')) as SeedItem[];
    for (const item of items) {
      out.push({
        id: `faq_${item.key}_${locale}`,
        challengeId: null,
        locale,
        question: item.question,
        answer: item.answer,
        updatedAt: new Date(updatedAt.getTime()),
      });
    }
  }
  return out;
}

/**
 * Stores the shipped general FAQ of every language whose general FAQ is still empty, and returns
 * how many entries it added. A language that has entries is left alone, so running it again (at
 * every start) changes nothing, and entries officials have edited or deleted stay that way.
 */
export async function seedGeneralFaq(
  stores: Pick<Stores, 'faq'>,
  clock: Clock = systemClock,
): Promise<number> {
  let added = 0;
  const entries = generalFaqEntries(clock.now());
  for (const locale of LOCALES) {
    if ((await stores.faq.list(null, locale)).length > 0) continue;
    for (const entry of entries.filter((e) => e.locale === locale)) {
      await stores.faq.upsert(entry);
      added++;
    }
  }
  return added;
}

/** An FAQ source over fixed entries (the seed files for the CLI and benchmarks, a list in tests). */
export function staticFaqSource(entries: readonly FaqEntry[]): FaqSource {
  return {
    async list(challengeId: string | null, locale?: Locale): Promise<FaqEntry[]> {
      return entries.filter(
        (e) => e.challengeId === challengeId && (locale === undefined || e.locale === locale),
      );
    },
  };
}
