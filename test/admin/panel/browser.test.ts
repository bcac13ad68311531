import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ensureFirstAdmin } from '../../../admin/panel';
import { seedDemo } from '../../../app/demo/seed-demo';
import { unwrap } from '../../../core/shared/result';
import { castBallot } from '../../../core/usecases/ballots/cast-ballot';
import { submitProposal } from '../../../core/usecases/proposals/submit';
import { artifactsDir, describeInChromium, launchChromium } from '../../support/chromium';
import type { TestDeps } from '../../support/deps';
import { makeDeps } from '../../support/deps';
import { aCitizenIn } from '../../support/scenario';
import { panelApp, PASSWORD } from './support';

const ARTIFACTS = artifactsDir('admin');
const maybe = describeInChromium('admin panel browser test');

jest.setTimeout(120_000);

maybe('admin panel in Chromium', () => {
  let deps: TestDeps;
  let server: Server;
  let base: string;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    deps = await makeDeps();
    await seedDemo(deps);
    await ensureFirstAdmin(
      deps.store,
      { email: 'mayor@city.example', password: PASSWORD },
      () => undefined,
      deps.clock,
    );
    server = await new Promise<Server>((resolve) => {
      const s = panelApp(deps).listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await deps?.store.close();
  });

  async function open(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('dialog', (d) => void d.accept());
    await page.addInitScript(`document.addEventListener('securitypolicyviolation', (e) =>
      console.error('CSP ' + e.violatedDirective + ' ' + e.blockedURI));`);
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.protocol !== 'data:' && u.host !== new URL(base).host)
        problems.push(`off-origin request: ${r.url()}`);
    });
    return page;
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const flash = (page: Page) => page.locator('.flash').first().textContent();

  it('runs a participatory budget: create, accept, publish, post an update that reaches a follower', async () => {
    const page = await open();
    await page.goto(`${base}/admin`);
    expect(page.url()).toBe(`${base}/admin/login`);
    await page.getByLabel('E-mail').fill('mayor@city.example');
    await page.getByLabel('Password').fill('wrong password!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await flash(page)).toContain('Sign-in failed');
    await shot(page, '01-login');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/admin`);
    await page.locator('#chart-budget').waitFor();
    await page.waitForFunction("typeof Chart !== 'undefined' && Object.keys(Chart.instances).length === 5");
    await shot(page, '02-dashboard');

    // Create a challenge.
    await page.getByRole('link', { name: 'Challenges' }).click();
    await page.getByRole('link', { name: 'New challenge' }).click();
    await page.locator('input[name="title_en"]').fill('Lights for the old town');
    await page.locator('input[name="title_el"]').fill('Φώτα για την παλιά πόλη');
    await page.locator('textarea[name="desc_en"]').fill('Street lighting ideas');
    await page.locator('input[name="domain"]').fill('mobility');
    await page.locator('input[name="budget"]').fill('1000');
    await shot(page, '03-new-challenge');
    await page.getByRole('button', { name: 'Create challenge' }).click();
    expect(await flash(page)).toContain('created');
    const challengeId = new URL(page.url()).pathname.split('/').pop() as string;

    // A citizen proposes through the bot while the admin has opened proposals.
    const force = async (phase: string) => {
      await page.getByLabel('Force phase').selectOption(phase);
      await page.getByRole('button', { name: 'Apply' }).click();
      expect(await flash(page)).toContain(phase);
    };
    await force('proposals');
    const citizen = await aCitizenIn(deps);
    const proposal = unwrap(
      await submitProposal(deps, citizen, challengeId, {
        title: { en: 'Lamps on Market Street' },
        description: { en: 'Ten LED lamps' },
        cost: 600,
      }),
    );
    await force('review');

    // Accept it.
    await page.getByRole('link', { name: 'Review proposals' }).click();
    await shot(page, '04-review');
    await page.locator(`#p-${proposal.id}`).getByRole('button', { name: 'Accept' }).click();
    expect(await flash(page)).toContain('accepted');
    await page.getByRole('link', { name: /← Lights/ }).click();

    // Voting: a follower-to-be votes, then voting ends.
    await force('voting');
    const voter = await aCitizenIn(deps);
    unwrap(await castBallot(deps, voter, challengeId, [{ projectId: proposal.id }]));
    await force('results');

    // Publish.
    await page.getByRole('link', { name: 'Results', exact: true }).click();
    await page.getByRole('button', { name: 'Publish results' }).click();
    expect(await flash(page)).toContain('Results published');
    await shot(page, '05-results');
    const kinds = (await deps.store.outbox.listByCitizen(voter)).map((n) => n.kind);
    expect(kinds).toContain('results.published');

    // Post an update on the winner.
    await page.goto(`${base}/admin/challenges/${challengeId}/projects`);
    await page.getByRole('link', { name: /Lamps on Market Street/ }).click();
    await page.locator('textarea[name="text"]').fill('Lamps ordered; installation in May.');
    await page.getByLabel('Progress %').fill('25');
    await page.getByLabel('Status').selectOption('in_progress');
    await page.getByRole('button', { name: /Post and notify/ }).click();
    expect(await flash(page)).toContain('followers will be notified');
    const rows = await deps.store.outbox.listByCitizen(voter);
    const update = rows.find((n) => n.kind === 'project.update');
    expect(update).toMatchObject({
      channel: 'console',
      payload: { projectId: proposal.id, progress: 25, status: 'in_progress' },
    });
    const delivery = (await page.locator('.updates .delivery').first().innerText()).replace(/\s+/g, ' ');
    expect(delivery).toMatch(/2 queued · 0 delivered · 2 waiting/); // the voter and the proposer follow it
    await shot(page, '06-project-update');

    // The audit chain holds.
    await page.getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('button', { name: 'Verify the whole chain' }).click();
    expect(await flash(page)).toContain('Audit chain OK');
    await shot(page, '07-audit');

    // The failed sign-in answered 401 on purpose; nothing else may fail or be refused by the CSP.
    expect(problems.filter((p) => !p.includes('status of 401'))).toEqual([]);
  });
});
