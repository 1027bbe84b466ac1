// The one "never twice" mechanism of the Azure layer (operations/neverTwice.ts) seen through the real service: stop
// protection joins like the other operations, and the UI's synchronous reservation holds an (operation, item) so
// that another caller's call for it joins the holder's instead of sending its own.
import * as assert from 'node:assert/strict';
import { itemId } from '../../../src/azure/ids';
import type { Harness } from './harness';
import { jobsOfVm, requestsTo, retainAMonth, useHarnessPerTest, whileAdvancing } from './harness';

describe('reliability: one never-twice mechanism', function () {
  this.timeout(20_000);
  let h: Harness;
  useHarnessPerTest((x) => (h = x));

  const backupPosts = () => requestsTo(h.sandbox, '/backup$', ['POST']);
  const itemWrites = () => requestsTo(h.sandbox, '/protectedItems/[^/]*web-vm-01$', ['PUT', 'DELETE']);

  it('stop protection asked twice at once: one write, both calls follow the same job', async () => {
    const [a, b] = await whileAdvancing(h.sandbox, () =>
      Promise.all([h.service.stopProtection(h.web01, 'RetainData'), h.service.stopProtection(h.web01, 'RetainData')]),
    );
    assert.equal(a.outcome, 'Completed', JSON.stringify(a.error));
    assert.equal(b.jobId, a.jobId);
    assert.equal(itemWrites().length, 1);
    assert.equal(jobsOfVm(h.sandbox, 'web-vm-01', 'DisableBackup').length, 1);
  });

  it("a reserved item: no second reservation, and another caller joins the holder's backup instead of sending one", async () => {
    const reservation = h.service.reserve('backup', itemId(h.web01));
    assert.ok(reservation, 'the first reservation is granted');
    assert.equal(h.service.reserve('backup', itemId(h.web01)), undefined, 'a second click is refused');
    const joined = h.service.backupNow(h.web01, retainAMonth());
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(backupPosts().length, 0, 'nothing sent while the holder has not sent');
    const [mine, theirs] = await whileAdvancing(h.sandbox, () =>
      Promise.all([h.service.backupNow(h.web01, retainAMonth(), { reserved: [reservation] }), joined]),
    );
    reservation.release();
    assert.equal(mine.outcome, 'Completed', JSON.stringify(mine.error));
    assert.equal(theirs.jobId, mine.jobId);
    assert.equal(backupPosts().length, 1);
    assert.ok(h.service.reserve('backup', itemId(h.web01)), 'free again once the backup ended');
  });

  it('a reservation released without a call: the caller who joined it makes its own', async () => {
    const reservation = h.service.reserve('backup', itemId(h.web01));
    assert.ok(reservation);
    const joined = whileAdvancing(h.sandbox, () => h.service.backupNow(h.web01, retainAMonth()));
    reservation.release();
    const operation = await joined;
    assert.equal(operation.outcome, 'Completed', JSON.stringify(operation.error));
    assert.equal(backupPosts().length, 1);
  });
});
