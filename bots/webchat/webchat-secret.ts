import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SecretSource {
  /** An operator-chosen secret (any string of 16+ characters). */
  secret?: string;
  /** A file holding the key; created with a random key (mode 0600) when missing. */
  keyFile?: string;
  /** The Bot Framework password: when set, a key derived from it is stable across restarts and instances. */
  appPassword?: string;
}

export interface ResolvedSecret {
  key: Buffer;
  source: 'secret' | 'key-file' | 'app-password' | 'generated';
}

/**
 * The key that signs Direct Line tokens and browser tickets, first match wins: `secret`, `keyFile`,
 * a derivation of `appPassword`, else random bytes for this process only. The last is safe but
 * forgetful: after a restart every browser gets a new citizen identity and open chats must fetch a
 * new token, so deployments should pass one of the others (every instance the same).
 */
export function resolveWebchatSecret(src: SecretSource): ResolvedSecret {
  if (src.secret) {
    if (src.secret.length < 16) throw new Error('the web chat secret must have at least 16 characters');
    return { key: createHash('sha256').update(`agora-webchat:${src.secret}`).digest(), source: 'secret' };
  }
  if (src.keyFile) return { key: loadOrCreateKeyFile(src.keyFile), source: 'key-file' };
  if (src.appPassword)
    return {
      key: createHash('sha256').update(`agora-webchat:${src.appPassword}`).digest(),
      source: 'app-password',
    };
  return { key: randomBytes(32), source: 'generated' };
}

/** Reads the hex key in `path`, or writes a new random one there (owner-only) and returns it. */
export function loadOrCreateKeyFile(path: string): Buffer {
  if (existsSync(path)) {
    const hex = readFileSync(path, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`${path}: expected 64 hex characters`);
    return Buffer.from(hex, 'hex');
  }
  const key = randomBytes(32);
  mkdirSync(dirname(path), { recursive: true });
  // `wx`: two instances starting together never overwrite each other's key; the loser reads it.
  try {
    writeFileSync(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateKeyFile(path);
    throw e;
  }
  return key;
}
