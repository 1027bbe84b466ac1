// Nothing done twice: double clicks, a second window, the SDK's retry of a trigger whose answer was lost after the
// service had accepted it, and an enable sent again after the first one finished never start a second Backup job,
// protected item or ConfigureBackup job.
import * as assert from 'node:assert/strict';
import { createBackupService } from '../../../src/azure';
import { sandboxSession } from '../../../src/auth';
import type { Harness } from './harness';
import {
  addVm,
  itemRefOf,
  jobsOfVm,
  loseNextItemPutAnswer,
  requestsTo,
  retainAMonth,
  useHarnessPerTest,
  whileAdvancing,
} from './harness';

describe('reliability: nothing done twice', function () {
  this.timeout(20_000);
  let h: Harness;
  useHarnessPerTest((x) => (h = x));

  const backups = () => jobsOfVm(h.sandbox, 'web-vm-01', 'Backup');
  const backupPosts = () => requestsTo(h.sandbox, '/backup$', ['POST']);
  const enablePuts = (vm: { name: string }) => requestsTo(h.sandbox, `/protectedItems/[^/]*${vm.name}$`, ['PUT']);
  const itemsOf = (vm: { name: string }) =>
    h.sandbox.control.snapshot().items.filter((i) => i.vmKey.endsWith(`/${vm.name}`)).length;

  it('backup now clicked twice at once: one POST, one job, both calls follow it', async () => {
    const before = backups().length;
    const [a, b] = await whileAdvancing(h.sandbox, () =>
      Promise.all([h.service.backupNow(h.web01, retainAMonth()), h.service.backupNow(h.web01, retainAMonth())]),
    );
    assert.equal(a.outcome, 'Completed');
    assert.equal(b.jobId, a.jobId);
    assert.equal(backupPosts().length, 1);
    assert.equal(backups().length, before + 1);
  });

  it('backup now from a second window while one runs: the service refuses, the layer follows the running job', async () => {
    const other = createBackupService(
      { ...sandboxSession(h.sandbox), credential: h.credential },
      { pollIntervalMs: 10, maxPollIntervalMs: 100 },
    );
    const before = backups().length;
    const first = await whileAdvancing(
      h.sandbox,
      () => h.service.backupNow(h.web01, retainAMonth(), { untilJobStarted: true }),
      500,
    );
    const second = await whileAdvancing(h.sandbox, () => other.backupNow(h.web01, retainAMonth()));
    assert.equal(second.outcome, 'Completed', JSON.stringify(second.error));
    assert.equal(second.joinedExisting, true);
    assert.equal(second.jobId, first.jobId);
    assert.equal(backupPosts().length, 2, 'the second window did ask');
    assert.equal(backups().length, before + 1, 'but no second job exists');
  });

  it('backup now whose 202 is lost after the service accepted it: the SDK retries, the layer follows the first job', async () => {
    const before = backups().length;
    h.sandbox.setFaults({ rate: 1, kinds: ['dropResponse'], count: 1, pathPattern: '/backup$', methods: ['POST'] });
    const op = await whileAdvancing(h.sandbox, () => h.service.backupNow(h.web01, retainAMonth()));
    assert.equal(op.outcome, 'Completed', JSON.stringify(op.error));
    assert.equal(op.joinedExisting, true);
    assert.deepEqual(
      backupPosts().map((e) => e.status),
      [0, 202],
      'first answer lost, retry refused asynchronously',
    );
    assert.equal(backups().length, before + 1);
    assert.equal(backups()[backups().length - 1].status, 'Completed');
  });

  it('enable backup clicked twice at once: one PUT, one protected item, one ConfigureBackup job', async () => {
    const vm = addVm(h);
    const [a, b] = await whileAdvancing(h.sandbox, () =>
      Promise.all([
        h.service.enableProtection(h.vault, vm, 'DefaultPolicy'),
        h.service.enableProtection(h.vault, vm, 'DefaultPolicy'),
      ]),
    );
    assert.equal(a.outcome, 'Completed');
    assert.equal(b.jobId, a.jobId);
    assert.equal(enablePuts(vm).length, 1);
    assert.equal(jobsOfVm(h.sandbox, vm.name, 'ConfigureBackup').length, 1);
    assert.equal(itemsOf(vm), 1);
  });

  it('enable backup whose 202 is lost, retried after its operation finished: no second PUT, the layer finds the item and follows its job', async () => {
    const vm = addVm(h);
    // A retry that comes late (300 ms while the clock runs): the first enable operation has finished before any resend,
    // so the service would take a second PUT as a new configure (a second ConfigureBackup job).
    const lateRetry = createBackupService(
      { ...sandboxSession(h.sandbox), credential: h.credential },
      { pollIntervalMs: 10, maxPollIntervalMs: 100, retry: { retryDelayInMs: 300, maxRetryDelayInMs: 300 } },
    );
    loseNextItemPutAnswer(h, vm.name);
    const op = await whileAdvancing(h.sandbox, () => lateRetry.enableProtection(h.vault, vm, 'DefaultPolicy'));
    assert.equal(op.outcome, 'Completed', JSON.stringify(op.error));
    assert.equal(op.joinedExisting, true);
    assert.deepEqual(
      enablePuts(vm).map((e) => e.status),
      [0],
      'the PUT whose answer was lost is not sent again',
    );
    assert.equal(jobsOfVm(h.sandbox, vm.name, 'ConfigureBackup').length, 1);
    assert.equal(itemsOf(vm), 1);
  });

  it('enable backup again with another policy after the first finished: reported as already protected, nothing sent', async () => {
    const vm = addVm(h);
    await whileAdvancing(h.sandbox, () => h.service.enableProtection(h.vault, vm, 'DefaultPolicy'));
    const other = await h.service.createOrUpdatePolicy(h.vault, {
      name: h.fresh('Other'),
      schedule: { frequency: 'Daily', time: '20:00' },
      timeZone: 'UTC',
      instantRestoreDays: 2,
      retention: { dailyDays: 7 },
    });
    h.sandbox.requestLog.clear();
    const one = await whileAdvancing(h.sandbox, () => h.service.enableProtection(h.vault, vm, other.name));
    const many = await whileAdvancing(h.sandbox, () => h.service.enableProtectionMany(h.vault, [vm], other.name));
    for (const op of [one, many[0].operation]) {
      assert.equal(op?.outcome, 'Completed');
      assert.deepEqual(op?.alreadyProtected, { vaultName: h.vault.name, policyName: 'DefaultPolicy' });
    }
    assert.deepEqual(
      h.sandbox.requestLog.entries().filter((e) => e.method !== 'GET'),
      [],
      'no write',
    );
    assert.equal(jobsOfVm(h.sandbox, vm.name, 'ConfigureBackup').length, 1);
    assert.equal(
      (await h.service.getBackupItem(itemRefOf(h.vault, vm.name))).policyName,
      'DefaultPolicy',
      'the policy is unchanged',
    );
  });

  it('enable backup again for a VM already protected with that policy: no call that changes anything', async () => {
    const vm = addVm(h);
    await whileAdvancing(h.sandbox, () => h.service.enableProtection(h.vault, vm, 'DefaultPolicy'));
    h.sandbox.requestLog.clear();
    const again = await whileAdvancing(h.sandbox, () => h.service.enableProtection(h.vault, vm, 'DefaultPolicy'));
    assert.equal(again.outcome, 'Completed');
    assert.equal(again.joinedExisting, true);
    assert.deepEqual(again.alreadyProtected, { vaultName: h.vault.name, policyName: 'DefaultPolicy' });
    assert.deepEqual(
      h.sandbox.requestLog.entries().filter((e) => e.method !== 'GET'),
      [],
    );
    assert.equal(jobsOfVm(h.sandbox, vm.name, 'ConfigureBackup').length, 1);
  });

  it('enable for many, run again after a partial failure: only the remaining VM is enabled', async () => {
    const vms = [addVm(h), addVm(h), addVm(h)];
    const broken = vms[1];
    h.sandbox.setFaults({
      rate: 1,
      kinds: ['serverError'],
      pathPattern: `/protectedItems/[^/]*${broken.name}$`,
      methods: ['PUT'],
    });
    const first = await whileAdvancing(h.sandbox, () => h.service.enableProtectionMany(h.vault, vms, 'DefaultPolicy'));
    assert.deepEqual(
      first.map((r) => r.ok),
      [true, false, true],
    );
    assert.equal(first[1].error?.code, 'InternalServerError');
    h.sandbox.setFaults(undefined);
    h.sandbox.requestLog.clear();
    const second = await whileAdvancing(h.sandbox, () => h.service.enableProtectionMany(h.vault, vms, 'DefaultPolicy'));
    assert.deepEqual(
      second.map((r) => r.ok),
      [true, true, true],
    );
    assert.deepEqual(
      second.map((r) => r.operation?.joinedExisting === true),
      [true, false, true],
    );
    const puts = requestsTo(h.sandbox, '/protectedItems/', ['PUT']).map((e) => e.path);
    assert.equal(puts.length, 1);
    assert.match(puts[0], new RegExp(`${broken.name}$`));
    for (const vm of vms) assert.equal(jobsOfVm(h.sandbox, vm.name, 'ConfigureBackup').length, 1, vm.name);
    assert.equal((await h.service.getBackupItem(itemRefOf(h.vault, broken.name))).policyName, 'DefaultPolicy');
  });
});
