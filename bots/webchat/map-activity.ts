import type { IncomingMessage } from '../dialog/types';
import type { IncomingActivityFields } from './activity';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The payload of a pressed button, whichever way the client carried it: Web Chat sends a string
 * `postBack` value as the text with `channelData.postBack`, other clients (and cards) send `value`,
 * sometimes as an object `{ payload }`. The engine validates payloads anyway: typing one gains
 * nothing a tap would not give.
 */
function payloadOf(a: IncomingActivityFields): string | undefined {
  if (typeof a.value === 'string' && a.value) return a.value;
  if (isRecord(a.value) && typeof a.value.payload === 'string') return a.value.payload;
  if (isRecord(a.channelData) && a.channelData.postBack === true && typeof a.text === 'string') return a.text;
  return undefined;
}

/**
 * A `message` activity -> the engine's IncomingMessage for `externalId`, or null for anything the
 * engine has no use for (typing, events, an empty message). The identity is the caller's: the
 * Direct Line token's user, or the Bot Framework channel account, never a field of the body.
 */
export function toIncomingMessage(
  a: IncomingActivityFields,
  externalId: string,
  fallbackLocale?: string,
): IncomingMessage | null {
  if (a.type !== 'message') return null;
  const locale = typeof a.locale === 'string' && a.locale ? a.locale : fallbackLocale;
  const base: IncomingMessage = { channel: 'webchat', externalId, ...(locale ? { localeHint: locale } : {}) };
  const payload = payloadOf(a);
  if (payload !== undefined) return { ...base, payload };
  if (typeof a.text === 'string' && a.text.trim()) return { ...base, text: a.text };
  return null;
}
