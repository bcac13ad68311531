import type { Clock } from '../core/shared/clock';
import { systemClock } from '../core/shared/clock';
import type { ReferenceSource } from './entities/references';
import type { FaqSource } from './faq/faq-retriever';
import { FaqRetriever } from './faq/faq-retriever';
import type { ChatModelLike } from './llm/llm-fallback';
import { LLM_TIMEOUT_MS } from './llm/llm-fallback';
import { loadOrTrainModel } from './model/model-cache';
import { NluParser } from './nlu';
import type { NluResult, ParseOptions } from './types';

export type { ReferenceSource, ReferenceTitles } from './entities/references';
export { storeReferenceSource } from './entities/store-references';
export type { FaqSource } from './faq/faq-retriever';
export { generalFaqEntries, seedGeneralFaq, staticFaqSource } from './faq/seed';
export type { ChatModelLike } from './llm/llm-fallback';
export * from './types';

export interface NluOptions {
  /** "Now" for relative dates (tomorrow, next week). Default: the system clock. */
  clock?: Pick<Clock, 'now'>;
  /** IANA time zone in which "today" is taken. Default: the process's. */
  timeZone?: string;
  /** Project and challenge titles for references (e.g. storeReferenceSource(store)). */
  references?: ReferenceSource;
  /** FAQ entries (the store's FaqStore, or staticFaqSource(...)). */
  faq?: FaqSource;
  /**
   * Chat model for messages the classifier cannot place: createChatModel(LLM_MODEL) from
   * nlu/llm/chat-model (kept out of this module: LangChain takes a while to load). Off when absent.
   */
  llm?: ChatModelLike | null;
  llmTimeoutMs?: number;
  /** Where the trained model is cached. Default: data/nlu-cache of the project. */
  cacheDir?: string;
  /** The corpus folder (train/, faq/). Default: nlu/data of the project. */
  dataDir?: string;
  /** How long titles and FAQ indexes are reused before their source is asked again (ms). */
  refreshMs?: number;
}

export interface Nlu {
  parse(text: string, opts?: ParseOptions): Promise<NluResult>;
  /** Drop cached titles and FAQ indexes now (after an admin edits projects or the FAQ). */
  refresh(): void;
  /** Where the model came from at start-up and how long that took. */
  readonly model: { key: string; source: 'cache' | 'trained'; loadMs: number };
}

/**
 * The NLU. Loads the trained model from the cache (tens of milliseconds) or trains it when the
 * corpus changed (a few seconds, once), then parses messages in well under a millisecond each.
 */
export async function createNlu(opts: NluOptions = {}): Promise<Nlu> {
  const loaded = loadOrTrainModel({ cacheDir: opts.cacheDir, dataDir: opts.dataDir });
  const clock = opts.clock ?? systemClock;
  const refreshMs = opts.refreshMs ?? 60_000;
  const faq = opts.faq ? new FaqRetriever(opts.faq, refreshMs, () => clock.now().getTime()) : undefined;
  const parser = new NluParser({
    model: loaded.model,
    clock,
    timeZone: opts.timeZone,
    references: opts.references,
    faq,
    llm: opts.llm ?? undefined,
    llmTimeoutMs: opts.llmTimeoutMs ?? LLM_TIMEOUT_MS,
    refreshMs,
  });
  return {
    parse: (text, parseOpts) => parser.parse(text, parseOpts),
    refresh: () => {
      parser.invalidate();
      faq?.invalidate();
    },
    model: { key: loaded.key, source: loaded.source, loadMs: Math.round(loaded.ms) },
  };
}
