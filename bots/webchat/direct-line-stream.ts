import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { DIRECT_LINE_PATH } from './direct-line-router';
import type { DirectLineService, WebchatLogger } from './direct-line-service';
import { isError } from './direct-line-service';

const STREAM_PATH = new RegExp(`^${DIRECT_LINE_PATH}/conversations/([A-Za-z0-9_-]{1,64})/stream$`);
/** Open streams per conversation (tabs of one page); the oldest is closed beyond. */
export const MAX_STREAMS_PER_CONVERSATION = 4;
/** Server pings this often; a socket that missed the previous pong is dropped (it went away silently). */
export const HEARTBEAT_MS = 30_000;
/** A client that reads this far behind is cut off rather than buffered without end. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export interface DirectLineStream {
  close(): void;
}

const refuse = (socket: Duplex, status: 401 | 403 | 404, text: string): void => {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
};

/**
 * The WebSocket `streamUrl` of a conversation: `{activities, watermark}` frames, starting with what
 * the client has not seen (everything, or after the `watermark` of a reconnect URL), then each new
 * activity. The token comes in `t` (browsers cannot set headers on a WebSocket) and is checked once,
 * at the upgrade. Clients only send empty keep-alive messages; anything they send is ignored.
 * Upgrades on other paths are left to other handlers.
 */
export function attachDirectLineStream(
  server: Server,
  service: DirectLineService,
  logger: WebchatLogger,
): DirectLineStream {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const alive = new WeakMap<WebSocket, boolean>();

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(`${DIRECT_LINE_PATH}/`)) return;
    const m = STREAM_PATH.exec(url.pathname);
    if (!m?.[1]) return refuse(socket, 404, 'Not Found');
    const conversationId = m[1];
    const token = url.searchParams.get('t') ?? /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) return refuse(socket, 401, 'Unauthorized');
    const claims = service.check(token, conversationId);
    if (isError(claims)) return refuse(socket, 403, 'Forbidden');
    const c = service.open(claims);
    if (isError(c)) return refuse(socket, 403, 'Forbidden');

    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.set(ws, true);
      const send = (data: object): void => {
        if (ws.readyState !== ws.OPEN) return;
        if (ws.bufferedAmount > MAX_BUFFERED_BYTES) return ws.terminate();
        ws.send(JSON.stringify(data));
      };
      const backlog = service.log.since(c, url.searchParams.get('watermark') ?? undefined);
      if (backlog.activities.length) send(backlog);
      const unsubscribe = service.log.subscribe(c, {
        push: (set) => send(set),
        close: (reason) => ws.close(1001, reason),
      });
      const extra = c.listeners.size - MAX_STREAMS_PER_CONVERSATION;
      if (extra > 0) for (const l of [...c.listeners].slice(0, extra)) l.close('too many streams');
      ws.on('pong', () => alive.set(ws, true));
      ws.on('close', unsubscribe);
      ws.on('error', (err) => logger.warn({ err, conversation: c.id }, 'web chat stream error'));
    });
  };

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.get(ws)) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  server.on('upgrade', onUpgrade);
  return {
    close() {
      clearInterval(heartbeat);
      server.off('upgrade', onUpgrade);
      for (const ws of wss.clients) {
        ws.close(1001, 'server stopping');
        // A client that does not answer the close handshake must not hold the shutdown.
        setTimeout(() => ws.terminate(), 1000).unref();
      }
      wss.close();
    },
  };
}
