import { randomBytes } from 'node:crypto';

/** Identifier generation as a port: tests may inject a deterministic sequence. */
export interface IdGenerator {
  /** A new unique id with a short readable prefix, e.g. `ch_…`, `pr_…`. */
  next(prefix: string): string;
  /** A short random code of `length` characters from an unambiguous alphabet (receipts, link codes). */
  code(length: number): string;
}

// No 0/O, 1/I/L: codes are read aloud and typed on phones.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function randomCode(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[(bytes[i] ?? 0) % ALPHABET.length];
  return out;
}

export const randomIds: IdGenerator = {
  next: (prefix) => `${prefix}_${randomBytes(9).toString('base64url')}`,
  code: randomCode,
};
