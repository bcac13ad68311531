import type { Server } from 'node:http';
import { randomIds } from '../core/shared/ids';
import { systemClock } from '../core/shared/clock';
import type { Deps } from '../core/usecases/deps';
import type { Config } from './config';
import { createHttpApp } from './http-app';
import type { Logger } from './logger';
import { openStore } from './open-store';

export interface RunningServer {
  server: Server;
  deps: Deps;
  port: number;
  stop(): Promise<void>;
}

/** Opens the store, then serves HTTP. Resolves once listening. */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const store = await openStore(config.DATABASE_URL);
  const deps: Deps = { store, clock: systemClock, ids: randomIds };
  let ready = true;
  const app = createHttpApp({ deps, logger, isReady: () => ready });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.PORT, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info({ port, store: config.DATABASE_URL.split(':')[0] }, `Agora listening on ${config.publicUrl}`);

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      ready = false;
      // Stop accepting, let in-flight requests finish, then close the store so WAL is checkpointed.
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      logger.info('Agora stopped');
    })());
  return { server, deps, port, stop };
}
