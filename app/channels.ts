import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import type { Router } from 'express';
import type { Deps } from '../core/usecases/deps';
import type { DialogEngine } from '../bots/dialog/engine';
import type { ChannelSender } from '../bots/outbox/channel-sender';
import { TelegramChannel } from '../bots/telegram/telegram-channel';
import { createTelegramClient } from '../bots/telegram/telegram-client';
import { TelegramSender } from '../bots/telegram/telegram-sender';
import { telegramWebhookRouter } from '../bots/telegram/telegram-webhook';
import { VIBER_EVENT_TYPES, ViberClient } from '../bots/viber/viber-client';
import { ViberSender } from '../bots/viber/viber-sender';
import { viberWebhookRouter } from '../bots/viber/viber-webhook';
import { buildWebchat } from '../bots/webchat/webchat';
import type { Config } from './config';
import type { Logger } from './logger';

export interface Channels {
  /** Webhook routes, mounted before the JSON parser. */
  routers: Router[];
  /** Push senders for the outbox dispatcher, one per enabled channel. */
  senders: ChannelSender[];
  /** Registers webhooks or starts polling; a platform that cannot be reached is logged, not fatal. */
  start(): Promise<void>;
  /** Serves the web chat's Direct Line WebSocket streams on the HTTP server. */
  attach(server: Server): void;
  /** Stops polling and lets webhook work already acknowledged finish. */
  stop(): Promise<void>;
}

/**
 * The Telegram webhook secret: the configured one, or one derived from the token so every instance
 * of a scaled-out deployment computes the same value without extra configuration.
 */
export const telegramSecret = (config: Pick<Config, 'TELEGRAM_WEBHOOK_SECRET'>, token: string): string =>
  config.TELEGRAM_WEBHOOK_SECRET ??
  createHash('sha256').update(`agora-webhook:${token}`).digest('hex').slice(0, 48);

/** Builds the channels the configuration enables (none: the server still serves the API and web chat). */
export function buildChannels(config: Config, deps: Deps, engine: DialogEngine, logger: Logger): Channels {
  const routers: Router[] = [];
  const senders: ChannelSender[] = [];
  const starters: (() => Promise<void>)[] = [];
  const stoppers: (() => void | Promise<void>)[] = [];

  // The web chat needs no account anywhere: always on. Its signing key lives beside the SQLite file
  // (or in WEBCHAT_SECRET, which every instance of a scaled-out deployment must share).
  const sqlitePath = config.DATABASE_URL.startsWith('sqlite:')
    ? config.DATABASE_URL.slice('sqlite:'.length)
    : null;
  const webchat = buildWebchat({
    engine,
    stores: deps.store,
    clock: deps.clock,
    logger: logger.child({ channel: 'webchat' }),
    publicUrl: config.PUBLIC_URL,
    appId: config.MICROSOFT_APP_ID,
    appPassword: config.MICROSOFT_APP_PASSWORD,
    secret: config.WEBCHAT_SECRET,
    keyFile: sqlitePath && sqlitePath !== ':memory:' ? join(dirname(sqlitePath), 'webchat.key') : undefined,
  });
  routers.push(...webchat.routers);
  senders.push(webchat.sender);
  stoppers.push(() => webchat.stop());

  const token = config.TELEGRAM_BOT_TOKEN;
  if (token) {
    const log = logger.child({ channel: 'telegram' });
    const channel = new TelegramChannel({
      token,
      apiRoot: config.TELEGRAM_API_ROOT,
      engine,
      stores: deps.store,
      clock: deps.clock,
      logger: log,
    });
    const secret = telegramSecret(config, token);
    routers.push(telegramWebhookRouter(channel, secret, log));
    senders.push(new TelegramSender(createTelegramClient(token, config.TELEGRAM_API_ROOT)));
    starters.push(async () => {
      if (config.telegramMode === 'webhook') {
        await channel.setWebhook(`${config.publicUrl}/telegram/webhook`, secret);
        log.info({ url: `${config.publicUrl}/telegram/webhook` }, 'telegram webhook set');
      } else {
        await channel.startPolling();
        log.info('telegram polling');
      }
    });
    stoppers.push(() => channel.stop());
  }

  const viberToken = config.VIBER_AUTH_TOKEN;
  if (viberToken) {
    const log = logger.child({ channel: 'viber' });
    const client = new ViberClient({ authToken: viberToken, apiRoot: config.VIBER_API_ROOT });
    const hook = viberWebhookRouter({
      engine,
      client,
      stores: deps.store,
      clock: deps.clock,
      logger: log,
      authToken: viberToken,
      senderName: 'Agora',
    });
    routers.push(hook);
    senders.push(new ViberSender(client, { senderName: 'Agora' }));
    // Viber calls the webhook while registering it: only once the server listens (see start()).
    starters.push(async () => {
      await client.setWebhook(`${config.publicUrl}/viber/webhook`, VIBER_EVENT_TYPES);
      log.info({ url: `${config.publicUrl}/viber/webhook` }, 'viber webhook set');
    });
    stoppers.push(() => hook.drain());
  }

  return {
    routers,
    senders,
    async start() {
      for (const s of starters)
        await s().catch((err: unknown) => logger.error({ err }, 'channel start failed; will serve anyway'));
    },
    attach(server) {
      webchat.attachWebSocket(server);
    },
    async stop() {
      await Promise.all(stoppers.map((s) => s()));
    },
  };
}
