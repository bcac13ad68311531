import type { Telegram } from 'telegraf';
import { TelegramError } from 'telegraf';
import type { Reply } from '../dialog/types';
import type { ChannelSender, SendOutcome } from '../outbox/channel-sender';
import { executeOps } from './telegram-client';
import { renderReplies } from './telegram-render';

/**
 * Pushes outbox notifications to Telegram chats and classifies failures: 429 carries `retry_after`
 * (seconds); 403 means the citizen blocked the bot or deleted the account, which is final; other
 * 4xx can never succeed; 5xx and network errors are worth another try.
 */
export class TelegramSender implements ChannelSender {
  readonly channel = 'telegram' as const;

  constructor(private readonly tg: Telegram) {}

  async send(chatId: string, replies: readonly Reply[]): Promise<SendOutcome> {
    try {
      await executeOps(this.tg, chatId, renderReplies(replies, false));
      return { ok: true };
    } catch (e) {
      return classify(e);
    }
  }
}

export function classify(e: unknown): SendOutcome {
  if (e instanceof TelegramError) {
    const error = `${e.code} ${e.description}`;
    if (e.code === 429) {
      const after = e.parameters?.retry_after;
      return {
        ok: false,
        kind: 'retry',
        error,
        retryAfterMs: after !== undefined ? after * 1000 : undefined,
      };
    }
    if (e.code === 403) return { ok: false, kind: 'blocked', error };
    if (e.code === 400 && /chat not found|user is deactivated/i.test(e.description))
      return { ok: false, kind: 'blocked', error };
    if (e.code >= 400 && e.code < 500) return { ok: false, kind: 'rejected', error };
    return { ok: false, kind: 'retry', error };
  }
  return { ok: false, kind: 'retry', error: e instanceof Error ? e.message : String(e) };
}
