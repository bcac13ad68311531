import express, { Router } from 'express';
import type { NextFunction, Request, Response } from 'express';
import type { DirectLineError, DirectLineService } from './direct-line-service';
import { isError } from './direct-line-service';

export const DIRECT_LINE_PATH = '/v3/directline';

const fail = (res: Response, e: DirectLineError): void => {
  // DirectLineJS waits Retry-After milliseconds (not seconds) before retrying a 429.
  if (e.status === 429) res.set('Retry-After', '1000');
  res.status(e.status).json({ error: { code: e.code, message: e.message } });
};

/**
 * The WebSocket URL of a conversation. PUBLIC_URL when configured (the address browsers use, also
 * behind a proxy), else the address this request came to.
 */
export function streamUrl(
  req: Request,
  publicUrl: string | undefined,
  conversationId: string,
  token: string,
  watermark?: string,
): string {
  const base = publicUrl
    ? publicUrl.replace(/^http/, 'ws').replace(/\/+$/, '')
    : `${req.protocol === 'https' ? 'wss' : 'ws'}://${req.get('host') ?? 'localhost'}`;
  const q = new URLSearchParams({ t: token });
  if (watermark) q.set('watermark', watermark);
  return `${base}${DIRECT_LINE_PATH}/conversations/${encodeURIComponent(conversationId)}/stream?${q.toString()}`;
}

const locale = (body: unknown): string | undefined => {
  const l = (body as { locale?: unknown } | undefined)?.locale;
  return typeof l === 'string' && l ? l.slice(0, 20) : undefined;
};

/**
 * The Direct Line 3.0 subset Web Chat and DirectLineJS use, at `/v3/directline`: tokens
 * (generate, refresh), conversations (start, reconnect), activities (post, get since a watermark).
 * The stream is the WebSocket side (direct-line-stream.ts). Errors have Direct Line's shape.
 */
export function directLineRouter(service: DirectLineService, publicUrl?: string): Router {
  const outer = Router();
  const r = Router();
  // Its own parser: channel routers are mounted before the app's JSON parser.
  r.use(express.json({ limit: '64kb', type: () => true }));
  r.use((_req, res, next) => {
    // Tokens and transcripts: never stored by a browser or a proxy.
    res.set('Cache-Control', 'no-store');
    next();
  });

  r.post('/tokens/generate', (req, res) => {
    const out = service.generate(req.body);
    if (isError(out)) return fail(res, out);
    res.json(out);
  });

  r.post('/tokens/refresh', (req, res) => {
    const claims = service.authorize(req.get('authorization'));
    if (isError(claims)) return fail(res, claims);
    res.json(service.refresh(claims));
  });

  r.post('/conversations', (req, res) => {
    const claims = service.authorize(req.get('authorization'));
    if (isError(claims)) return fail(res, claims);
    const c = service.open(claims, locale(req.body));
    if (isError(c)) return fail(res, c);
    const fresh = service.refresh(claims);
    res.status(201).json({ ...fresh, streamUrl: streamUrl(req, publicUrl, c.id, fresh.token) });
  });

  // Reconnect (DirectLineJS calls it to resume a conversation and after a dropped WebSocket).
  r.get('/conversations/:id', (req, res) => {
    const claims = service.authorize(req.get('authorization'), req.params.id);
    if (isError(claims)) return fail(res, claims);
    const c = service.open(claims);
    if (isError(c)) return fail(res, c);
    const fresh = service.refresh(claims);
    const watermark = typeof req.query.watermark === 'string' ? req.query.watermark : undefined;
    res.json({ ...fresh, streamUrl: streamUrl(req, publicUrl, c.id, fresh.token, watermark) });
  });

  r.post('/conversations/:id/activities', (req, res) => {
    const claims = service.authorize(req.get('authorization'), req.params.id);
    if (isError(claims)) return fail(res, claims);
    const c = service.open(claims);
    if (isError(c)) return fail(res, c);
    const out = service.receive(c, req.body);
    if (isError(out)) return fail(res, out);
    res.json(out);
  });

  r.get('/conversations/:id/activities', (req, res) => {
    const claims = service.authorize(req.get('authorization'), req.params.id);
    if (isError(claims)) return fail(res, claims);
    const c = service.open(claims);
    if (isError(c)) return fail(res, c);
    service.log.markPolled(c);
    const watermark = typeof req.query.watermark === 'string' ? req.query.watermark : undefined;
    res.json(service.log.since(c, watermark));
  });

  r.post('/conversations/:id/upload', (_req, res) =>
    fail(res, { status: 400, code: 'BadArgument', message: 'attachments are not accepted here' }),
  );

  r.use((req, res) =>
    fail(res, {
      status: 404,
      code: 'NotFound',
      message: `no such Direct Line route: ${req.method} ${req.path}`,
    }),
  );
  // Malformed or oversized JSON: Direct Line's error shape rather than the app's.
  r.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    const status = (err as { status?: unknown }).status;
    if (typeof status !== 'number' || status < 400 || status >= 500) return next(err);
    const message = status === 413 ? 'the body is too large' : 'the body is not valid JSON';
    // 413 stays 413 (a client can tell "too big" from "broken"); anything else is a bad argument.
    fail(res, { status: status === 413 ? 413 : 400, code: 'BadArgument', message });
  });

  outer.use(DIRECT_LINE_PATH, r);
  return outer;
}
