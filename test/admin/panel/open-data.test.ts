import type { Router } from 'express';
import request from 'supertest';
import pino from 'pino';
import { createHttpApp } from '../../../app/http-app';
import { seedDemo } from '../../../app/demo/seed-demo';
import { openApiDocument } from '../../../admin/public-api/openapi';
import { publicApiRouter } from '../../../admin/public-api/router';
import type { TestDeps } from '../../support/deps';
import { makeDeps } from '../../support/deps';

interface Layer {
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/** Every `METHOD /path` an express router serves, nested routers included, in OpenAPI spelling. */
function routesOf(router: { stack: Layer[] }, prefix = ''): string[] {
  return router.stack.flatMap((layer) => {
    if (layer.route)
      return Object.keys(layer.route.methods).map(
        (m) => `${m.toUpperCase()} ${(prefix + layer.route!.path).replace(/:(\w+)/g, '{$1}')}`,
      );
    if (layer.handle.stack && typeof layer.rawPath === 'string')
      return routesOf({ stack: layer.handle.stack }, prefix + layer.rawPath);
    return [];
  });
}

describe('open data', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await makeDeps(new Date('2026-03-02T10:00:00Z'));
    await seedDemo(deps);
  });
  afterAll(() => deps.store.close());

  it('documents every public route in the OpenAPI file, and nothing else', async () => {
    const doc = openApiDocument();
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const served = routesOf(publicApiRouter(deps) as unknown as Router & { stack: Layer[] });
    expect(served.length).toBeGreaterThan(5);
    expect([...served].sort()).toEqual([...documented].sort());
    const app = createHttpApp({ deps, logger: pino({ level: 'silent' }), isReady: () => true });
    const r = await request(app).get('/api/v1/openapi.json').expect(200);
    expect(r.body.openapi).toBe('3.1.0');
    expect(r.body.components.schemas.Error.required).toEqual(['code', 'message']);
    // Every $ref points at something that exists.
    for (const [, kind, name] of JSON.stringify(r.body).matchAll(/"#\/components\/(\w+)\/(\w+)"/g))
      expect(r.body.components[kind!]?.[name!]).toBeDefined();
  });

  it('gives no personal data on any public endpoint of a seeded municipality', async () => {
    const app = createHttpApp({ deps, logger: pino({ level: 'silent' }), isReady: () => true });
    const challenges = (await deps.store.challenges.list()).map((c) => c.id);
    const secrets = new Set<string>();
    let receipt = '';
    for (const id of challenges) {
      for (const b of await deps.store.ballots.listByChallenge(id)) {
        if (b.citizenId) secrets.add(b.citizenId);
        secrets.add(b.receipt);
        receipt = b.receipt;
      }
      for (const p of await deps.store.proposals.listByChallenge(id)) if (p.authorId) secrets.add(p.authorId);
    }
    for (const citizenId of [...secrets].filter((s) => s.startsWith('ci')))
      for (const i of (await deps.store.citizens.get(citizenId))?.identities ?? []) secrets.add(i.externalId);
    expect(secrets.size).toBeGreaterThan(50);

    const urls = ['/api/v1/challenges', '/api/v1/audit/head', '/api/v1/openapi.json'];
    for (const id of challenges) {
      urls.push(`/api/v1/challenges/${id}`, `/api/v1/challenges/${id}/projects`);
      for (const f of ['', '?format=csv', '?format=pb']) urls.push(`/api/v1/challenges/${id}/results${f}`);
      urls.push(`/api/v1/challenges/${id}/results.pb`, `/api/v1/challenges/${id}/results.csv`);
      for (const p of await deps.store.proposals.listByChallenge(id))
        urls.push(`/api/v1/challenges/${id}/projects/${p.id}`);
    }
    let published = 0;
    for (const url of urls) {
      const r = await request(app).get(url);
      expect([200, 404]).toContain(r.status);
      if (url.includes('results') && r.status === 200) published++;
      const body = r.text;
      for (const s of secrets) if (body.includes(s)) throw new Error(`${url} leaks ${s}`);
      // The OpenAPI file names the receipt check's fields; data endpoints carry none of these keys.
      if (!url.endsWith('openapi.json'))
        expect([url, /authorId|citizenId|phoneHash|externalId|staff_demo|"receipt"/.exec(body)?.[0]]).toEqual(
          [url, undefined],
        );
    }
    expect(published).toBeGreaterThan(0);
    const [built] = await deps.store.proposals.listByChallenge('demo-playgrounds', ['in_progress']);
    const detail = await request(app).get(
      `/api/v1/challenges/demo-playgrounds/projects/${built!.id}?lang=el`,
    );
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id: built!.id, status: 'in_progress', ratings: { count: 0 } });
    expect(detail.body.updates[0]).toEqual(
      expect.objectContaining({ text: expect.any(String), createdAt: expect.any(String) }),
    );
    expect(detail.body.updates[0]).not.toHaveProperty('authorId');
    await request(app).get(`/api/v1/challenges/demo-green/projects/${built!.id}`).expect(404);
    // One receipt, asked for by its holder, is the only place a receipt comes back.
    const one = await request(app).get(`/api/v1/audit/receipts/${receipt}`).expect(200);
    expect(one.body).toMatchObject({ receipt, found: true });
    expect(one.text).not.toMatch(/citizen/i);
  });
});
