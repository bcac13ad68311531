import express, { Router } from 'express';
import type { ErrorRequestHandler, Request, Response } from 'express';
import type { Stores } from '../../core/ports/store';
import type { Clock } from '../../core/shared/clock';
import type { DialogEngine } from '../dialog/engine';
import type { IncomingMessage, Reply } from '../dialog/types';
import type { ViberCallback } from './viber-callback';
import { mapCallback } from './viber-callback';
import type { ViberClient } from './viber-client';
import { parseViberJson } from './viber-json';
import type { MediaUrl } from './viber-render';
import { renderWelcome } from './viber-render';
import { ViberSender } from './viber-sender';
import { verifyViberSignature } from './viber-signature';

export const VIBER_WEBHOOK_PATH = '/viber/webhook';
/** Viber callbacks are small (a 7000-character text is under 50 kB even fully escaped). */
export const MAX_CALLBACK_BYTES = '100kb';

export interface ViberLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface ViberWebhookOptions {
  engine: Pick<DialogEngine, 'handle'>;
  client: ViberClient;
  stores: Pick<Stores, 'processedUpdates' | 'citizens'>;
  clock: Clock;
  logger: ViberLogger;
  /** `VIBER_AUTH_TOKEN`: also the key of the callbacks' HMAC signature. */
  authToken: string;
  /** The bot's name as shown on each message (at most 28 characters). */
  senderName: string;
  senderAvatar?: string;
  /** Publishes a PNG (the results chart) at a public URL; see `MediaUrl`. */
  mediaUrl?: MediaUrl;
}

export type ViberWebhookRouter = Router & {
  /** Resolves once every reply still being sent has been sent (tests; graceful shutdown). */
  drain(): Promise<void>;
};

const ok = (res: Response): void => {
  res.status(200).end();
};

/**
 * `POST /viber/webhook`. 403 unless `X-Viber-Content-Signature` is the HMAC of the exact body, so the
 * body is read here, raw: the app mounts this router before its JSON parser. Everything signed gets a
 * 200, malformed bodies included (logged): Viber retries a callback that got anything else.
 *
 * Each callback's `message_token` is claimed in the store before anything happens, so Viber's
 * retries, a restart or a second instance never process it twice. A message is acknowledged as soon
 * as it is claimed; the engine runs and the replies are sent after the answer (tracked, see
 * `drain`): a slow LLM fallback or a slow Viber API must not make Viber time out and retry. A failed
 * send is logged, and a receiver Viber says is gone is marked unreachable. Only a store that cannot
 * claim answers 503: Viber then retries later, and no message is lost.
 */
