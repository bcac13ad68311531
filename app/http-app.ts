import express from 'express';
import type { Express, Router } from 'express';
import type { Deps } from '../core/usecases/deps';
import { jsonErrorHandler, sendError } from '../admin/http-errors';
import { publicApiRouter } from '../admin/public-api/router';
import type { Logger } from './logger';
import { Metrics } from './metrics';

export interface HttpAppOptions {
  deps: Deps;
  logger: Logger;
  /** False while shutting down: /healthz then answers 503 so a load balancer stops sending traffic. */
  isReady: () => boolean;
  /**
   * Channel webhooks (Telegram, Viber, ...). Mounted before the JSON parser: they read their raw
   * body themselves (signatures are computed over the exact bytes; malformed bodies get a 200).
   */
  channelRouters?: Router[];
  /** The admin panel, mounted at /admin (it parses its own forms and sets its own headers). */
  admin?: Router;
}

/** The express application with every route of DESIGN.md that this build serves. */
export function createHttpApp({
  deps,
  logger,
  isReady,
  channelRouters = [],
  admin,
}: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const metrics = new Metrics();
  app.use(metrics.middleware());
  app.use(metrics.router(deps.store));
  for (const r of channelRouters) app.use(r);
  app.use(express.json({ limit: '100kb' }));

  app.get('/healthz', (_req, res) => {
    if (!isReady()) return sendError(res, 503, 'SHUTTING_DOWN', 'the server is stopping');
    res.json({ status: 'ok' });
  });
  app.use('/api/v1', publicApiRouter(deps));
  if (admin) app.use('/admin', admin);

  app.use((req, res) => sendError(res, 404, 'NOT_FOUND', `no such page: ${req.method} ${req.path}`));
  app.use(jsonErrorHandler((err, msg) => logger.error({ err }, msg)));
  return app;
}
