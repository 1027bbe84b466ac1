// Debian's chromium driven by playwright-core (never a downloaded browser), isolated in its own profile and HOME.
import * as fs from 'fs';
import { BrowserContext, chromium } from 'playwright-core';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function launchBrowser(profileDir: string, options: { locale?: string } = {}): Promise<BrowserContext> {
  const home = `${profileDir}-home`;
  fs.mkdirSync(home, { recursive: true });
  return chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    locale: options.locale,
    viewport: { width: 1400, height: 900 },
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: `${home}/.config`, XDG_CACHE_HOME: `${home}/.cache` },
  });
}
