// Runs the mocha suites of test/host INSIDE the real extension host of code-server: the workbench is opened
// with a payload naming the extension under development and the compiled suite (out/test/host/index.js);
// the workbench calls window.codeAutomationExit(code) when the suite ends. The suite writes a JSON report,
// because the extension host's stdout is not visible from here.
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext } from 'playwright-core';
import { REPO, RunningCodeServer, makeRunDir, startCodeServer } from './codeServer';
import { launchBrowser } from './browser';
import { grantTestAccountAccess } from './accountAccess';
import { prepareNetworkLab } from './networkLab';
import { LevelSummary, printResults, readSummary } from './summary';

const TIMEOUT_MS = Number(process.env.AZB_HOST_TIMEOUT_MS || 900000);
/** Display language of the run (e.g. 'nl'); the suites see it as vscode.env.language. English by default. */
const LOCALE = process.env.AZB_HOST_LOCALE || undefined;

/**
 * Every host suite: most in one code-server; the network suite (test/host/network) in a second one, whose
 * environment (HTTPS_PROXY, NO_PROXY) and system store it shapes (networkLab.ts). AZB_HOST_SUITES=main or
 * =network runs one of them.
 */
export async function runHostTests(): Promise<LevelSummary> {
  const wanted = (process.env.AZB_HOST_SUITES || 'main,network').split(',');
  const summaries: LevelSummary[] = [];
  if (wanted.includes('main')) summaries.push(await runHostPass('host', async () => ({})));
  if (wanted.includes('network')) {
    summaries.push(
      await runHostPass('host-network', async (runDir) => {
        const { env, wrap } = await prepareNetworkLab(runDir);
        return { env: { ...env, AZB_HOST_SUITE: 'network' }, wrap };
      }),
    );
  }
  return {
    passed: summaries.reduce((n, s) => n + s.passed, 0),
    failed: summaries.reduce((n, s) => n + s.failed, 0),
    pending: summaries.reduce((n, s) => n + s.pending, 0),
    results: summaries.flatMap((s) => s.results),
  };
}

interface PassSetup {
  env?: Record<string, string>;
  wrap?: string[];
}

async function runHostPass(kind: string, setup: (runDir: string) => Promise<PassSetup>): Promise<LevelSummary> {
  const runDir = makeRunDir(kind);
  const report = path.join(runDir, 'report.json');
  let server: RunningCodeServer | undefined;
  let browser: BrowserContext | undefined;
  let exitCode = 1;
  try {
    const pass = await setup(runDir);
    server = await startCodeServer({
      runDir,
      locale: LOCALE,
      settings: { 'azureBackup.startInSandbox': true },
      wrap: pass.wrap,
      env: {
        // The user settings file, for suites that set keys no installed extension registers (VS Code refuses to
        // write those through the API): the sovereign-cloud settings of Microsoft's authentication extension.
        AZB_USER_SETTINGS: path.join(runDir, 'user-data', 'User', 'settings.json'),
        AZB_REPORT: report,
        AZB_TEST_GREP: process.env.AZB_TEST_GREP ?? '',
        AZB_TEST_OUTPUT: runDir,
        AZB_HOST_LOCALE: LOCALE ?? '',
        ...pass.env,
      },
    });
    const authority = new URL(server.url).host;
    const remote = (p: string): string => `vscode-remote://${authority}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(REPO)],
      ['extensionTestsPath', remote(path.join(REPO, 'out/test/host/index.js'))],
    ];
    browser = await launchBrowser(path.join(runDir, 'chromium'), { locale: LOCALE });
    const page = browser.pages()[0] ?? (await browser.newPage());
    const consoleLog = fs.createWriteStream(path.join(runDir, 'browser-console.log'));
    page.on('console', (m) => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
    let finish: (code: unknown) => void = () => undefined;
    const finished = new Promise<unknown>((r) => {
      finish = r;
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) =>
      consoleLog.write(`[host:${type}] ${JSON.stringify(args)}\n`),
    );
    await page.exposeFunction('codeAutomationExit', (code: unknown) => finish(code));
    await grantTestAccountAccess(page, server.url);
    await page.goto(
      `${server.url}/?folder=${encodeURIComponent(server.dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
    );
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      finished,
      new Promise((r) => {
        timer = setTimeout(() => r('timeout'), TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      await page.screenshot({ path: path.join(runDir, 'timeout.png') }).catch(() => undefined);
      console.error(`[host] the suite did not finish within ${TIMEOUT_MS} ms`);
    } else exitCode = Number(outcome);
  } catch (e) {
    console.error('[host] run failed:', e instanceof Error ? e.stack : e);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }
  const summary = readSummary(report);
  printResults(summary);
  if (exitCode !== 0 && summary.failed === 0) summary.failed = 1;
  if (summary.failed === 0 && summary.pending === 0 && summary.passed > 0)
    fs.rmSync(runDir, { recursive: true, force: true });
  else console.log(`[host] logs kept in ${path.relative(REPO, runDir)}`);
  return summary;
}
