import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

export interface ViberCall {
  method: string;
  body: Record<string, unknown>;
  at: number;
}

interface Failure {
  /** A Viber status in an HTTP 200 answer... */
  status?: number;
  statusMessage?: string;
  /** ...or an HTTP error (429, 500, ...). */
  http?: number;
  retryAfter?: number;
  count: number;
}

interface KeyboardButton {
  ActionType: string;
  ActionBody: string;
  Text: string;
  Columns?: number;
}

/**
 * A local stand-in for the Viber REST bot API (`<root>/<method>`, root ending in `/pa`): checks
 * `X-Viber-Auth-Token` (a wrong one gets Viber's `status 2` in an HTTP 200, as Viber does), records
 * every call, and can be told to fail the next calls with a Viber status (e.g. 6, receiver not
 * subscribed) or an HTTP error (429 with Retry-After, 500). `message_token`s are written as bare
 * 19-digit numbers, as Viber does, to keep clients honest about 64-bit integers.
 */
export class FakeViber {
  readonly calls: ViberCall[] = [];
  private server: Server | null = null;
  private failures: Failure[] = [];
  private readonly unsubscribed = new Set<string>();
  private nextToken = 5741311803571721000n;
  /** Delay before answering (to test client timeouts). */
  delayMs = 0;

  constructor(readonly token = '4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51f') {}

  get root(): string {
    const port = (this.server?.address() as AddressInfo | null)?.port;
    return `http://127.0.0.1:${port}/pa`;
  }

  async start(): Promise<this> {
    const app = express();
    app.post('/pa/:method', express.raw({ type: () => true, limit: '5mb' }), (req, res) => {
      const { method } = req.params as { method: string };
      const reply = (status: number, json: string) => {
        const send = () => res.status(status).type('application/json').send(json);
        if (this.delayMs > 0) setTimeout(send, this.delayMs);
        else send();
      };
      if (req.get('X-Viber-Auth-Token') !== this.token) {
        reply(200, JSON.stringify({ status: 2, status_message: 'invalidAuthToken' }));
        return;
      }
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '{}') as Record<
          string,
          unknown
        >;
      } catch {
        reply(200, JSON.stringify({ status: 3, status_message: 'badData' }));
        return;
      }
      this.calls.push({ method, body, at: Date.now() });
      const failure = this.failures[0];
      if (failure) {
        if (--failure.count <= 0) this.failures.shift();
        if (failure.http !== undefined) {
          if (failure.retryAfter !== undefined) res.set('Retry-After', String(failure.retryAfter));
          reply(failure.http, JSON.stringify({ error: 'failure' }));
        } else
          reply(
            200,
            JSON.stringify({
              status: failure.status,
              status_message: failure.statusMessage ?? `status${failure.status}`,
            }),
          );
        return;
      }
      if (method === 'send_message' && this.unsubscribed.has(String(body.receiver))) {
        reply(200, JSON.stringify({ status: 6, status_message: 'receiverNotSubscribed' }));
        return;
      }
      reply(200, this.result(method, body));
    });
    await new Promise<void>((resolve) => {
      this.server = app.listen(0, '127.0.0.1', () => resolve());
    });
    return this;
  }

  async stop(): Promise<void> {
    const s = this.server;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
    this.server = null;
  }

  /** The next `count` calls answer HTTP 200 with this non-zero Viber status. */
  failNextWithStatus(status: number, opts: { count?: number; statusMessage?: string } = {}): void {
    this.failures.push({ status, statusMessage: opts.statusMessage, count: opts.count ?? 1 });
  }

  /** The next `count` calls fail at the HTTP level (429, 500, ...), with an optional Retry-After. */
  failNextWithHttp(http: number, opts: { count?: number; retryAfter?: number } = {}): void {
    this.failures.push({ http, retryAfter: opts.retryAfter, count: opts.count ?? 1 });
  }

  /** Behave as if this user unsubscribed: send_message answers status 6. */
  unsubscribe(userId: string): void {
    this.unsubscribed.add(userId);
  }

  /** send_message bodies to one user, in order. */
  sentTo(userId: string): Record<string, unknown>[] {
    return this.calls
      .filter((c) => c.method === 'send_message' && c.body.receiver === userId)
      .map((c) => c.body);
  }

  textsTo(userId: string): string[] {
    return this.sentTo(userId).map((b) => String(b.text ?? ''));
  }

  /** The keyboard buttons of the last message sent to `userId` that carried a keyboard. */
  lastKeyboard(userId: string): KeyboardButton[] {
    const withKeyboard = this.sentTo(userId).filter((b) => b.keyboard);
    const last = withKeyboard[withKeyboard.length - 1];
    return ((last?.keyboard as { Buttons?: KeyboardButton[] } | undefined)?.Buttons ?? []).slice();
  }

  private result(method: string, body: Record<string, unknown>): string {
    switch (method) {
      case 'send_message':
        // A bare 64-bit number, as Viber writes it: JSON.parse would round it.
        return `{"status":0,"status_message":"ok","message_token":${this.nextToken++},"chat_hostname":"SN-CHAT-01_"}`;
      case 'set_webhook':
        return JSON.stringify({
          status: 0,
          status_message: 'ok',
          event_types: body.event_types ?? ['delivered', 'seen', 'failed', 'subscribed', 'unsubscribed'],
        });
      case 'get_account_info':
        return JSON.stringify({
          status: 0,
          status_message: 'ok',
          id: 'pa:75346594275468546724',
          name: 'Agora',
          uri: 'agora',
          subscribers_count: 1,
        });
      default:
        return JSON.stringify({ status: 0, status_message: 'ok' });
    }
  }
}
