import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import type { Citizen } from '../core/model/citizen';
import type { Locale } from '../core/model/locale';

/** The repository root, from source (bench/) or compiled (dist/bench/) alike. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Writes `bench/results/<name>.json` and returns its path. */
export function writeResult(name: string, data: unknown): string {
  const out = join(repoRoot(), 'bench', 'results');
  mkdirSync(out, { recursive: true });
  const file = join(out, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

/** What the figures were measured on: they mean little without it. */
export function machine(): Record<string, string | number> {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/**
 * A citizen who already consented, with one Telegram identity: what the benchmarks load by the
 * thousand straight through the store (the use cases would add an audit trail they do not measure).
 */
export function consentedTelegramCitizen(id: string, chatId: string, locale: Locale, now: Date): Citizen {
  return {
    id,
    identities: [
      { channel: 'telegram', externalId: chatId, linkedAt: now, lastSeenAt: now, unreachable: false },
    ],
    locale,
    consentAt: now,
    verification: 'none',
    phoneHash: null,
    notifications: true,
    createdAt: now,
    erasedAt: null,
  };
}
