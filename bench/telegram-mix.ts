import type { Conversation } from '../core/model/conversation';
import { LOCALES } from '../core/model/locale';
import type { Locale } from '../core/model/locale';
import { catalog } from '../bots/dialog/i18n';

/**
 * The stream of Telegram updates the chat benchmarks send: real journeys of citizens who already
 * consented (browse, open a project, ask in their own language, build and submit a ballot, follow),
 * plus a share of first contacts (`/start` from an unknown chat, which creates a citizen).
 *
 * Each known citizen walks the same cycle of steps, in order, one step per update they send; the
 * citizens start at different steps so every part of the cycle is in the mix from the first second.
 * Updates go round-robin over thousands of chats, so one chat sends far below the flood guard's
 * 40 per minute: what is measured is the product, not its throttle.
 */
export interface MixPlan {
  challengeId: string;
  /** Accepted projects of the challenge (opened from the list, followed). */
  projectIds: string[];
  /** Two projects that fit the budget together: the ballot every cycle builds. */
  ballot: [string, string];
  /** Known citizens: chat ids `chatBase + i` for i < citizens. */
  citizens: number;
  chatBase: number;
  /** One update in this many is a first contact from a new chat. */
  newUserEvery: number;
  /**
   * The order in which citizens take their turns, a permutation of [0, citizens): the memory
   * benchmark spreads its 20,000 updates over 100,000 citizens. Identity when absent.
   */
  order?: (i: number) => number;
}

/** Free texts per language: a question about voting, a request to see projects, thanks. */
export const FREE_TEXT: Record<Locale, readonly [string, string, string]> = {
  en: ['how do I vote', 'show me the projects', 'thank you!'],
  el: ['πώς ψηφίζω', 'δείξε μου τα έργα', 'ευχαριστώ πολύ'],
  bg: ['как да гласувам', 'покажи ми проектите', 'благодаря'],
  cs: ['jak hlasovat', 'ukaž mi projekty', 'děkuji'],
};

type Step =
  { text: (locale: Locale) => string } | { press: (p: MixPlan, c: number, cycle: number) => string };

/** One cycle of a citizen's journey; the comments name the journey each step exercises. */
const CYCLE: readonly Step[] = [
  { text: () => '/start' }, // main menu
  { press: () => 'chs:0' }, // list of challenges
  { press: (p) => `ch:${p.challengeId}` }, // challenge detail
  { press: (p) => `prjs:${p.challengeId}:0` }, // its projects
  { press: (p, c, n) => `prj:${p.projectIds[(c + n) % p.projectIds.length]}` }, // one project
  { text: (l) => FREE_TEXT[l][0] }, // NLU: how do I vote
  { press: (p) => `vote:${p.challengeId}` }, // ballot builder (the citizen's ballot, if any)
  { press: () => 'vc' }, // clear it
  { press: (p) => `vt:${p.ballot[0]}` }, // add a project (message edited in place)
  { press: (p) => `vt:${p.ballot[1]}` }, // add another
  { press: () => 'vs' }, // submit: ballot, audit entry, follows in one transaction
  { text: (l) => FREE_TEXT[l][1] }, // NLU: show me the projects
  { press: (p, c, n) => `fo:p:${p.projectIds[(c + n + 1) % p.projectIds.length]}` }, // follow
  { text: (l) => FREE_TEXT[l][2] }, // NLU: thanks
];
const BUILDER_FIRST = 7; // `vc`: the steps from here to `vs` need the builder open
const BUILDER_LAST = 10;

export const localeOf = (citizen: number): Locale => LOCALES[citizen % LOCALES.length] as Locale;

/**
 * The conversation a known citizen must already be in for its first step to make sense: citizens
 * whose cycle starts inside the ballot builder get a builder with the choices made so far, as if
 * they had pressed the earlier buttons just before the benchmark started.
 */
