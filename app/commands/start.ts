import type { Command } from '../cli-io';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { startServer } from '../server';

/** `agora start`: serve until SIGTERM/SIGINT, then shut down gracefully. */
export const startCommand: Command = async () => {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const running = await startServer(config, logger);
  await new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      logger.info({ signal }, 'shutting down');
      running.stop().then(resolve, (err: unknown) => {
        logger.error({ err }, 'error during shutdown');
        resolve();
      });
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  });
  return 0;
};