export function viberWebhookRouter(o: ViberWebhookOptions): ViberWebhookRouter {
  const sender = new ViberSender(o.client, {
    senderName: o.senderName,
    senderAvatar: o.senderAvatar,
    mediaUrl: o.mediaUrl,
  });
  const inflight = new Set<Promise<void>>();
  const track = (work: Promise<void>): void => {
    const p: Promise<void> = work
      .catch((err: unknown) => o.logger.error({ err }, 'viber callback failed after its 200'))
      .finally(() => inflight.delete(p));
    inflight.add(p);
  };

  const setReachable = async (userId: string, unreachable: boolean): Promise<void> => {
    await o.stores.citizens.markUnreachable('viber', userId, unreachable);
  };

  /** Sends replies; a refusal for good (unsubscribed, not on Viber) marks the identity unreachable. */
  const reply = async (userId: string, replies: readonly Reply[]): Promise<void> => {
    if (replies.length === 0) return;
    const outcome = await sender.send(userId, replies);
    if (outcome.ok) return;
    if (outcome.kind === 'blocked') await setReachable(userId, true);
    o.logger.warn({ userId, kind: outcome.kind, error: outcome.error }, 'viber reply not delivered');
  };

  /**
   * Someone who writes to the bot is subscribed again by Viber (without a `subscribed` callback), so
   * an identity marked unreachable after an unsubscribe becomes reachable.
   */
  const resubscribed = async (userId: string): Promise<void> => {
    const c = await o.stores.citizens.findByIdentity('viber', userId);
    const id = c?.identities.find((i) => i.channel === 'viber' && i.externalId === userId);
    if (id?.unreachable) await setReachable(userId, false);
  };

  const converse = async (msg: IncomingMessage): Promise<void> => {
    const replies = await o.engine.handle(msg);
    await resubscribed(msg.externalId).catch((err: unknown) =>
      o.logger.error({ err, userId: msg.externalId }, 'could not mark a viber user reachable'),
    );
    await reply(msg.externalId, replies);
  };

  /** The first contact: run the engine as for `/start`, so onboarding begins (or the menu shows). */
  const start = (cb: Extract<ViberCallback, { kind: 'conversation_started' }>) =>
    o.engine.handle({ channel: 'viber', externalId: cb.userId, text: '/start', localeHint: cb.localeHint });

  const handle = async (req: Request, res: Response): Promise<void> => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!verifyViberSignature(body, req.get('X-Viber-Content-Signature'), o.authToken)) {
      res.status(403).json({ code: 'BAD_SIGNATURE', message: 'missing or wrong X-Viber-Content-Signature' });
      return;
    }
    let parsed: unknown;
    try {
      parsed = parseViberJson(body.toString('utf8'));
    } catch {
      parsed = undefined;
    }
    const cb = mapCallback(parsed);
    if (!cb) {
      o.logger.warn({ bytes: body.length }, 'malformed viber callback ignored');
      return ok(res);
    }
    if (cb.kind === 'ignored') {
      // Not claimed: receipts carry the token of the message Agora sent (delivered and seen share it).
      if (cb.event === 'failed')
        o.logger.warn({ userId: cb.userId, desc: cb.desc }, 'viber reports a message not delivered');
      return ok(res);
    }

    if (cb.token !== null) {
      let fresh: boolean;
      try {
        fresh = await o.stores.processedUpdates.claim(`viber:${cb.token}`, o.clock.now());
      } catch (err) {
        o.logger.error({ err, event: cb.kind }, 'viber callback not claimed; Viber will retry');
        res.status(503).json({ code: 'UNAVAILABLE', message: 'try again later' });
        return;
      }
      if (!fresh) return ok(res);
    }

    switch (cb.kind) {
      case 'subscribed':
      case 'unsubscribed':
        try {
          await setReachable(cb.userId, cb.kind === 'unsubscribed');
        } catch (err) {
          o.logger.error({ err, event: cb.kind }, 'viber subscription change not recorded');
        }
        return ok(res);
      case 'conversation_started':
        if (cb.subscribed) {
          ok(res);
          return track(start(cb).then((replies) => reply(cb.userId, replies)));
        }
        // Not subscribed yet: the welcome can only travel as this answer's body.
        try {
          const welcome = await renderWelcome(await start(cb));
          if (!welcome) return ok(res);
          res.status(200).json({ ...welcome, sender: sender.senderInfo });
        } catch (err) {
          o.logger.error({ err }, 'viber welcome failed');
          ok(res);
        }
        return;
      case 'message':
        ok(res);
        return track(converse(cb.msg));
    }
  };

  const bodyErrors: ErrorRequestHandler = (err: unknown, _req, res, next) => {
    if (res.headersSent) return next(err);
    const e = (err ?? {}) as { status?: number; type?: string; message?: string };
    // Only the body parser's own failures (4xx with a `type`); anything else is the app's to handle.
    if (!e.type || !e.status || e.status >= 500) return next(err);
    o.logger.warn({ err, type: e.type }, 'viber callback body unreadable');
    const tooLarge = e.type === 'entity.too.large';
    res
      .status(tooLarge ? 413 : e.status)
      .json({ code: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', message: e.message ?? 'bad request' });
  };

  const r = Router();
  // Any content type: the signature covers the bytes whatever Viber labels them.
  r.post(VIBER_WEBHOOK_PATH, express.raw({ type: () => true, limit: MAX_CALLBACK_BYTES }), handle);
  r.use(VIBER_WEBHOOK_PATH, bodyErrors);
  return Object.assign(r, {
    async drain(): Promise<void> {
      while (inflight.size > 0) await Promise.allSettled([...inflight]);
    },
  });
}
