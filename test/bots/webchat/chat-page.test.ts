import request from 'supertest';
import express from 'express';
import { chatPageRouter, EMPTY_STYLE_HASH } from '../../../bots/webchat/chat-page';

const app = express().use(chatPageRouter({ publicUrl: 'https://agora.example.org' }));

describe('GET /chat', () => {
  it('serves the page with a self-only Content-Security-Policy and no inline script', async () => {
    const r = await request(app).get('/chat').set('Host', 'chat.local:3000').expect(200);
    expect(r.type).toBe('text/html');
    const csp = String(r.headers['content-security-policy']);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain(`style-src 'self' 'nonce-${nonce}' '${EMPTY_STYLE_HASH}'`);
    expect(csp).toContain(
      "connect-src 'self' ws://chat.local:3000 wss://chat.local:3000 wss://agora.example.org",
    );
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:\/\//);
    // A fresh nonce per response.
    const again = await request(app).get('/chat').expect(200);
    expect(again.headers['content-security-policy']).not.toContain(nonce);

    const html = r.text;
    expect(html.match(/<script[^>]*>/g)?.every((t) => / src="\/chat\/assets\//.test(t))).toBe(true);
    expect(html).not.toMatch(/<script[^>]*>[^<]+<\/script>/);
    expect(html).toContain('<label for="lang"');
    expect(html).toContain('name="viewport" content="width=device-width, initial-scale=1"');
    expect(html.match(/<option value="(en|el|bg|cs)"/g)).toHaveLength(4);
  });

  it('serves Web Chat from node_modules under a versioned, cached, gzipped URL', async () => {
    const html = (await request(app).get('/chat')).text;
    const bundle = /src="(\/chat\/assets\/webchat-[\d.]+\.min\.js)"/.exec(html)?.[1] ?? '';
    const plain = await request(app).get(bundle).set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['cache-control']).toContain('immutable');
    expect(plain.headers['content-type']).toMatch(/javascript/);
    expect(String(plain.text)).toContain('renderWebChat');
    const zipped = await request(app).get(bundle).set('Accept-Encoding', 'gzip').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    // The length on the wire (supertest hands back the unzipped text).
    expect(Number(zipped.headers['content-length'])).toBeLessThan(plain.text.length / 2);
    await request(app).get(bundle).set('If-None-Match', String(plain.headers.etag)).expect(304);

    for (const asset of html.match(/\/chat\/assets\/chat\.[\w-]+\.(js|css)/g) ?? [])
      await request(app).get(asset).expect(200);
    await request(app).get('/chat/assets/nope.js').expect(404);
  });
});
