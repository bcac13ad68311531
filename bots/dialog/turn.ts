import type { Citizen } from '../../core/model/citizen';
import type { Conversation } from '../../core/model/conversation';
import type { Locale } from '../../core/model/locale';
import type { Deps } from '../../core/usecases/deps';
import type { DomainError } from '../../core/shared/result';
import type { NluResult } from '../../nlu/types';
import type { ResultsChartInput } from './chart/results-chart';
import type { Catalog } from './i18n';
import { catalog } from './i18n';
import type { Button, IncomingMessage, Reply } from './types';

/** What the engine needs from the NLU: the `nlu/` module satisfies it; tests may pass a stand-in. */
export interface Understander {
  parse(text: string, opts: { localeHint?: Locale; challengeId?: string | null }): Promise<NluResult>;
}

/** Optional municipal-code check; without it the "municipal code" verification is not offered. */
export interface MunicipalCodes {
  /** True when the code is valid and now used up by this citizen. */
  redeem(code: string, citizenId: string): Promise<boolean>;
}

export interface EngineDeps extends Deps {
  nlu: Understander;
  municipalCodes?: MunicipalCodes;
  /** Renders the results chart; absent = results are sent as text only. */
  chart?: (input: ResultsChartInput) => Promise<Buffer>;
}

/**
 * One incoming message being handled: who, where they are in the conversation, and the replies
 * collected so far. Journeys read and change it; the engine persists `conv` at the end.
 */
export class Turn {
  readonly replies: Reply[] = [];
  t: Catalog;
  /** Set when the citizen was erased during this turn: nothing more is stored. */
  erased = false;
  /** What the NLU made of the text, when it was asked. */
  understood: NluResult | null = null;

  constructor(
    readonly deps: EngineDeps,
    readonly msg: IncomingMessage,
    public citizen: Citizen,
    public conv: Conversation,
    readonly now: Date,
  ) {
    this.t = catalog(citizen.locale);
  }

  get locale(): Locale {
    return this.citizen.locale;
  }

  setLocale(l: Locale): void {
    this.citizen = { ...this.citizen, locale: l };
    this.t = catalog(l);
  }

  say(text: string, buttons?: Button[][]): void {
    this.replies.push(buttons && buttons.length ? { text, buttons } : { text });
  }

  push(reply: Reply): void {
    this.replies.push(reply);
  }

  /** Starts or moves within a journey; `data` replaces the journey's data when given. */
  go(flow: string, step: string, data?: Record<string, unknown>): void {
    this.conv = { ...this.conv, flow, step, data: data ?? this.conv.data };
  }

  /** Back to the main menu: the journey's data is dropped. */
  done(): void {
    this.conv = { ...this.conv, flow: null, step: null, data: {} };
  }

  data<T>(key: string): T | undefined {
    return this.conv.data[key] as T | undefined;
  }

  setData(key: string, value: unknown): void {
    this.conv = { ...this.conv, data: { ...this.conv.data, [key]: value } };
  }

  /** A rule said no: its sentence in the citizen's language, never the internal message. */
  sayError(e: DomainError, buttons?: Button[][]): void {
    this.say(this.t.error[e.code] ?? this.t.somethingWrong, buttons);
  }
}
