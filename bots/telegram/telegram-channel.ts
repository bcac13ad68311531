import { Telegraf } from 'telegraf';
import type { Context } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Clock } from '../../core/shared/clock';
import type { Stores } from '../../core/ports/store';
import type { DialogEngine } from '../dialog/engine';
import { createTelegramClient, executeOps } from './telegram-client';
import { renderReplies } from './telegram-render';
import { classify } from './telegram-sender';
import { mapUpdate } from './telegram-update';

export interface ChannelLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface TelegramChannelOptions {
  token: string;
  apiRoot: string;
  engine: DialogEngine;
  stores: Pick<Stores, 'processedUpdates' | 'citizens'>;
  clock: Clock;
  logger: ChannelLogger;
}

/**
 * Telegram through telegraf: updates (webhook or polling) -> engine -> Bot API calls. Each
 * `update_id` is claimed in the store before anything happens, so Telegram's retries and a restart
 * never process an update twice. Any failure is logged and swallowed: Telegram must get its 200,
 * or it retries the same update forever.
 */
export class TelegramChannel {
  readonly bot: Telegraf;

  constructor(private readonly o: TelegramChannelOptions) {
    this.bot = new Telegraf(o.token, { telegram: { apiRoot: o.apiRoot, webhookReply: false } });
    // Same client settings as the sender (keep-alive agent matching the root's protocol).
    this.bot.telegram = createTelegramClient(o.token, o.apiRoot);
    this.bot.use((ctx) => this.onUpdate(ctx));
    this.bot.catch((err, ctx) =>
      o.logger.error({ err, updateId: ctx.update.update_id }, 'telegram update failed'),
    );
  }

  /** Entry of the webhook route (polling calls the bot directly; the middleware de-duplicates both). */
  async handleUpdate(update: Update): Promise<void> {
    await this.bot.handleUpdate(update);
  }

  private async onUpdate(ctx: Context): Promise<void> {
    const fresh = await this.o.stores.processedUpdates.claim(
      `telegram:${ctx.update.update_id}`,
      this.o.clock.now(),
    );
    if (!fresh) return;
    const mapped = mapUpdate(ctx.update);
    if (!mapped) return;
    if (mapped.callbackQueryId) {
      // Stop the spinner first: the citizen sees the tap registered even if the answer takes a moment.
      await ctx.telegram.answerCbQuery(mapped.callbackQueryId).catch(() => undefined);
    }
    const replies = await this.o.engine.handle(mapped.msg);
    try {
      await executeOps(
        ctx.telegram,
        mapped.msg.externalId,
        renderReplies(replies, mapped.messageId !== undefined),
        mapped.messageId,
      );
    } catch (e) {
      const outcome = classify(e);
      if (!outcome.ok && outcome.kind === 'blocked')
        await this.o.stores.citizens.markUnreachable('telegram', mapped.msg.externalId, true);
      this.o.logger.warn({ err: e, chat: mapped.msg.externalId }, 'telegram reply not delivered');
    }
  }

  /** Webhook mode: tell Telegram where to post, with the secret it must echo in every call. */
  async setWebhook(url: string, secret: string): Promise<void> {
    await this.bot.telegram.setWebhook(url, {
      secret_token: secret,
      allowed_updates: ['message', 'callback_query'],
      drop_pending_updates: false,
    });
  }

  /** Polling mode for local use (no public URL). */
  async startPolling(): Promise<void> {
    await this.bot.telegram.deleteWebhook({ drop_pending_updates: false });
    void this.bot
      .launch({ allowedUpdates: ['message', 'callback_query'] })
      .catch((err: unknown) => this.o.logger.error({ err }, 'telegram polling stopped'));
  }

  stop(): void {
    try {
      this.bot.stop('shutdown');
    } catch {
      // Not polling: nothing to stop.
    }
  }
}
