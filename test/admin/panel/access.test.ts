import request from 'supertest';
import type { Express } from 'express';
import { LOCKOUT_MS, LOGIN_FAILED } from '../../../admin/panel/auth';
import { escapeHtml } from '../../../admin/panel/html';
import type { TestDeps } from '../../support/deps';
import { makeDeps } from '../../support/deps';
import { aChallengeIn } from '../../support/scenario';
import { aStaff, csrfOf, PASSWORD, panelApp, post, signedIn } from './support';

let deps: TestDeps;
let app: Express;
beforeEach(async () => {
  deps = await makeDeps();
  app = panelApp(deps);
});
afterEach(() => deps.store.close());

const loginPage = async () => {
  const agent = request.agent(app);
  const page = await agent.get('/admin/login').expect(200);
  return { agent, csrf: csrfOf(page.text) };
};

describe('admin panel access', () => {
  it('sends anonymous visitors to the login page', async () => {
    const home = await request(app).get('/admin').expect(303);
    expect(home.headers.location).toBe('/admin/login');
    const deep = await request(app).get('/admin/challenges').expect(303);
    expect(deep.headers.location).toBe('/admin/login?next=%2Fadmin%2Fchallenges');
  });

  it('sets a session cookie that is HttpOnly, SameSite and Path-scoped, Secure over https', async () => {
    const plain = await request(app).get('/admin/login').expect(200);
    const cookie = String(plain.headers['set-cookie']);
    expect(cookie).toMatch(/agora_admin=[\w-]{40,}; Path=\/admin; HttpOnly; SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const https = panelApp(deps, { publicUrl: 'https://city.example' });
    const secure = await request(https).get('/admin/login').expect(200);
    expect(String(secure.headers['set-cookie'])).toMatch(/; Secure/);
    expect(secure.headers['strict-transport-security']).toMatch(/max-age=/);
  });

  it('sends security headers with a strict CSP', async () => {
    const r = await request(app).get('/admin/login').expect(200);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers a wrong password and an unknown e-mail with the same generic message', async () => {
    const { email } = await aStaff(deps, 'official');
    const a = await loginPage();
    const wrong = await a.agent
      .post('/admin/login')
      .type('form')
      .send({ _csrf: a.csrf, email, password: 'nope' });
    const unknown = await a.agent
      .post('/admin/login')
      .type('form')
      .send({ _csrf: a.csrf, email: 'nobody@city.example', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.text).toContain(escapeHtml(LOGIN_FAILED));
    expect(unknown.text).toContain(escapeHtml(LOGIN_FAILED));
    expect(wrong.text).toContain(`value="${email}"`);
    await a.agent.get('/admin').expect(303);
  });

  it('locks an account for 15 minutes after 5 failed sign-ins, even for the right password', async () => {
    const { email, id } = await aStaff(deps, 'official');
    const a = await loginPage();
    const attempt = (password: string) =>
      a.agent.post('/admin/login').type('form').send({ _csrf: a.csrf, email, password });
    for (let i = 0; i < 5; i++) await attempt('wrong password').expect(401);
    expect((await deps.store.staff.get(id))?.lockedUntil).not.toBeNull();
    const locked = await attempt(PASSWORD).expect(401);
    expect(locked.text).toContain(escapeHtml(LOGIN_FAILED));
    deps.clock.advance(LOCKOUT_MS + 1000);
    await attempt(PASSWORD).expect(303);
    expect((await deps.store.staff.get(id))?.failedLogins).toBe(0);
  });

  it('refuses a form without or with a wrong CSRF token (403), also the login form', async () => {
    const { email } = await aStaff(deps, 'admin');
    const a = await loginPage();
    await a.agent.post('/admin/login').type('form').send({ email, password: PASSWORD }).expect(403);
    const s = await signedIn(app, email);
    const form = { action: 'accept' };
    const ch = await aChallengeIn(deps, 'review');
    await s.agent.post(`/admin/challenges/${ch.id}/announce`).type('form').send({ text: 'hi' }).expect(403);
    await s.agent
      .post(`/admin/challenges/${ch.id}/announce`)
      .type('form')
      .send({ _csrf: 'x'.repeat(43), text: 'hi' })
      .expect(403);
    await s.agent.post('/admin/proposals/pr_x/review').type('form').send(form).expect(403);
    await post(s, `/admin/challenges/${ch.id}/announce`, { text: 'hi' }).expect(303);
  });

  it('ends the session on sign-out and after two idle hours', async () => {
    const { email } = await aStaff(deps, 'official');
    const s = await signedIn(app, email);
    deps.clock.advance(2 * 3600_000 + 1000);
    await s.agent.get('/admin').expect(303);
    const t = await signedIn(app, email);
    await post(t, '/admin/logout', {}).expect(303);
    await t.agent.get('/admin').expect(303);
  });

  it('lets only an admin create staff; a disabled account is signed out and cannot sign in', async () => {
    const admin = await signedIn(app, (await aStaff(deps, 'admin')).email);
    const officialAccount = await aStaff(deps, 'official');
    const official = await signedIn(app, officialAccount.email);
    const form = { name: 'Eva', email: 'eva@city.example', role: 'official', password: '' };
    await official.agent.get('/admin/staff').expect(403);
    await post(official, '/admin/staff', form).expect(403);
    await post(admin, '/admin/staff', form).expect(303);
    const page = await admin.agent.get('/admin/staff').expect(200);
    expect(page.text).toMatch(/created with password [A-Za-z0-9]{20}/);
    expect(await deps.store.staff.findByEmail('eva@city.example')).toMatchObject({ role: 'official' });
    const bad = await post(admin, '/admin/staff', { ...form, email: 'not-an-email' }).expect(400);
    expect(bad.text).toContain('e-mail: enter an address');
    expect(bad.text).toContain('value="not-an-email"');
    await post(admin, '/admin/staff', { ...form, email: 'x@city.example', password: 'short' }).expect(400);
    await post(admin, `/admin/staff/${officialAccount.id}/disable`, {}).expect(303);
    await official.agent.get('/admin').expect(303);
    const again = request.agent(app);
    const login = await again.get('/admin/login');
    await again
      .post('/admin/login')
      .type('form')
      .send({ _csrf: csrfOf(login.text), email: officialAccount.email, password: PASSWORD })
      .expect(401);
  });
});
