import { userInfo } from 'node:os';
import { isLocale } from '../../core/model/locale';
import { systemClock } from '../../core/shared/clock';
import { randomIds } from '../../core/shared/ids';
import { runConsole } from '../../bots/console/run-console';
import type { ConsoleStreams } from '../../bots/console/run-console';
import type { Command } from '../cli-io';
import { buildEngine } from '../build-engine';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { openStore } from '../open-store';

const USAGE = 'Usage: agora chat [--lang en|el|bg|cs] [--user <id>]\n';

/** Where the terminal conversation reads and writes; tests pass streams of their own. */
export type ChatStreams = ConsoleStreams;

const processStreams = (): ChatStreams => ({
  input: process.stdin,
  output: process.stdout,
  interactive: process.stdin.isTTY === true,
});

/**
 * `agora chat [--lang el]`: talk to the bot in the terminal (the console channel), on DATABASE_URL's
 * store. Interactive on a TTY (`/quit` leaves); on a pipe, one message per line in, replies out.
 */
export const chatCommand =
  (streams: () => ChatStreams = processStreams): Command =>
  async (argv, io) => {
    let lang: string | undefined;
    let user = `local-${userInfo().username}`;
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      const v = argv[i + 1];
      if ((a === '--lang' || a === '--user') && v !== undefined) {
        if (a === '--lang') lang = v;
        else user = v;
        i++;
      } else {
        io.stderr(`agora chat: unexpected argument ${a ?? ''}\n${USAGE}`);
        return 2;
      }
    }
    if (lang !== undefined && !isLocale(lang)) {
      io.stderr(`agora chat: --lang must be en, el, bg or cs\n${USAGE}`);
      return 2;
    }
    const config = loadConfig();
    const store = await openStore(config.DATABASE_URL);
    try {
      const s = streams();
      const { engine } = await buildEngine(
        config,
        { store, clock: systemClock, ids: randomIds },
        createLogger('silent'),
      );
      if (s.interactive) s.output.write('Agora chat. Type a message, a button number, or /quit.\n\n');
      await runConsole(engine, s, { user, locale: lang });
      return 0;
    } finally {
      await store.close();
    }
  };
