import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

export interface TelegramCall {
  method: string;
  chatId: string | null;
  body: Record<string, unknown>;
  at: number;
  /** The message_id the fake answered with (sendMessage, sendPhoto, editMessageText). */
  messageId?: number;
}

interface Failure {
  code: number;
  description: string;
  retryAfter?: number;
  count: number;
}

/**
 * A local stand-in for the Telegram Bot API (`<root>/bot<token>/<method>`): records every call,
 * answers like Telegram, and can be told to fail (429 with retry_after, 5xx) or to behave as if a
 * chat blocked the bot (403). Multipart uploads (sendPhoto) are recorded with their chat id only.
 */
export class FakeTelegram {
  readonly calls: TelegramCall[] = [];
  /** The same calls indexed by chat: load tests look up one chat among thousands many times. */
  private readonly byChat = new Map<string, TelegramCall[]>();
  private server: Server | null = null;
  private failures: Failure[] = [];
  private readonly blocked = new Set<string>();
  private nextMessageId = 1000;
  /** Updates handed out by getUpdates (polling mode). */
  readonly pendingUpdates: unknown[] = [];

  constructor(readonly token = '123456:TEST') {}

  get root(): string {
    const port = (this.server?.address() as AddressInfo | null)?.port;
    return `http://127.0.0.1:${port}`;
  }

  async start(): Promise<this> {
    const app = express();
    app.post('/bot:token/:method', express.raw({ type: () => true, limit: '20mb' }), (req, res) => {
      const { token, method } = req.params as { token: string; method: string };
      if (token !== this.token) {
        res.status(401).json({ ok: false, error_code: 401, description: 'Unauthorized' });
        return;
      }
      const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
      const body = parseBody(req.get('content-type') ?? '', raw);
      const chatId = body.chat_id === undefined ? null : String(body.chat_id);
      const call: TelegramCall = { method, chatId, body, at: Date.now() };
      this.calls.push(call);
      if (chatId !== null) {
        const list = this.byChat.get(chatId);
        if (list) list.push(call);
        else this.byChat.set(chatId, [call]);
      }
      const failure = this.failures[0];
      if (failure && method !== 'getMe') {
        if (--failure.count <= 0) this.failures.shift();
        res.status(failure.code).json({
          ok: false,
          error_code: failure.code,
          description: failure.description,
          ...(failure.retryAfter !== undefined ? { parameters: { retry_after: failure.retryAfter } } : {}),
        });
        return;
      }
      if (chatId && this.blocked.has(chatId)) {
        res
          .status(403)
          .json({ ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
        return;
      }
      const result = this.result(method, chatId, body);
      const messageId = (result as { message_id?: unknown } | null)?.message_id;
      if (typeof messageId === 'number') call.messageId = messageId;
      res.json({ ok: true, result });
    });
    await new Promise<void>((resolve) => {
      this.server = app.listen(0, '127.0.0.1', () => resolve());
    });
    return this;
  }

  async stop(): Promise<void> {
    const s = this.server;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
    this.server = null;
  }

  /** The next `count` calls (getMe excepted) fail with this error. */
  failNext(code: number, description: string, opts: { retryAfter?: number; count?: number } = {}): void {
    this.failures.push({ code, description, retryAfter: opts.retryAfter, count: opts.count ?? 1 });
  }

  block(chatId: string): void {
    this.blocked.add(chatId);
  }

  sentTo(chatId: string): TelegramCall[] {
    return this.callsTo(chatId).filter((c) => c.method !== 'answerCallbackQuery');
  }

  /** Every call for one chat, in arrival order (answerCallbackQuery has no chat and is not here). */
  callsTo(chatId: string): readonly TelegramCall[] {
    return this.byChat.get(chatId) ?? [];
  }

  /** Texts (and photo captions) sent to a chat, in order. */
  textsTo(chatId: string): string[] {
    return this.sentTo(chatId).map((c) => String(c.body.text ?? c.body.caption ?? ''));
  }

  private result(method: string, chatId: string | null, body: Record<string, unknown>): unknown {
    switch (method) {
      case 'getMe':
        return { id: 42, is_bot: true, first_name: 'Agora', username: 'agora_test_bot' };
      case 'sendMessage':
      case 'sendPhoto':
      case 'editMessageText':
        return {
          message_id: method === 'editMessageText' ? Number(body.message_id) : this.nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(chatId), type: 'private' },
          text: body.text,
        };
      case 'getUpdates':
        return this.pendingUpdates.splice(0);
      default:
        return true;
    }
  }
}

function parseBody(contentType: string, raw: string): Record<string, unknown> {
  if (contentType.includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  // multipart/form-data: pick the simple fields out (chat_id, caption, reply_markup).
  const out: Record<string, unknown> = {};
  for (const m of raw.matchAll(/name="([a-z_]+)"\r\n\r\n([^\r]*)\r\n/g)) out[m[1] as string] = m[2];
  return out;
}
