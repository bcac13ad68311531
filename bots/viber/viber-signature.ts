import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `X-Viber-Content-Signature`: the hex HMAC-SHA256 of the exact request bytes, keyed with the bot's
 * auth token. It must be computed over the raw body: re-serialising parsed JSON changes the bytes.
 */
export function viberSignature(body: Buffer | string, authToken: string): string {
  return createHmac('sha256', authToken).update(body).digest('hex');
}

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/**
 * Constant-time check of a signature header. The given value is decoded first: a missing, short,
 * long or non-hex header is refused before `timingSafeEqual` (which throws on a length mismatch).
 */
export function verifyViberSignature(
  body: Buffer,
  signature: string | undefined,
  authToken: string,
): boolean {
  if (!signature || !HEX_SHA256.test(signature.trim())) return false;
  const given = Buffer.from(signature.trim(), 'hex');
  const expected = createHmac('sha256', authToken).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
