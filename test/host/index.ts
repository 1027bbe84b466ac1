// Loaded by the extension host as extensionTestsPath: runs every compiled test/host suite with mocha.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/** Suites that need a code-server of their own (test/harness/runHost.ts starts one per folder named here). */
export const OWN_SERVER_SUITES = ['network'];

function findTests(dir: string, skip: string[]): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return skip.includes(e.name) ? [] : findTests(full, []);
    return e.name.endsWith('.test.js') ? [full] : [];
  });
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 60000,
    reporter: path.join(__dirname, '../../../test/harness/reporter.cjs'),
    grep: process.env.AZB_TEST_GREP || undefined,
  });
  // AZB_HOST_SUITE names the one folder this code-server runs; otherwise every suite but those.
  const only = process.env.AZB_HOST_SUITE;
  const files = only ? findTests(path.join(__dirname, only), []) : findTests(__dirname, OWN_SERVER_SUITES);
  for (const file of files.sort()) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} host test(s) failed`)) : resolve()));
  });
}
