import type { Conversation } from '../../core/model/conversation';
import type { Locale } from '../../core/model/locale';
import { identifyCitizen } from '../../core/usecases/citizens/identify';
import { decodePayload } from './payload';
import { pressButton } from './buttons';
import { commandHandler } from './commands';
import { handleText } from './free-text';
import { catalog } from './i18n';
import { num } from './i18n/format';
import { showMenu } from './journeys/common';
import { fallback } from './journeys/menu';
import { proposeAttachment } from './journeys/propose';
import { contactShared } from './journeys/settings';
import { startOnboarding } from './journeys/onboarding';
import { FloodGuard } from './flood-guard';
import { KeyedMutex } from './keyed-mutex';
import type { EngineDeps } from './turn';
import { Turn } from './turn';
import type { IncomingMessage, Reply } from './types';
import { isLocaleLike } from './types';

/** A journey left alone this long is closed politely on the next message. */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
/** Longer texts are refused with a sentence, not processed (channels cap far below; this is the web). */
export const MAX_TEXT = 4000;

export interface EngineLogger {
  error(obj: object, msg: string): void;
}

/**
 * The conversation engine: one `IncomingMessage` in, the replies out. Channel-agnostic: Telegram,
 * Viber, the web chat and the console only translate. State is read from and written to the store
 * on every message, so a restart (or another instance) continues any conversation. Messages of one
 * citizen are handled one at a time, in arrival order.
 */
export class DialogEngine {
  private readonly lock = new KeyedMutex();

  constructor(
    private readonly deps: EngineDeps,
    private readonly log?: EngineLogger,
    private readonly flood = new FloodGuard(),
  ) {}

  handle(msg: IncomingMessage): Promise<Reply[]> {
    const key = `${msg.channel}:${msg.externalId}`;
    // The terminal is the operator's own: a piped script may go as fast as it likes.
    const verdict = msg.channel === 'console' ? 'ok' : this.flood.check(key, this.deps.clock.now().getTime());
    if (verdict === 'drop') return Promise.resolve([]);
    if (verdict === 'warn') {
      const hint = msg.localeHint?.slice(0, 2);
      return Promise.resolve([{ text: catalog(isLocaleLike(hint) ? hint : 'en').slowDown }]);
    }
    return this.lock.run(key, () => this.handleNow(msg));
  }

  private async handleNow(msg: IncomingMessage): Promise<Reply[]> {
    const hint: Locale = isLocaleLike(msg.localeHint?.slice(0, 2))
      ? (msg.localeHint?.slice(0, 2) as Locale)
      : 'en';
    try {
      const { citizen, isNew } = await identifyCitizen(this.deps, {
        channel: msg.channel,
        externalId: msg.externalId,
        locale: hint,
      });
      const now = this.deps.clock.now();
      const stored = await this.deps.store.conversations.get(citizen.id);
      const conv: Conversation = stored ?? {
        citizenId: citizen.id,
        flow: null,
        step: null,
        data: {},
        updatedAt: now,
      };
      const turn = new Turn(this.deps, msg, citizen, conv, now);
      if (conv.flow && now.getTime() - conv.updatedAt.getTime() > STALE_AFTER_MS && !msg.payload) {
        turn.say(turn.t.expired);
        turn.done();
      }
      await this.route(turn, isNew);
      if (!turn.erased) await this.deps.store.conversations.save({ ...turn.conv, updatedAt: now });
      return turn.replies;
    } catch (err) {
      // A bug must not leave the citizen without an answer, nor leak internals to them.
      this.log?.error({ err, channel: msg.channel }, 'dialog turn failed');
      return [{ text: catalog(hint).somethingWrong }];
    }
  }

  private async route(turn: Turn, isNew: boolean): Promise<void> {
    const msg = turn.msg;
    const text = msg.text?.trim() ?? '';
    if (isNew && !msg.payload) return startOnboarding(turn);
    if (msg.payload !== undefined) {
      const p = decodePayload(msg.payload);
      if (!p) return showMenu(turn, turn.t.staleButton);
      return pressButton(turn, p);
    }
    if (msg.contact) return contactShared(turn, msg.contact);
    if (msg.location || msg.photo) {
      if (turn.conv.flow === 'propose')
        return proposeAttachment(turn, { location: msg.location, photo: msg.photo });
      return showMenu(turn, turn.t.unsupportedMessage);
    }
    if (!text) return fallback(turn);
    if (text.length > MAX_TEXT) return turn.say(turn.t.tooLong(num(turn.locale, MAX_TEXT)));
    const command = commandHandler(text);
    if (command) return command(turn);
    if (text.startsWith('/')) return fallback(turn);
    return handleText(turn, text);
  }
}
