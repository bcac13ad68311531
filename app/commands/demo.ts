import { randomIds } from '../../core/shared/ids';
import { systemClock } from '../../core/shared/clock';
import type { Command } from '../cli-io';
import { loadConfig } from '../config';
import { seedDemo } from '../demo/seed-demo';
import { openStore } from '../open-store';

/** `agora demo`: loads the demo municipality into DATABASE_URL's store. */
export const demoCommand: Command = async (_args, io) => {
  const config = loadConfig();
  const store = await openStore(config.DATABASE_URL);
  try {
    const r = await seedDemo({ store, clock: systemClock, ids: randomIds });
    io.stdout(
      r.created
        ? `Demo loaded: ${r.challenges} challenges, ${r.ballots} ballots. Run \`npm start\` and open /api/v1/challenges.\n`
        : 'Demo already loaded; nothing changed.\n',
    );
    return 0;
  } finally {
    await store.close();
  }
};
