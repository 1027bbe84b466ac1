// The async-operation tracker's three outcomes against the sandbox: Completed (see workflow), Failed, Cancelled.
import * as assert from 'node:assert/strict';
import type { ItemRef, VaultRef } from '../../../src/azure';
import { STORY_SUBSCRIPTION_ID } from '../../../src/sandbox';
import { daysFromNow, STORY_VAULT, storyItem, useHarness } from './setup';

const WEB01_ID = `/subscriptions/${STORY_SUBSCRIPTION_ID}/resourceGroups/contoso-web-rg/providers/Microsoft.Compute/virtualMachines/web-vm-01`;

describe('async-operation tracker against the sandbox', function () {
  this.timeout(30_000);
  const h = useHarness({}, { perTest: true });
  let vault: VaultRef;
  let item: ItemRef;
  beforeEach(() => {
    vault = { subscriptionId: h.subscriptionId, ...STORY_VAULT };
    item = storyItem(h.subscriptionId, 'web-vm-01');
  });

  it('reports Failed with the job error when the backup of a broken VM fails', async () => {
    h.sandbox.control.markVmBroken(WEB01_ID);
    const op = await h.service.backupNow(item, daysFromNow(30));
    assert.equal(op.outcome, 'Failed');
    assert.equal(op.job?.status, 'Failed');
    assert.ok(op.error?.code && op.error.code.length > 0);
    assert.ok(op.error?.message);
    const refreshed = await h.service.getBackupItem(item);
    assert.equal(refreshed.lastBackupStatus, 'Failed');
  });

  it('reports Failed with the operation error and request id when the operation itself fails', async () => {
    h.sandbox.setFaults({ failOperations: true });
    const op = await h.service.backupNow(item, daysFromNow(30));
    assert.equal(op.outcome, 'Failed');
    assert.ok(op.error?.code);
    assert.ok(op.error?.requestId, 'the request id of the failing poll is kept');
    assert.ok(op.operationId);
  });

  it('ends with Cancelled, without throwing, when the AbortSignal fires while the job runs', async () => {
    h.sandbox.clock.setSpeed(1); // a 40 s job in real time: tracking is cut long before it ends
    const controller = new AbortController();
    let jobSeen: string | undefined;
    const started = Date.now();
    const op = await h.service.backupNow(item, daysFromNow(30), {
      signal: controller.signal,
      onProgress: (job) => {
        jobSeen = job.name;
        controller.abort();
      },
    });
    assert.equal(op.outcome, 'Cancelled');
    assert.equal(op.jobId, jobSeen);
    assert.ok(Date.now() - started < 5_000);
    // Only the tracking stopped: the job itself still runs in the service.
    assert.equal((await h.service.getJob(vault, op.jobId ?? '')).status, 'InProgress');
  });

  it('ends with Cancelled when aborted before the first poll', async () => {
    const controller = new AbortController();
    controller.abort();
    const op = await h.service.backupNow(item, daysFromNow(30), { signal: controller.signal });
    assert.equal(op.outcome, 'Cancelled');
  });

  it('cancels a running job: Cancelling, then Cancelled', async () => {
    h.sandbox.clock.setSpeed(1);
    const op = await h.service.backupNow(item, daysFromNow(30), { untilJobStarted: true });
    assert.equal(op.outcome, 'Completed');
    assert.equal(op.job?.status, 'InProgress');
    assert.equal(op.job?.cancellable, true);
    const cancelling = await h.service.cancelJob(vault, op.jobId ?? '');
    assert.ok(cancelling.status === 'Cancelling' || cancelling.status === 'Cancelled');
    h.sandbox.clock.setSpeed(100);
    const done = await h.service.waitForJob(vault, op.jobId ?? '');
    assert.equal(done.status, 'Cancelled');
  });
});
