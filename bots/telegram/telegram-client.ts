import http from 'node:http';
import https from 'node:https';
import { Input, Telegram, TelegramError } from 'telegraf';
import type { TelegramOp } from './telegram-render';

/**
 * A Bot API client on `apiRoot` (TELEGRAM_API_ROOT; tests point it at a local fake). telegraf's
 * default agent is https-only, so a plain-http root gets an http keep-alive agent.
 */
export function createTelegramClient(token: string, apiRoot: string): Telegram {
  const agent = apiRoot.startsWith('http:')
    ? new http.Agent({ keepAlive: true, keepAliveMsecs: 10000 })
    : new https.Agent({ keepAlive: true, keepAliveMsecs: 10000 });
  return new Telegram(token, { apiRoot, agent, webhookReply: false });
}

/** Runs the calls for one chat in order. An edit that Telegram refuses falls back to a new message. */
export async function executeOps(
  tg: Telegram,
  chatId: string,
  ops: readonly TelegramOp[],
  messageId?: number,
) {
  for (const op of ops) {
    if (op.method === 'sendPhoto')
      await tg.sendPhoto(chatId, Input.fromBuffer(op.png, 'results.png'), {
        caption: op.caption,
        reply_markup: op.markup,
      });
    else if (op.method === 'editMessageText' && messageId !== undefined) {
      try {
        await tg.editMessageText(chatId, messageId, undefined, op.text, { reply_markup: op.markup });
      } catch (e) {
        // "message is not modified" (the same screen again) needs nothing; anything else: send anew.
        if (e instanceof TelegramError && /not modified/i.test(e.description)) continue;
        await tg.sendMessage(chatId, op.text, { reply_markup: op.markup });
      }
    } else await tg.sendMessage(chatId, op.text, { reply_markup: op.markup });
  }
}
