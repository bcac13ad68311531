import { timingSafeEqual } from 'node:crypto';
import express, { Router } from 'express';
import type { Request, Response } from 'express';
import type { Update } from 'telegraf/types';
import type { ChannelLogger, TelegramChannel } from './telegram-channel';

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const looksLikeUpdate = (v: unknown): v is Update =>
  typeof v === 'object' && v !== null && Number.isSafeInteger((v as { update_id?: unknown }).update_id);

/**
 * `POST /telegram/webhook`. 401 without the right `X-Telegram-Bot-Api-Secret-Token`; everything
 * else is answered 200, malformed bodies included (logged), so Telegram never retries junk. The body
 * is read here, raw, because the app's JSON parser would answer malformed JSON with a 400.
 */
export function telegramWebhookRouter(
  channel: TelegramChannel,
  secret: string,
  logger: ChannelLogger,
): Router {
  const r = Router();
  r.post(
    '/telegram/webhook',
    express.raw({ type: () => true, limit: '1mb' }),
    async (req: Request, res: Response) => {
      const given = req.get('X-Telegram-Bot-Api-Secret-Token') ?? '';
      if (!same(given, secret)) {
        res
          .status(401)
          .json({ code: 'BAD_SECRET', message: 'missing or wrong X-Telegram-Bot-Api-Secret-Token' });
        return;
      }
      let update: unknown;
      try {
        update = JSON.parse(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '');
      } catch {
        update = undefined;
      }
      if (!looksLikeUpdate(update)) {
        logger.warn(
          { bytes: Buffer.isBuffer(req.body) ? req.body.length : 0 },
          'malformed telegram update ignored',
        );
        res.status(200).json({ ok: true });
        return;
      }
      try {
        await channel.handleUpdate(update);
      } catch (err) {
        logger.error({ err, updateId: update.update_id }, 'telegram update failed');
      }
      res.status(200).json({ ok: true });
    },
  );
  return r;
}
