// Faults × workflows through the Azure layer, over HTTPS against the sandbox, generated from the two
// tables: every cell checks the outcome, then clears the fault and checks the workflow recovers.
import type { Harness } from './harness';
import { requestsTo, startHarness } from './harness';
import type { FaultCase } from './faults';
import { FAULTS } from './faults';
import { outcomeOf } from './outcome';
import type { Workflow } from './workflows';
import { WORKFLOWS } from './workflows';
import * as assert from 'node:assert/strict';

async function runCell(h: Harness, w: Workflow, f: FaultCase): Promise<void> {
  const p = await w.prepare(h);
  h.sandbox.requestLog.clear();
  h.calls.length = 0;
  f.inject(h, p);
  const controller = new AbortController();
  const timer = f.cancelAfterMs !== undefined ? setTimeout(() => controller.abort(), f.cancelAfterMs) : undefined;
  const started = Date.now();
  let outcome;
  try {
    outcome = await outcomeOf(() => p.run(controller.signal));
  } finally {
    clearTimeout(timer);
    f.clear(h, p);
  }
  const elapsedMs = Date.now() - started;
  f.verify({
    h,
    w,
    p,
    outcome,
    elapsedMs,
    target: requestsTo(h.sandbox, p.target.pathPattern, p.target.methods),
    all: h.sandbox.requestLog.entries(),
  });
  if (outcome.kind !== 'ok') {
    // Recovery: the fault gone, the same workflow on the same subject succeeds.
    assert.deepEqual(await outcomeOf(() => p.run()), { kind: 'ok' }, 'succeeds once the fault is cleared');
  }
  await p.check();
}

describe('reliability: faults × workflows through the Azure layer', function () {
  this.timeout(20_000);
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.stop();
  });
  afterEach(() => {
    h.sandbox.setFaults(undefined);
    h.credential.expired = false;
  });

  for (const w of WORKFLOWS) {
    describe(w.name, () => {
      for (const f of FAULTS.filter((x) => x.applies(w))) {
        it(f.name, () => runCell(h, w, f));
      }
    });
  }
});
