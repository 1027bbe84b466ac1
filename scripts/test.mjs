#!/usr/bin/env node
// `npm test`: builds once, then runs the test levels in order and ends with one "N passed, N failed" line.
//   node scripts/test.mjs [unit] [sandbox] [host] [ui]     (default: all four)
// Levels: unit (pure logic, mocha on Node), sandbox (real SDK clients over HTTPS against the emulator, every answer
// recorded and then checked against the official swagger by test/conformance),
// host (mocha inside the real extension host of code-server), ui (Playwright + Debian chromium on the workbench).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ALL = ['unit', 'sandbox', 'host', 'ui'];
const levels = process.argv.slice(2).filter((a) => ALL.includes(a));
const chosen = levels.length ? levels : ALL;
const OUT = path.join(REPO, 'test-output');
fs.mkdirSync(OUT, { recursive: true });

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: REPO, stdio: 'inherit', ...opts });
  return r.status ?? 1;
}

function step(title, cmd, args) {
  const t = Date.now();
  const code = run(cmd, args);
  console.log(`[test] ${title}: ${code === 0 ? 'ok' : 'FAILED'} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  if (code !== 0) process.exit(code);
}

const bin = (name) => path.join(REPO, 'node_modules/.bin', name);
// A renamed or deleted test must not leave its compiled copy in out/test, where the level's glob would still run it.
fs.rmSync(path.join(REPO, 'out/test'), { recursive: true, force: true });
step('build (esbuild)', process.execPath, ['esbuild.mjs']);
step('compile (tsc)', bin('tsc'), ['-p', '.']);
step('type-check webview UI', bin('tsc'), ['-p', 'src/webview-ui']);

const MOCHA_LEVELS = {
  unit: { glob: 'out/test/unit/**/*.test.js', timeout: 10000 },
  sandbox: { glob: 'out/test/sandbox/**/*.test.js', timeout: 60000 },
  ui: { glob: 'out/test/ui/**/*.test.js', timeout: 180000 },
};

function readReport(file) {
  if (!fs.existsSync(file)) return { passed: 0, failed: 1, pending: 0 };
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function mochaRun(name, { glob, timeout }, env) {
  const report = path.join(OUT, `${name}-report.json`);
  fs.rmSync(report, { force: true });
  run(
    bin('mocha'),
    [
      '--reporter',
      path.join(REPO, 'test/harness/reporter.cjs'),
      '--reporter-option',
      `report=${report}`,
      '--timeout',
      String(timeout),
      ...(name === 'ui' ? ['--slow', '30000'] : []),
      glob,
    ],
    { env },
  );
  return readReport(report);
}

const totals = { passed: 0, failed: 0, pending: 0 };
const rows = [];
for (const level of chosen) {
  const t = Date.now();
  let summary;
  console.log(`\n[test] === ${level} ===`);
  if (level === 'host') {
    const { runHostTests } = createRequire(import.meta.url)(path.join(REPO, 'out/test/harness/runHost.js'));
    summary = await runHostTests();
  } else if (level === 'sandbox') {
    // The sandbox suites run with every answer recorded; the conformance suite then checks the record against the swagger.
    const record = path.join(OUT, 'sandbox-exchanges.jsonl');
    fs.rmSync(record, { force: true });
    const env = { ...process.env, AZB_SANDBOX_RECORD: record };
    const suites = mochaRun('sandbox', MOCHA_LEVELS.sandbox, env);
    const conformance = mochaRun('conformance', { glob: 'out/test/conformance/**/*.test.js', timeout: 60000 }, env);
    summary = {
      passed: suites.passed + conformance.passed,
      failed: suites.failed + conformance.failed,
      pending: suites.pending + conformance.pending,
    };
  } else {
    summary = mochaRun(level, MOCHA_LEVELS[level], process.env);
  }
  const seconds = ((Date.now() - t) / 1000).toFixed(1);
  if (summary.passed + summary.failed + summary.pending === 0) summary.failed = 1; // a level that ran nothing is a failure
  rows.push(
    `${level.padEnd(8)} ${String(summary.passed).padStart(4)} passed ${String(summary.failed).padStart(3)} failed ${String(summary.pending).padStart(3)} skipped  ${seconds} s`,
  );
  for (const k of Object.keys(totals)) totals[k] += summary[k];
}
console.log('\n[test] summary');
for (const r of rows) console.log(`  ${r}`);
// Skipped tests are not allowed here: count them as failures.
const failed = totals.failed + totals.pending;
console.log(`${totals.passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
