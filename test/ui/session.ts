// One real workbench for a UI test: an isolated code-server with the extension installed, and Debian chromium.
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../harness/browser';
import { REPO, RunningCodeServer, makeRunDir, startCodeServer } from '../harness/codeServer';
import { waitForWorkbench } from './workbench';

export interface WorkbenchSession {
  page: Page;
  runDir: string;
  /** Saves a numbered screenshot under the run's folder (kept as test output). */
  screenshot(name: string): Promise<string>;
  stop(options?: { keepOutput?: boolean }): Promise<void>;
}

export interface SessionOptions {
  name: string;
  settings?: Record<string, unknown>;
  locale?: string;
  activityTitle?: string;
  /** Runs before code-server starts, with its user-data folder (e.g. to seed the sandbox's data file). */
  beforeStart?: (userDataDir: string) => Promise<void>;
  /** Environment of that code-server only (e.g. NODE_EXTRA_CA_CERTS). */
  env?: Record<string, string>;
  /** Runs in the browser before the workbench opens, with code-server's origin (e.g. to grant account access). */
  beforeOpen?: (page: Page, origin: string) => Promise<void>;
}

export async function openWorkbench(o: SessionOptions): Promise<WorkbenchSession> {
  const runDir = makeRunDir(`ui-${o.name}`);
  const shots = path.join(REPO, 'test-output', 'screenshots', o.name);
  fs.rmSync(shots, { recursive: true, force: true });
  fs.mkdirSync(shots, { recursive: true });
  let server: RunningCodeServer | undefined;
  let browser: BrowserContext | undefined;
  try {
    await o.beforeStart?.(path.join(runDir, 'user-data'));
    server = await startCodeServer({
      runDir,
      linkExtension: true,
      locale: o.locale,
      env: o.env,
      settings: { 'azureBackup.startInSandbox': true, ...o.settings },
    });
    browser = await launchBrowser(path.join(runDir, 'chromium'), { locale: o.locale });
    const page = browser.pages()[0] ?? (await browser.newPage());
    const consoleLog = fs.createWriteStream(path.join(runDir, 'browser-console.log'));
    page.on('console', (m) => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => consoleLog.write(`[pageerror] ${e.message}\n`));
    await o.beforeOpen?.(page, server.url);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(server.dirs.workspace)}`);
    await waitForWorkbench(page, o.activityTitle ?? 'Azure Backup');
    let step = 0;
    const running = { server, browser };
    return {
      page,
      runDir,
      async screenshot(name) {
        const file = path.join(shots, `${String(++step).padStart(2, '0')}-${name}.png`);
        await page.screenshot({ path: file });
        return file;
      },
      async stop({ keepOutput = false } = {}) {
        await running.browser.close().catch(() => undefined);
        await running.server.stop();
        if (!keepOutput) fs.rmSync(runDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    throw e;
  }
}

/**
 * One workbench for a mocha suite: opened before its tests and stopped after them; when a test failed, a last
 * screenshot is taken and the run's folder (browser console, code-server log) is kept. Call the returned
 * accessor inside hooks and tests, once the workbench is open.
 */
export function useWorkbench(options: SessionOptions): () => WorkbenchSession {
  let session: WorkbenchSession | undefined;
  let failed = false;
  before(async () => {
    session = await openWorkbench(options);
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });
  after(async () => {
    if (failed) await session?.screenshot('failure').catch(() => undefined);
    await session?.stop({ keepOutput: failed });
  });
  return () => {
    if (!session) throw new Error('the workbench did not open');
    return session;
  };
}
