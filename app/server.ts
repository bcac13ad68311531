import type { Server } from 'node:http';
import { randomIds } from '../core/shared/ids';
import { systemClock } from '../core/shared/clock';
import type { Deps } from '../core/usecases/deps';
import type { Config } from './config';
import { OutboxDispatcher } from '../bots/outbox/dispatcher';
import { FanoutWorker } from '../bots/outbox/fanout-worker';
import { adminRouter, ensureFirstAdmin } from '../admin/panel';
import { buildChannels } from './channels';
import { buildEngine } from './build-engine';
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
  const { engine } = await buildEngine(config, deps, logger);
  const channels = buildChannels(config, deps, engine, logger);
  await ensureFirstAdmin(
    store,
    config.ADMIN_EMAIL ? { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD } : undefined,
    (m) => logger.warn(m),
  );
  const admin = adminRouter({
    deps,
    logger: logger.child({ component: 'admin' }),
    publicUrl: config.publicUrl,
  });
  let ready = true;
  const app = createHttpApp({ deps, logger, isReady: () => ready, channelRouters: channels.routers, admin });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.PORT, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info({ port, store: config.DATABASE_URL.split(':')[0] }, `Agora listening on ${config.publicUrl}`);
  channels.attach(server);
  // Webhooks are registered once we listen: Viber calls the URL while registering it.
  await channels.start();
  const outbox = new OutboxDispatcher({
    store,
    clock: deps.clock,
    senders: channels.senders,
    logger: logger.child({ component: 'outbox' }),
  });
  outbox.start();
  const fanout = new FanoutWorker(deps, logger.child({ component: 'fanout' }));
  fanout.start();

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      ready = false;
      // Stop accepting, let in-flight requests and acknowledged webhook work finish, then close the
      // store so WAL is checkpointed.
      // Sends in progress finish; rows not yet sent stay in the outbox for the next start.
      await fanout.stop();
      await outbox.stop();
      // Web chat streams are closed first: open sockets would keep the server from closing.
      const channelsStopped = channels.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await channelsStopped;
      await store.close();
      logger.info('Agora stopped');
    })());
  return { server, deps, port, stop };
}
