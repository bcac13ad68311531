import type { Locale } from '../../../core/model/locale';
import { plainAmount } from '../../../bots/dialog/amount';
import { DialogEngine } from '../../../bots/dialog/engine';
import { FloodGuard } from '../../../bots/dialog/flood-guard';
import type { EngineDeps, Understander } from '../../../bots/dialog/turn';
import type { Button, IncomingMessage, Reply } from '../../../bots/dialog/types';
import type { Intent, NluResult } from '../../../nlu/types';
import type { TestDeps } from '../../support/deps';

/**
 * A stand-in NLU for routing tests of the engine only: a handful of English phrases to intents, and
 * amounts. The journeys in four languages are tested with the real NLU in journeys.test.ts.
 */
export function phraseNlu(extra: Record<string, Intent> = {}): Understander {
  const phrases: Record<string, Intent> = {
    hi: 'greet',
    hello: 'greet',
    'i want to vote': 'vote',
    'i want to propose': 'propose',
    'show challenges': 'list_challenges',
    cancel: 'cancel',
    stop: 'cancel',
    yes: 'affirm',
    no: 'deny',
    'my activity': 'my_activity',
    results: 'results',
    'i have a question': 'ask_official',
    'delete my data': 'delete_data',
    ...extra,
  };
  return {
    async parse(text: string, opts: { localeHint?: Locale }): Promise<NluResult> {
      const intent = phrases[text.trim().toLowerCase()] ?? 'none';
      const amount = plainAmount(text);
      return {
        language: opts.localeHint ?? 'en',
        intent,
        confidence: intent === 'none' ? 0.2 : 0.95,
        entities:
          amount === null
            ? []
            : [{ type: 'money', value: amount, currency: null, text, start: 0, end: text.length }],
        source: 'classifier',
      };
    },
  };
}

/**
 * An engine for scripted tests. The test clock stands still while a script sends dozens of
 * messages, so the flood guard is opened wide here; flood.test.ts tests the real one.
 */
export function engineOn(deps: TestDeps, nlu: Understander = phraseNlu(), extra: Partial<EngineDeps> = {}) {
  return new DialogEngine({ ...deps, nlu, ...extra }, undefined, new FloodGuard(10_000, 1_000_000));
}

/** One citizen talking to the engine on one channel; remembers the last replies to press their buttons. */
export class Chat {
  last: Reply[] = [];

  constructor(
    private readonly engine: DialogEngine,
    readonly externalId = `u${Math.random().toString(36).slice(2)}`,
    private readonly channel: IncomingMessage['channel'] = 'telegram',
    private readonly localeHint = 'en',
  ) {}

  async send(msg: Partial<IncomingMessage>): Promise<Reply[]> {
    this.last = await this.engine.handle({
      channel: this.channel,
      externalId: this.externalId,
      localeHint: this.localeHint,
      ...msg,
    });
    return this.last;
  }

  say(text: string): Promise<Reply[]> {
    return this.send({ text });
  }

  /** Presses the first button of the last replies whose label contains `label`. */
  press(label: string): Promise<Reply[]> {
    const b = this.button(label);
    if (!b) throw new Error(`no button "${label}" in:\n${this.transcript()}`);
    return this.send({ payload: b.payload });
  }

  button(label: string): Button | undefined {
    return this.buttons().find((b) => b.label.includes(label));
  }

  buttons(): Button[] {
    return this.last.flatMap((r) => (r.buttons ?? []).flat());
  }

  text(): string {
    return this.last.map((r) => r.text).join('\n');
  }

  transcript(): string {
    return this.last
      .map(
        (r) =>
          `${r.text}${(r.buttons ?? []).map((row) => `\n  ${row.map((b) => `[${b.label}]`).join(' ')}`).join('')}`,
      )
      .join('\n---\n');
  }

  /** A citizen through onboarding in English with consent: ready to take part. */
  async onboard(): Promise<this> {
    await this.say('hi');
    await this.press('English');
    await this.press('I agree');
    return this;
  }
}
