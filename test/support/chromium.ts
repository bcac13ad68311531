import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs it with apt-get when missing); playwright never downloads one. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `describe` when Chromium is there, else `describe.skip` with one line saying why. */
export function describeInChromium(what: string): jest.Describe {
  if (existsSync(CHROMIUM)) return describe;
  console.log(`SKIP ${what}: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  return describe.skip;
}

/** Headless Chromium with the flags this closed network needs (no background calls home). */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });

/** Where a browser test saves its screenshots (git-ignored). */
export const artifactsDir = (name: string): string => join(__dirname, '..', 'artifacts', name);
