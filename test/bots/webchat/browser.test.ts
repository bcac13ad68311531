import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactsDir, describeInChromium, launchChromium } from '../../support/chromium';
import type { TestDeps } from '../../support/deps';
import { makeDeps } from '../../support/deps';
import { aChallengeWithProjects } from '../../support/scenario';
import type { Running } from './support';
import { startWebchat } from './support';

const ARTIFACTS = artifactsDir('webchat');
const maybe = describeInChromium('web chat browser test');

jest.setTimeout(90_000);

maybe('GET /chat in Chromium', () => {
  let deps: TestDeps;
  let srv: Running;
  let browser: Browser;
  const problems: string[] = [];
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    deps = await makeDeps();
    srv = await startWebchat(deps);
    problems.length = 0;
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    await srv.webchat.directLine.idle();
    await srv.close();
    await deps.store.close();
  });

  async function open(viewport: { width: number; height: number }, locale = 'en-US'): Promise<Page> {
    context = await browser.newContext({ viewport, locale });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    // CSP refusals with their details (the console line alone does not say what was refused).
    await page.addInitScript(`document.addEventListener('securitypolicyviolation', (e) =>
      console.error('CSP ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));`);
    // Any request off this origin (a CDN) would show up here.
    page.on('request', (r) => {
      const u = new URL(r.url());
      const local = u.protocol === 'data:' || u.protocol === 'blob:' || u.host === new URL(srv.url).host;
      if (!local) problems.push(`off-origin request: ${r.url()}`);
    });
    await page.goto(`${srv.url}/chat`);
    return page;
  }

  const say = async (page: Page, text: string) => {
    const box = page.getByRole('textbox', { name: /message/i });
    await box.fill(text);
    await box.press('Enter');
  };

  /** Waits for a bubble of the transcript whose text matches (Web Chat also renders hidden labels). */
  const see = (page: Page, text: RegExp) =>
    page.locator('.webchat__text-content', { hasText: text }).last().waitFor();

  /** The suggested action whose label contains `label` (Web Chat renders them as buttons). */
  const action = (page: Page, label: string | RegExp) =>
    page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name: label });
  const press = (page: Page, label: string | RegExp) => action(page, label).click();

  it('greets, shows the reply and its buttons, and completes a vote', async () => {
    const { challenge } = await aChallengeWithProjects(deps, 'voting', [30, 50, 10], { budget: 100 });
    const page = await open({ width: 390, height: 844 });

    // The language selector comes first in the focus order, with its label.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('lang');
    await expect(page.getByLabel('Language', { exact: true }).inputValue()).resolves.toBe('en');

    await say(page, 'hi');
    await see(page, /Which language do you prefer/);
    await action(page, 'English').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'greeting-mobile.png') });
    await press(page, 'English');
    await see(page, /Do you agree/);
    await press(page, 'I agree');
    await see(page, /Here is what you can do/);

    await say(page, 'i want to vote');
    await see(page, /€100 of €100 left/);
    await press(page, /1\. Project 1/);
    await see(page, /€70 of €100 left/);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(ARTIFACTS, 'ballot-mobile.png') });
    // Keyboard only: Tab to the next project and press it with Enter.
    await action(page, /3\. Project 3/).focus();
    await page.keyboard.press('Enter');
    await see(page, /€60 of €100 left/);
    await press(page, /Submit ballot/);
    await see(page, /receipt code is [2-9A-Z]{10}/);
    await page.waitForTimeout(500); // the transcript scrolls to the new message smoothly
    await page.screenshot({ path: join(ARTIFACTS, 'vote-mobile.png') });

    expect(await deps.store.ballots.countByChallenge(challenge.id)).toBe(1);
    // Button payloads travel as postBacks: none shows in the transcript as something typed.
    expect(await page.locator('.webchat__text-content', { hasText: /vt:/ }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('keeps the citizen and the transcript across a reload, and switches language from the selector', async () => {
    const page = await open({ width: 1280, height: 800 });
    await say(page, 'hi');
    await press(page, 'English');
    await press(page, 'I agree');
    await see(page, /Here is what you can do/);

    await page.reload();
    await see(page, /Here is what you can do/);
    await say(page, 'my activity');
    await srv.webchat.directLine.idle();
    const ids = await page.evaluate("localStorage.getItem('agora.webchat.user')");
    expect(ids).toMatch(/ticket/);
    // Still one web citizen, onboarded once: the reload did not make a new one.
    const users = [...new Set([...(await collectUsers(srv))])];
    expect(users).toHaveLength(1);
    const citizen = await deps.store.citizens.findByIdentity('webchat', users[0] ?? '');
    expect(citizen?.consentAt).not.toBeNull();

    await page.getByLabel('Language', { exact: true }).selectOption('el');
    await see(page, /θα σας μιλάω ελληνικά/);
    await expect(page.evaluate('document.documentElement.lang')).resolves.toBe('el');
    await page.getByLabel('Γλώσσα', { exact: true }).waitFor();
    await srv.webchat.directLine.idle();
    expect((await deps.store.citizens.findByIdentity('webchat', users[0] ?? ''))?.locale).toBe('el');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ARTIFACTS, 'greek-desktop.png') });
    expect(problems).toEqual([]);
  });
});

/** The user ids of the conversations the server holds. */
async function collectUsers(srv: Running): Promise<string[]> {
  const log = srv.webchat.directLine.log as unknown as { convs: Map<string, { userId: string }> };
  return [...log.convs.values()].map((c) => c.userId);
}
