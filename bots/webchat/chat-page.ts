import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Router } from 'express';
import type { Request, Response } from 'express';

export const CHAT_PATH = '/chat';

/** The Web Chat bundle without Adaptive Cards and speech: text, suggested actions and images are all Agora sends. */
const BUNDLE = 'webchat-minimal.js';

interface Asset {
  body: Buffer;
  gzip?: Buffer;
  type: string;
  etag: string;
}

/** Web Chat's dist folder. Its package exports only `.`, so the folder is found from the main entry. */
function webchatDist(): { dir: string; version: string } {
  const main = require.resolve('botframework-webchat');
  const root = join(dirname(main), '..');
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string })
    .version;
  return { dir: join(root, 'dist'), version };
}

/** `bots/webchat/public`, from source (ts-jest) or from dist/ (tsc copies no .js/.css assets). */
function publicDir(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = [join(dir, 'public'), join(dir, 'bots', 'webchat', 'public')].find((p) =>
      existsSync(join(p, 'chat.js')),
    );
    if (candidate) return candidate;
    if (dirname(dir) === dir) throw new Error(`bots/webchat/public not found above ${from}`);
  }
}

const asset = (body: Buffer, type: string): Asset => ({
  body,
  type,
  etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`,
});

/** Sends an asset under a content-addressed URL: cached for a year, gzipped when the client takes it. */
function serve(req: Request, res: Response, a: Asset): void {
  res.set({
    'Content-Type': a.type,
    'Cache-Control': 'public, max-age=31536000, immutable',
    ETag: a.etag,
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
  });
  if (req.get('if-none-match') === a.etag) {
    res.status(304).end();
    return;
  }
  if (/\bgzip\b/.test(req.get('accept-encoding') ?? '')) {
    a.gzip ??= gzipSync(a.body);
    res.set('Content-Encoding', 'gzip').send(a.gzip);
    return;
  }
  res.send(a.body);
}

/**
 * The hash of an empty inline style. Web Chat 4.18 does not hand its nonce to the scroll-to-bottom
 * component, whose emotion cache then inserts an empty `<style>` without one and fills it through
 * CSSOM (`insertRule`, which CSP does not check). Allowing exactly the empty content lets that
 * sheet exist without opening `'unsafe-inline'`: an injected non-empty style is still refused.
 */
export const EMPTY_STYLE_HASH = `sha256-${createHash('sha256').update('').digest('base64')}`;

const escapeAttr = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface ChatPageOptions {
  /** PUBLIC_URL: its WebSocket origin is allowed in the CSP (the stream URL is built from it). */
  publicUrl?: string;
  /** Sites allowed to show /chat in a frame (a municipality's portal); none by default. */
  frameAncestors?: readonly string[];
}

/**
 * `GET /chat`: Bot Framework Web Chat served from node_modules (no CDN), with a language selector.
 * The Content-Security-Policy allows this origin only, plus its WebSocket for the stream, `data:`
 * images (the results chart) and styles carrying the per-response nonce (Web Chat injects its CSS
 * at run time and stamps it with the `nonce` it is given). There is no inline script at all.
 */
export function chatPageRouter(opts: ChatPageOptions = {}): Router {
  const dist = webchatDist();
  const pub = publicDir();
  const js = asset(readFileSync(join(pub, 'chat.js')), 'text/javascript; charset=utf-8');
  const css = asset(readFileSync(join(pub, 'chat.css')), 'text/css; charset=utf-8');
  let bundle: Asset | undefined;
  const jsPath = `${CHAT_PATH}/assets/chat.${js.etag.slice(1, 9)}.js`;
  const cssPath = `${CHAT_PATH}/assets/chat.${css.etag.slice(1, 9)}.css`;
  const bundlePath = `${CHAT_PATH}/assets/webchat-${dist.version}.min.js`;
  const streamOrigin = opts.publicUrl ? new URL(opts.publicUrl.replace(/^http/, 'ws')).origin : undefined;

  const r = Router();
  r.get(CHAT_PATH, (req, res) => {
    const nonce = randomBytes(16).toString('base64');
    const host = req.get('host') ?? 'localhost';
    const connect = ["'self'", `ws://${host}`, `wss://${host}`, ...(streamOrigin ? [streamOrigin] : [])];
    const csp = [
      "default-src 'none'",
      "script-src 'self'",
      `style-src 'self' 'nonce-${nonce}' '${EMPTY_STYLE_HASH}'`,
      "img-src 'self' data: blob:",
      `connect-src ${[...new Set(connect)].join(' ')}`,
      "font-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      `frame-ancestors ${opts.frameAncestors?.length ? opts.frameAncestors.join(' ') : "'self'"}`,
    ].join('; ');
    res.set({
      'Content-Security-Policy': csp,
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    });
    res.send(page({ nonce, jsPath, cssPath, bundlePath }));
  });
  r.get(jsPath, (req, res) => serve(req, res, js));
  r.get(cssPath, (req, res) => serve(req, res, css));
  r.get(bundlePath, (req, res) => {
    // Read on first use: servers that never show the page do not hold 2 MB for it.
    bundle ??= asset(readFileSync(join(dist.dir, BUNDLE)), 'text/javascript; charset=utf-8');
    serve(req, res, bundle);
  });
  return r;
}

/**
 * The page. English until chat.js runs and applies the stored or browser language (it also holds
 * the page's few strings in the four languages); the selector comes first in the focus order, then
 * Web Chat's transcript, suggested actions and send box.
 */
function page(p: { nonce: string; jsPath: string; cssPath: string; bundlePath: string }): string {
  const n = escapeAttr(p.nonce);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<link rel="icon" href="data:,">
<title>Agora</title>
<link rel="stylesheet" href="${p.cssPath}">
<script defer src="${p.bundlePath}"></script>
<script defer src="${p.jsPath}" nonce="${n}"></script>
</head>
<body>
<header class="bar">
  <h1 id="title">Agora</h1>
  <div class="lang">
    <label for="lang" id="lang-label">Language</label>
    <select id="lang" name="lang">
      <option value="en" lang="en">English</option>
      <option value="el" lang="el">Ελληνικά</option>
      <option value="bg" lang="bg">Български</option>
      <option value="cs" lang="cs">Čeština</option>
    </select>
  </div>
</header>
<main id="main" aria-labelledby="title">
  <p id="status" class="status" role="status" aria-live="polite"></p>
  <div id="webchat" class="webchat"></div>
  <noscript><p class="status">This chat needs JavaScript.</p></noscript>
</main>
</body>
</html>
`;
}
