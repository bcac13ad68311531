import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import pino from 'pino';
import WebSocket from 'ws';
import { DirectLine } from 'botframework-directlinejs';
import type { Activity } from 'botframework-directlinejs';
import { createHttpApp } from '../../../app/http-app';
import type { DialogEngine } from '../../../bots/dialog/engine';
import type { Webchat, WebchatOptions } from '../../../bots/webchat/webchat';
import { buildWebchat } from '../../../bots/webchat/webchat';
import type { TestDeps } from '../../support/deps';
import { engineOn } from '../dialog/support';

export const silent = pino({ level: 'silent' });
export const SECRET = 'test-webchat-secret-0123456789';

export interface Running {
  url: string;
  domain: string;
  server: Server;
  webchat: Webchat;
  engine: DialogEngine;
  close(): Promise<void>;
}

/** The whole app (as app/ will wire it) with the web chat channel, on an ephemeral loopback port. */
export async function startWebchat(deps: TestDeps, extra: Partial<WebchatOptions> = {}): Promise<Running> {
  const engine = engineOn(deps);
  const webchat = buildWebchat({
    engine,
    stores: deps.store,
    clock: deps.clock,
    logger: silent,
    secret: SECRET,
    ...extra,
  });
  const app = createHttpApp({ deps, logger: silent, isReady: () => true, channelRouters: webchat.routers });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  webchat.attachWebSocket(server);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    domain: `${url}/v3/directline`,
    server,
    webchat,
    engine,
    async close() {
      webchat.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// DirectLineJS speaks RxJS 5; its own copy is used so that the Observable is the one it expects.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Observable } = require(
  require.resolve('rxjs/Observable', { paths: [dirname(require.resolve('botframework-directlinejs'))] }),
) as { Observable: { create(f: (sub: Subscriber) => () => void): unknown } };

interface Subscriber {
  next(v: unknown): void;
  error(e: unknown): void;
  complete(): void;
}

interface AjaxRequest {
  method?: string;
  url?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * DirectLineJS's `ajax` service over Node's fetch: in a browser it uses XMLHttpRequest, which Node
 * lacks. It answers like RxJS's AjaxObservable: `{ response, status, xhr }`, errors carrying `status`.
 */
export function fetchAjax(req: AjaxRequest): unknown {
  return Observable.create((sub) => {
    const ctl = new AbortController();
    void (async () => {
      try {
        const res = await fetch(req.url ?? '', {
          method: req.method ?? 'GET',
          headers: req.headers,
          body: req.body === undefined ? undefined : JSON.stringify(req.body),
          signal: ctl.signal,
        });
        const text = await res.text();
        const response: unknown = text ? JSON.parse(text) : null;
        const xhr = { getResponseHeader: (n: string) => res.headers.get(n) };
        if (res.status >= 400) sub.error({ status: res.status, response, xhr });
        else {
          sub.next({ status: res.status, response, xhr });
          sub.complete();
        }
      } catch (err) {
        if (!ctl.signal.aborted) sub.error({ status: 0, error: err });
      }
    })();
    return () => ctl.abort();
  });
}

/** The real Direct Line client, in Node: fetch for HTTP, `ws` for the stream. */
export function directLineClient(opts: {
  domain: string;
  token: string;
  webSocket: boolean;
  conversationId?: string;
}): DirectLine {
  const g = globalThis as { WebSocket?: unknown };
  // DirectLineJS decides at construction, from the global, whether WebSockets exist at all.
  if (opts.webSocket) g.WebSocket ??= WebSocket;
  return new DirectLine({
    ...opts,
    pollingInterval: 200,
    ajax: fetchAjax as never,
    WebSocket: WebSocket as never,
  });
}

/** Collects a client's activities; `waitFor` resolves once one matches. */
export class Inbox {
  readonly activities: Activity[] = [];
  /** What the client's activity stream failed with (an ended conversation, a refused token). */
  error: unknown;
  private waiters: { pred: (a: Activity) => boolean; resolve: (a: Activity) => void }[] = [];
  private readonly sub: { unsubscribe(): void };

  constructor(dl: DirectLine) {
    this.sub = dl.activity$.subscribe({
      next: (a) => {
        this.activities.push(a);
        this.waiters = this.waiters.filter((w) => (w.pred(a) ? (w.resolve(a), false) : true));
      },
      error: (e: unknown) => {
        this.error = e;
      },
    });
  }

  waitFor(pred: (a: Activity) => boolean, what = 'an activity', ms = 8000): Promise<Activity> {
    const found = this.activities.find(pred);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `timed out waiting for ${what}; got:\n${this.activities.map((a) => describeActivity(a)).join('\n')}`,
            ),
          ),
        ms,
      );
      this.waiters.push({
        pred,
        resolve: (a) => {
          clearTimeout(timer);
          resolve(a);
        },
      });
    });
  }

  /** The next bot message whose text matches. */
  fromBot(re: RegExp): Promise<Activity> {
    return this.waitFor(
      (a) => a.type === 'message' && a.from.role === 'bot' && re.test(a.text ?? ''),
      `a bot message matching ${re}`,
    );
  }

  stop(): void {
    this.sub.unsubscribe();
  }
}

export const describeActivity = (a: Activity): string =>
  `${a.from.role ?? a.from.id}: ${a.type === 'message' ? (a.text ?? '') : a.type}`;

/** The postBack value of the button whose title contains `label` in the activity's suggested actions. */
export function buttonValue(a: Activity, label: string): string {
  const actions = (a as { suggestedActions?: { actions: { title: string; value: string }[] } })
    .suggestedActions?.actions;
  const b = actions?.find((x) => x.title.includes(label));
  if (!b) throw new Error(`no button "${label}" in ${JSON.stringify(actions)}`);
  return b.value;
}

/** What Web Chat posts for a pressed postBack suggested action (see its sendPostBack saga). */
export const postBack = (from: string, value: string): Activity =>
  ({
    type: 'message',
    from: { id: from, role: 'user' },
    text: value,
    channelData: { postBack: true },
  }) as Activity;

export const message = (from: string, text: string): Activity =>
  ({ type: 'message', from: { id: from, role: 'user' }, text }) as Activity;

/** Posts through the client and resolves with the id the server gave. */
export function post(dl: DirectLine, a: Activity): Promise<string> {
  return new Promise((resolve, reject) => {
    dl.postActivity(a).subscribe({ next: resolve, error: reject });
  });
}

export async function generate(
  domain: string,
  body: object = {},
): Promise<{
  status: number;
  body: { conversationId: string; token: string; expires_in: number; ticket: string; user: { id: string } };
}> {
  const res = await fetch(`${domain}/tokens/generate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as never };
}
