/**
 * Every answer the sandbox gave during the sandbox-level tests, checked against the official swagger in
 * ../shared/azure-specs. `node scripts/test.mjs sandbox` records them (AZB_SANDBOX_RECORD) and then runs this.
 * Alone, on an existing record: AZB_SANDBOX_RECORD=test-output/sandbox-exchanges.jsonl npx mocha out/test/conformance/swagger.test.js
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { RecordedExchange } from '../../src/sandbox/http/exchangeRecorder';
import { ConformanceRun, describeFindings, specificationRoot } from './conformance';
import { KNOWN_DIFFERENCES, NO_SWAGGER_HERE } from './differences';

const REPO = path.resolve(__dirname, '../../..');

function readRecord(file: string | undefined): RecordedExchange[] {
  if (!file || !existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as RecordedExchange);
}

describe("Conformance: the sandbox's answers against the official swagger", () => {
  const recordFile = process.env.AZB_SANDBOX_RECORD;
  const exchanges = readRecord(recordFile);
  const run = new ConformanceRun(specificationRoot(REPO));
  for (const exchange of exchanges) run.add(exchange);

  it('has a record of the sandbox-level tests to check', () => {
    assert.ok(
      recordFile,
      'AZB_SANDBOX_RECORD names no record: run `node scripts/test.mjs sandbox`, which records and then checks',
    );
    assert.ok(
      exchanges.length >= 100,
      `the record ${recordFile} holds ${exchanges.length} answers; the sandbox-level tests give far more`,
    );
  });

  for (const [key, result] of [...run.byOperation].sort(([a], [b]) => a.localeCompare(b))) {
    const statuses = [...result.statuses].sort().join(', ');
    it(`${key}: ${result.answers} answer${result.answers === 1 ? '' : 's'} (${statuses}) as the swagger declares`, () => {
      if (result.findings.size > 0)
        assert.fail(`${key} differs from its swagger:\n${describeFindings(result.findings.values())}`);
    });
  }

  it(`serves no path the swagger does not declare (a refusal is fine; skipped, having no swagger here: ${NO_SWAGGER_HERE.map((r) => r.name.replace(/ \(.*\)$/, '')).join(', ')})`, () => {
    if (run.undeclared.size > 0)
      assert.fail(`answers to undeclared paths:\n${describeFindings(run.undeclared.values())}`);
  });

  it('needs every entry of the known-differences table (a difference no answer shows any more is removed, not kept)', () => {
    const stale = run.staleDifferences().map((d) => d.id);
    assert.deepEqual(stale, [], `entries no answer needed: ${stale.join(', ')} (of ${KNOWN_DIFFERENCES.length})`);
  });
});
