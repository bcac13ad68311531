import { readFile } from 'node:fs/promises';
import { systemClock } from '../../core/shared/clock';
import { randomIds } from '../../core/shared/ids';
import { importElection } from '../../core/usecases/opendata/import-election';
import type { Command } from '../cli-io';
import { loadConfig } from '../config';
import { openStore } from '../open-store';

const USAGE = 'Usage: agora import <file.pb> [--json]\n';

/**
 * `agora import <file.pb>`: a Pabulib election becomes a challenge in the results phase, with its
 * projects and ballots. Prints the new challenge id (or one JSON line with --json); a malformed file
 * changes nothing and names the line (exit 2).
 */
export const importCommand: Command = async (argv, io) => {
  const json = argv.includes('--json');
  const files = argv.filter((a) => a !== '--json');
  const unknown = files.find((a) => a.startsWith('--'));
  if (unknown || files.length !== 1) {
    io.stderr(`${unknown ? `agora import: unknown option ${unknown}\n` : ''}${USAGE}`);
    return 2;
  }
  const file = files[0] as string;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    io.stderr(`agora import: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 2;
  }
  const store = await openStore(loadConfig().DATABASE_URL);
  try {
    const r = await importElection({ store, clock: systemClock, ids: randomIds }, text);
    if (!r.ok) {
      io.stderr(`agora import: ${file}: ${r.error.message}\n`);
      return 2;
    }
    const { challenge, projects, ballots, fileSha256 } = r.value;
    if (json) io.stdout(`${JSON.stringify({ challengeId: challenge.id, projects, ballots, fileSha256 })}\n`);
    else
      io.stdout(
        `Imported ${file} as challenge ${challenge.id}: ${projects} projects, ${ballots} ballots (sha256 ${fileSha256}).\n`,
      );
    return 0;
  } finally {
    await store.close();
  }
};
