import type { Locale } from '../core/model/locale';
import { isLocale } from '../core/model/locale';
import type { Clock } from '../core/shared/clock';
import { todayIn } from './entities/calendar';
import { extractEntities } from './entities/extract';
import type { ReferenceSource } from './entities/references';
import { ReferenceIndex } from './entities/references';
import type { FaqRetriever } from './faq/faq-retriever';
import { FAQ_CONFIDENT_SCORE, FAQ_MIN_SCORE } from './faq/faq-retriever';
import type { ChatModelLike } from './llm/llm-fallback';
import { askModel } from './llm/llm-fallback';
import type { NluModel } from './model/nlu-model';
import { commandIntent } from './rules';
import { cleanWithOffsets } from './text/normalize';
import type { Entity, FaqMatch, Intent, NluResult, ParseOptions } from './types';

/** Everything a parser needs; createNlu (index.ts) builds it from options. */
export interface NluParts {
  model: NluModel;
  clock: Clock;
  timeZone: string | undefined;
  references: ReferenceSource | undefined;
  faq: FaqRetriever | undefined;
  llm: ChatModelLike | undefined;
  llmTimeoutMs: number;
  /** How long title indexes are reused before the source is asked again. */
  refreshMs: number;
}

// Intents whose messages may be answered from the FAQ when a confident entry matches.
const FAQ_CANDIDATES: ReadonlySet<Intent> = new Set(['none', 'ask_official', 'help']);

// Something to understand: a letter, a digit or a pictograph ("👍").
const MEANINGFUL = /[\p{L}\p{N}\p{Extended_Pictographic}]/u;

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * One message in, one NluResult out: language, then intent (slash commands by rule, else the
 * classifier; what it cannot place goes to the LLM when one is configured), entities, and an FAQ
 * entry for `faq` questions (and for unplaced questions the FAQ answers confidently).
 */
export class NluParser {
  private readonly titleCache = new Map<string, { at: number; index: Promise<ReferenceIndex> }>();
  /** "Today" of the last minute asked about: time-zone arithmetic is slow next to the rest of a parse. */
  private today: { minute: number; day: Date } | null = null;

  constructor(private readonly parts: NluParts) {}

  async parse(text: string, opts: ParseOptions = {}): Promise<NluResult> {
    const clean = cleanWithOffsets(text);
    const hint: Locale | undefined = isLocale(opts.localeHint) ? opts.localeHint : undefined;
    if (!MEANINGFUL.test(clean.text)) {
      return { language: hint ?? 'en', intent: 'none', confidence: 0, entities: [], source: 'classifier' };
    }
    const understood = this.parts.model.understand(clean.text, hint);
    const language = understood.language.language;
    let intent = understood.intent.intent;
    let confidence = understood.intent.confidence;
    let source: NluResult['source'] = 'classifier';
    const command = commandIntent(clean.text);
    if (command) {
      intent = command;
      confidence = 1;
      source = 'rules';
    }

    const challengeId = opts.challengeId ?? null;
    const references = this.parts.references ? await this.titles(challengeId) : undefined;
    let entities: Entity[] = extractEntities(clean, this.todayNow(), references);

    if (intent === 'none' && this.parts.llm && /\p{L}/u.test(clean.text)) {
      const reading = await askModel(this.parts.llm, clean.text, language, this.parts.llmTimeoutMs);
      if (reading && reading.intent !== 'none') {
        intent = reading.intent;
        confidence = reading.confidence;
        source = 'llm';
        // The model may see amounts or dates the rules missed; ours win where both found one.
        const extra = reading.entities
          .map((e) => ({ ...e, ...clean.toOriginal(e.start, e.end) }))
          .map((e) => ({ ...e, text: clean.original.slice(e.start, e.end) }))
          .filter((e) => !entities.some((x) => e.start < x.end && e.end > x.start));
        entities = [...entities, ...extra].sort((a, b) => a.start - b.start);
      }
    }

    let faq: FaqMatch | null = null;
    if (this.parts.faq && (intent === 'faq' || FAQ_CANDIDATES.has(intent))) {
      const min = intent === 'faq' ? FAQ_MIN_SCORE : FAQ_CONFIDENT_SCORE;
      faq = await this.parts.faq.search(clean.text, language, challengeId, min).catch(() => null);
      if (faq && intent === 'none') {
        intent = 'faq';
        confidence = faq.score;
        source = 'rules';
      }
    }

    const result: NluResult = { language, intent, confidence: round3(confidence), entities, source };
    if (faq) result.faq = faq;
    return result;
  }

  private todayNow(): Date {
    const now = this.parts.clock.now();
    const minute = Math.floor(now.getTime() / 60_000);
    if (this.today?.minute !== minute) this.today = { minute, day: todayIn(now, this.parts.timeZone) };
    return this.today.day;
  }

  /** Forget cached titles (after projects or challenges change). */
  invalidate(): void {
    this.titleCache.clear();
  }

  private titles(challengeId: string | null): Promise<ReferenceIndex> {
    const key = challengeId ?? '';
    const now = this.parts.clock.now().getTime();
    const cached = this.titleCache.get(key);
    if (cached && now - cached.at < this.parts.refreshMs) return cached.index;
    const source = this.parts.references as ReferenceSource;
    const index = source
      .titles(challengeId ?? undefined)
      .then((entries) => new ReferenceIndex(entries))
      // A failing store must not take understanding down: no titles this time, retry next time.
      .catch(() => {
        this.titleCache.delete(key);
        return new ReferenceIndex([]);
      });
    this.titleCache.set(key, { at: now, index });
    return index;
  }
}