export function initialConversation(
  plan: MixPlan,
  citizen: number,
  citizenId: string,
  now: Date,
): Conversation | null {
  const step = citizen % CYCLE.length;
  if (step < BUILDER_FIRST || step > BUILDER_LAST) return null;
  const chosen = step === 7 ? [plan.ballot[0]] : plan.ballot.slice(0, step - 8);
  return {
    citizenId,
    flow: 'vote',
    step: 'build',
    data: { challengeId: plan.challengeId, choices: chosen.map((projectId) => ({ projectId })), page: 0 },
    updatedAt: now,
  };
}

/** What one phase of a benchmark sent, to check against what the fake Bot API received. */
export interface Sent {
  updates: number;
  presses: number;
  newUsers: number;
  chats: Set<number>;
}

export class UpdateMix {
  private updateId = 1;
  private n = 0;
  private known = 0;
  sent: Sent = UpdateMix.none();

  constructor(private readonly plan: MixPlan) {}

  private static none(): Sent {
    return { updates: 0, presses: 0, newUsers: 0, chats: new Set() };
  }

  /** Starts counting a new phase; returns what the previous one sent. */
  phase(): Sent {
    const done = this.sent;
    this.sent = UpdateMix.none();
    return done;
  }

  /** The next update's JSON body. */
  next(): string {
    const p = this.plan;
    const n = this.n++;
    const updateId = this.updateId++;
    this.sent.updates++;
    if (n % p.newUserEvery === p.newUserEvery - 1) {
      // A first contact: a chat id no seeded citizen has, never reused.
      const chat = p.chatBase + p.citizens + 1_000_000 + n;
      this.sent.newUsers++;
      this.sent.chats.add(chat);
      return textUpdate(updateId, chat, LOCALES[n % LOCALES.length] as Locale, '/start');
    }
    const k = this.known++;
    const c = p.order ? p.order(k % p.citizens) : k % p.citizens;
    // Round-robin: the citizen's cycle advances by one step each time their turn comes again.
    const pos = Math.floor(k / p.citizens) + c;
    const step = CYCLE[pos % CYCLE.length] as Step;
    const cycle = Math.floor(pos / CYCLE.length);
    const chat = p.chatBase + c;
    const locale = localeOf(c);
    this.sent.chats.add(chat);
    if ('text' in step) return textUpdate(updateId, chat, locale, step.text(locale));
    this.sent.presses++;
    return pressUpdate(updateId, chat, locale, step.press(p, c, cycle));
  }
}

const user = (id: number, locale: Locale) => ({
  id,
  is_bot: false,
  first_name: 'Bench',
  language_code: locale,
});
const chatOf = (id: number) => ({ id, type: 'private', first_name: 'Bench' });

function textUpdate(updateId: number, chat: number, locale: Locale, text: string): string {
  return JSON.stringify({
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: chatOf(chat),
      from: user(chat, locale),
      text,
      ...(text.startsWith('/')
        ? { entities: [{ type: 'bot_command', offset: 0, length: text.length }] }
        : {}),
    },
  });
}

function pressUpdate(updateId: number, chat: number, locale: Locale, data: string): string {
  return JSON.stringify({
    update_id: updateId,
    callback_query: {
      id: `cb${updateId}`,
      from: user(chat, locale),
      chat_instance: `ci${chat}`,
      data,
      message: { message_id: 1000 + (updateId % 100_000), date: 1, chat: chatOf(chat), text: '…' },
    },
  });
}

/**
 * Opening words of replies the fake Bot API counts: throttled, failed and stale turns, and ballots
 * really cast, in every language. Templated sentences are cut at their first placeholder.
 */
export function replyMarkers(): { name: string; prefixes: string[] }[] {
  const cut = (f: (x: string) => string) => f('\u0000').split('\u0000')[0] as string;
  return [
    { name: 'floodGuard', prefixes: LOCALES.map((l) => catalog(l).slowDown) },
    { name: 'somethingWrong', prefixes: LOCALES.map((l) => catalog(l).somethingWrong) },
    { name: 'staleButton', prefixes: LOCALES.map((l) => catalog(l).staleButton) },
    {
      name: 'ballotCastOrChanged',
      prefixes: LOCALES.flatMap((l) => [cut(catalog(l).ballotCast), cut(catalog(l).ballotChanged)]),
    },
  ];
}
