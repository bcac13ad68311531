import { createServer } from 'node:http';
import { serveAndReportPort } from './child-server';

/**
 * A light stand-in for the Telegram Bot API, run as its own process by the chat benchmarks so that
 * its work is not billed to the server under test nor to the load generator. It answers every
 * method as Telegram would (a message for send/edit calls, `true` otherwise) and counts what it
 * received, so a benchmark can prove the replies really went out: a server answering 200 without
 * replying would otherwise look fast.
 *
 * `GET /stats` returns the counts; `POST /stats/reset` zeroes them. Marker texts (JSON array in
 * FAKE_MARKERS) are counted when a reply starts with one: the bench passes the flood guard's and
 * the engine's error sentences, to tell throttled or failed turns from real answers.
 */

const markers = JSON.parse(process.env.FAKE_MARKERS ?? '[]') as { name: string; prefixes: string[] }[];

interface Stats {
  calls: Record<string, number>;
  /** Chats that received at least one message (send, edit or photo). */
  chats: Set<string>;
  marked: Record<string, number>;
  /** Calls whose JSON body could not be read (multipart photos excepted). */
  unreadable: number;
}

const fresh = (): Stats => ({ calls: {}, chats: new Set(), marked: {}, unreadable: 0 });
let stats = fresh();
let nextMessageId = 1000;

const MESSAGE_METHODS = new Set(['sendMessage', 'editMessageText', 'sendPhoto']);

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const url = req.url ?? '/';
    if (url === '/stats') {
      const body = JSON.stringify({ ...stats, chats: stats.chats.size });
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      return;
    }
    if (url === '/stats/reset') {
      stats = fresh();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    // /bot<token>/<method>: the token is not checked, only one bot talks to each fake.
    const method = url.slice(url.lastIndexOf('/') + 1);
    stats.calls[method] = (stats.calls[method] ?? 0) + 1;
    let result: unknown = true;
    if (method === 'getMe')
      result = { id: 42, is_bot: true, first_name: 'Agora', username: 'agora_bench_bot' };
    else if (MESSAGE_METHODS.has(method)) {
      let body: { chat_id?: unknown; text?: unknown; message_id?: unknown } = {};
      if ((req.headers['content-type'] ?? '').includes('json')) {
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
        } catch {
          stats.unreadable++;
        }
      }
      const chat = String(body.chat_id ?? '');
      if (chat) stats.chats.add(chat);
      const text = typeof body.text === 'string' ? body.text : '';
      for (const m of markers)
        if (m.prefixes.some((p) => text.startsWith(p)))
          stats.marked[m.name] = (stats.marked[m.name] ?? 0) + 1;
      result = {
        message_id: method === 'editMessageText' ? Number(body.message_id) : nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: Number(chat), type: 'private' },
        text,
      };
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result }));
  });
});
serveAndReportPort(server);
