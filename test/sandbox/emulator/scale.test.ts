/** The seeded scale generator: large states generate fast and serve through the SDKs. */
import * as assert from 'node:assert/strict';
import type { RunningSandbox } from '../../../src/sandbox';
import { clientsFor, collect, startTestSandbox } from './helpers';

describe('scale seed', () => {
  let sandbox: RunningSandbox | undefined;
  afterEach(async () => {
    await sandbox?.stop();
    sandbox = undefined;
  });

  it('generates 5 subscriptions / 50 vaults / 5,000 VMs / 2,500 items / 20,000 jobs in a few seconds', async function () {
    this.timeout(30_000);
    const started = Date.now();
    sandbox = await startTestSandbox({
      seed: {
        subscriptions: 5,
        vaultsPerSubscription: 10,
        vmsPerSubscription: 1_000,
        protectedItems: 2_500,
        jobs: 20_000,
      },
      randomSeed: 7,
    });
    assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
    const snap = sandbox.control.snapshot();
    assert.equal(snap.subscriptions.length, 5);
    assert.equal(snap.vaults.length, 50);
    assert.equal(snap.vms.length, 5_000);
    assert.equal(snap.items.length, 2_500);
    assert.equal(snap.jobs.length, 20_000);
    const sub = sandbox.subscriptionIds()[2];
    const c = clientsFor(sandbox, sub);
    const vaults = await collect(c.vaults.vaults.listBySubscriptionId());
    assert.equal(vaults.length, 10);
    const v = vaults[0];
    const rg = v.id?.split('/')[4] ?? '';
    const items = await collect(c.backup.backupProtectedItems.list(v.name ?? '', rg));
    assert.equal(items.length, 50);
    const jobs = await collect(c.backup.backupJobs.list(v.name ?? '', rg));
    assert.equal(jobs.length, 400);
  });

  it('is deterministic for a given randomSeed', async () => {
    const spec = { subscriptions: 1, vaultsPerSubscription: 2, vmsPerSubscription: 10, protectedItems: 4, jobs: 10 };
    sandbox = await startTestSandbox({ seed: spec, randomSeed: 3 });
    const a = sandbox.subscriptionIds();
    await sandbox.stop();
    sandbox = await startTestSandbox({ seed: spec, randomSeed: 3 });
    assert.deepEqual(sandbox.subscriptionIds(), a);
  });
});
