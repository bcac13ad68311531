import request from 'supertest';
import type { Express } from 'express';
import { viberSignature } from '../../../bots/viber/viber-signature';

/** A logger whose calls tests can read. */
export function recordingLogger() {
  return { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
}

let next = 4912661846655238000n;

/** A fresh 64-bit message token (beyond 2^53, as Viber's are). */
export const freshToken = (): bigint => (next += 7n);

/** A callback body as Viber writes it: `message_token` as a bare 64-bit number. */
export function callback(obj: Record<string, unknown>, token: bigint = freshToken()): string {
  return JSON.stringify({ ...obj, message_token: '__TOKEN__' }).replace('"__TOKEN__"', token.toString());
}

export const sender = (id: string) => ({
  id,
  name: 'Maria',
  avatar: 'https://example.invalid/a.jpg',
  language: 'en',
  country: 'GR',
  api_version: 10,
});

export const textMessage = (id: string, text: string, token?: bigint) =>
  callback(
    {
      event: 'message',
      timestamp: 1767000000000,
      chat_hostname: 'SN-CHAT-01_',
      sender: sender(id),
      message: { type: 'text', text },
      silent: false,
    },
    token,
  );

export const conversationStarted = (id: string, subscribed: boolean) =>
  callback({
    event: 'conversation_started',
    timestamp: 1767000000000,
    chat_hostname: 'SN-CHAT-01_',
    type: 'open',
    context: '',
    user: sender(id),
    subscribed,
  });

/** POSTs a raw callback to the webhook, signed with `token` unless a signature is given. */
export function postCallback(app: Express, raw: string, token: string, signature?: string | null) {
  const req = request(app).post('/viber/webhook').set('Content-Type', 'application/json');
  const sig = signature === undefined ? viberSignature(raw, token) : signature;
  if (sig !== null) req.set('X-Viber-Content-Signature', sig);
  return req.send(raw);
}
