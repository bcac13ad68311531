/**
 * Button payloads: `action` or `action:arg:arg`, short enough for Telegram's 64-byte callback data.
 * Ids never contain `:`. A payload is only a request: the handler re-checks state and phase.
 */
export const MAX_PAYLOAD_BYTES = 64;

export interface Payload {
  action: string;
  args: string[];
}

export function encodePayload(action: string, ...args: (string | number)[]): string {
  const p = [action, ...args.map(String)].join(':');
  if (Buffer.byteLength(p) > MAX_PAYLOAD_BYTES) throw new Error(`payload too long: ${p}`);
  return p;
}

/** Null for anything that is not a well-formed payload (forged, truncated, from another bot). */
export function decodePayload(raw: string): Payload | null {
  if (!raw || Buffer.byteLength(raw) > MAX_PAYLOAD_BYTES || !/^[a-z]+(:[A-Za-z0-9_-]+)*$/.test(raw))
    return null;
  const [action, ...args] = raw.split(':');
  return { action: action as string, args };
}
