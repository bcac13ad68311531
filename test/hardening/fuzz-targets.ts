import { viberSignature } from '../../bots/viber/viber-signature';

export { seededRandom as prng } from '../../core/shared/prng';

/**
 * What the fuzz tests send, shared by the in-process test (supertest, fast) and the one against a
 * running server process (fetch, thousands per endpoint): seeded bodies and the request each
 * endpoint gets for a body, signed where the endpoint checks a signature so the fuzz reaches the
 * parser and not only the authentication check.
 */

const PIECES = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ':',
  ',',
  'null',
  'true',
  '1e309',
  '-0',
  '"update_id"',
  '"message"',
  '"callback_query"',
  '"event"',
  '"chat"',
  '"text"',
  '"from"',
  '"data"',
  '\u0000',
  '\ud800',
  'Ω',
  'я',
  'ř',
  '💥',
  '<script>',
  '%00',
  '\\u0000',
  '9007199254740993',
  '"__proto__"',
  '"constructor"',
  ' ',
  '\n',
];

/** Random junk, truncated JSON, and well-formed JSON of the wrong shape, in roughly equal parts. */
export function fuzzBody(r: () => number): string {
  const kind = Math.floor(r() * 3);
  if (kind === 0)
    return Array.from({ length: Math.floor(r() * 60) }, () => PIECES[Math.floor(r() * PIECES.length)]).join(
      '',
    );
  const obj: Record<string, unknown> = {
    update_id: r() < 0.7 ? Math.floor(r() * 1e9) : 'x',
    event: ['message', 'conversation_started', 'subscribed', 'unsubscribed', 'delivered', 'x'][
      Math.floor(r() * 6)
    ],
    message:
      r() < 0.5
        ? {
            text: r() < 0.5 ? '/vote' : { nested: [1, 2] },
            chat: r() < 0.5 ? { id: 5, type: 'private' } : null,
          }
        : 'm',
    callback_query:
      r() < 0.3 ? { id: 'q', data: 'vt:'.padEnd(Math.floor(r() * 100), 'x'), message: {} } : undefined,
    sender: r() < 0.5 ? { id: 'v1', name: 'N' } : 7,
    message_token: r() < 0.5 ? Math.floor(r() * 1e15) : 'tok',
    type: 'message',
    text: 'Ω'.repeat(Math.floor(r() * 50)),
    __proto__: { polluted: true },
  };
  const json = JSON.stringify(obj);
  return kind === 1 ? json : json.slice(0, Math.floor(r() * json.length));
}

export interface FuzzRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface FuzzTarget {
  name: string;
  request: (body: string) => FuzzRequest;
}

/** URL-safe text of a body (lone surrogates cannot be percent-encoded). */
export const urlPart = (b: string, max: number): string =>
  encodeURIComponent(b.replace(/[\ud800-\udfff]/g, '?').slice(0, max)) || 'x';

const JSON_TYPE = { 'Content-Type': 'application/json' };
const post = (path: string, body: string, headers: Record<string, string> = JSON_TYPE): FuzzRequest => ({
  method: 'POST',
  path,
  headers,
  body,
});
const get = (path: string): FuzzRequest => ({ method: 'GET', path, headers: {} });

/** Every webhook and public endpoint, with the secrets the server under test was started with. */
export function fuzzTargets(secrets: { telegram: string; viber: string }): FuzzTarget[] {
  return [
    {
      name: 'telegram',
      request: (b) =>
        post('/telegram/webhook', b, { ...JSON_TYPE, 'X-Telegram-Bot-Api-Secret-Token': secrets.telegram }),
    },
    { name: 'telegram unsigned', request: (b) => post('/telegram/webhook', b) },
    {
      name: 'viber',
      request: (b) =>
        post('/viber/webhook', b, {
          ...JSON_TYPE,
          'X-Viber-Content-Signature': viberSignature(b, secrets.viber),
        }),
    },
    { name: 'viber unsigned', request: (b) => post('/viber/webhook', b) },
    { name: 'bot framework', request: (b) => post('/api/messages', b) },
    {
      name: 'direct line',
      request: (b) =>
        post('/v3/directline/conversations/x/activities', b, { ...JSON_TYPE, Authorization: 'Bearer x' }),
    },
    { name: 'direct line tokens', request: (b) => post('/v3/directline/tokens/generate', b) },
    {
      name: 'admin login',
      request: (b) => post('/admin/login', b, { 'Content-Type': 'application/x-www-form-urlencoded' }),
    },
    { name: 'public api', request: (b) => get(`/api/v1/challenges?${urlPart(b, 500)}=1`) },
    {
      name: 'projects',
      request: (b) => get(`/api/v1/challenges/${urlPart(b, 100)}/projects?page=${b.length}`),
    },
    { name: 'receipts', request: (b) => get(`/api/v1/audit/receipts/${urlPart(b, 200)}`) },
    {
      name: 'results',
      request: (b) =>
        get(`/api/v1/challenges/${urlPart(b, 100)}/results?format=${b.length % 2 ? 'pb' : 'zz'}`),
    },
  ];
}
