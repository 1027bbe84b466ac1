// The article's workflow through the Azure layer, against the sandbox, with the real SDK clients.
import * as assert from 'node:assert/strict';
import type { ItemRef, VaultRef } from '../../../src/azure';
import { AzureError } from '../../../src/azure';
import { STORY_SUBSCRIPTION_ID } from '../../../src/sandbox';
import { daysFromNow, useHarness } from './setup';

const VM_RG = 'contoso-web-rg';
const vmId = (name: string, rg = VM_RG) =>
  `/subscriptions/${STORY_SUBSCRIPTION_ID}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${name}`;

describe('Azure layer against the sandbox: the article workflow', function () {
  this.timeout(30_000);
  const h = useHarness();
  let vault: VaultRef;
  let web01: ItemRef;
  before(() => {
    vault = { subscriptionId: h.subscriptionId, resourceGroup: 'article-rg', name: 'article-vault' };
  });

  it('lists subscriptions, resource groups and regions', async () => {
    const subs = await h.service.listSubscriptions();
    assert.deepEqual(
      subs.map((s) => s.subscriptionId),
      [STORY_SUBSCRIPTION_ID],
    );
    assert.equal(subs[0].tenantId, h.sandbox.tenantId);
    const groups = await h.service.listResourceGroups(h.subscriptionId);
    assert.ok(groups.some((g) => g.name === 'contoso-web-rg' && g.location === 'westeurope'));
    const regions = await h.service.listRegions(h.subscriptionId);
    assert.ok(regions.some((r) => r.name === 'westeurope' && r.displayName === 'West Europe'));
  });

  it('checks vault names: rules locally, availability live', async () => {
    const before = h.calls.length;
    const invalid = await h.service.checkVaultName(h.subscriptionId, 'article-rg', 'westeurope', '9vault');
    assert.equal(invalid.available, false);
    assert.equal(h.calls.length, before, 'an invalid name costs no call');
    assert.equal(
      (await h.service.checkVaultName(h.subscriptionId, 'article-rg', 'westeurope', 'article-vault')).available,
      true,
    );
    const taken = await h.service.checkVaultName(h.subscriptionId, 'contoso-backup-rg', 'westeurope', 'contoso-vault');
    assert.equal(taken.available, false);
    assert.ok(taken.message);
  });

  it('creates a vault in a new resource group, then gets and lists it', async () => {
    const created = await h.service.createVault({ ...vault, createResourceGroup: true, location: 'westeurope' });
    assert.equal(created.name, 'article-vault');
    assert.equal(created.resourceGroup, 'article-rg');
    assert.equal(created.location, 'westeurope');
    assert.equal(created.redundancy, 'GeoRedundant');
    assert.equal((await h.service.getVault(vault)).id.toLowerCase(), created.id.toLowerCase());
    const page = await h.service.listVaults(h.subscriptionId);
    assert.deepEqual(page.items.map((v) => v.name).sort(), ['article-vault', 'contoso-vault', 'vault-guarded']);
    // Multi-user authorization as the vault reports it: on where a Resource Guard is mapped, off elsewhere.
    const mua = new Map(page.items.map((v) => [v.name, v.multiUserAuthorization]));
    assert.deepEqual([mua.get('vault-guarded'), mua.get('contoso-vault')], [true, false]);
    await assert.rejects(
      h.service.getVault({ ...vault, name: 'nope' }),
      (e: unknown) => e instanceof AzureError && e.status === 404 && !!e.requestId,
    );
  });

  it('sets storage replication while unlocked', async () => {
    assert.deepEqual(await h.service.getStorageConfig(vault), {
      redundancy: 'GeoRedundant',
      crossRegionRestore: false,
      locked: false,
    });
    const lrs = await h.service.setStorageConfig(vault, 'LocallyRedundant', false);
    assert.equal(lrs.redundancy, 'LocallyRedundant');
    assert.equal((await h.service.getVault(vault)).redundancy, 'LocallyRedundant');
  });

  it('lists, gets, creates and updates policies', async () => {
    const policies = (await h.service.listPolicies(vault)).items;
    const def = policies.find((p) => p.name === 'DefaultPolicy');
    assert.ok(def);
    assert.equal(def.backupManagementType, 'AzureIaasVM');
    assert.equal(def.schedule?.frequency, 'Daily');
    assert.ok(def.retention?.dailyDays);
    const input = {
      name: 'nightly',
      schedule: { frequency: 'Daily' as const, time: '23:30' },
      timeZone: 'UTC',
      instantRestoreDays: 3,
      retention: { dailyDays: 14, weeklyWeeks: 8, weeklyDays: ['Sunday' as const], monthlyMonths: 12 },
    };
    const created = await h.service.createOrUpdatePolicy(vault, input);
    assert.equal(created.name, 'nightly');
    assert.deepEqual(created.schedule, { frequency: 'Daily', time: '23:30' });
    assert.equal(created.retention?.dailyDays, 14);
    assert.equal(created.retention?.monthlyMonths, 12);
    assert.equal(created.instantRestoreDays, 3);
    const updated = await h.service.createOrUpdatePolicy(vault, {
      ...input,
      retention: { ...input.retention, dailyDays: 21 },
    });
    assert.equal(updated.retention?.dailyDays, 21);
    assert.equal((await h.service.getPolicy(vault, 'nightly')).retention?.dailyDays, 21);
    await assert.rejects(
      h.service.createOrUpdatePolicy(vault, { ...input, retention: { dailyDays: 3 } }),
      (e: unknown) => e instanceof AzureError && e.code === 'InvalidPolicy',
    );
  });

  it('discovers VMs with the reason others cannot be chosen', async () => {
    const found = await h.service.discoverVirtualMachines(vault);
    const byName = new Map(found.map((v) => [v.name, v]));
    assert.equal(byName.get('web-vm-02')?.unavailableReason, undefined);
    assert.equal(byName.get('web-vm-02')?.protectableItemName, 'iaasvmcontainerv2;contoso-web-rg;web-vm-02');
    assert.equal(byName.get('sql-vm-01')?.unavailableReason, 'OtherRegion');
    assert.equal(byName.get('web-vm-01')?.unavailableReason, 'AlreadyProtected', 'protected by contoso-vault');
    assert.ok(h.calls.some((c) => c.method === 'POST' && /refreshContainers/i.test(c.url)));
  });

  it('enables protection for one VM and tracks the ConfigureBackup job to Completed', async () => {
    const progress: string[] = [];
    const op = await h.service.enableProtection(
      vault,
      { id: vmId('web-vm-02'), name: 'web-vm-02', resourceGroup: VM_RG },
      'nightly',
      { onProgress: (j) => progress.push(j.status) },
    );
    assert.equal(op.outcome, 'Completed', JSON.stringify(op.error));
    assert.ok(op.operationId);
    assert.equal(op.job?.operation, 'ConfigureBackup');
    assert.equal(op.job?.status, 'Completed');
    assert.equal(op.jobId, op.job?.name);
    assert.ok(progress.length > 0);
    const items = (await h.service.listBackupItems(vault)).items;
    assert.equal(items.length, 1);
    web01 = { ...vault, containerName: items[0].containerName, itemName: items[0].name };
    assert.equal(items[0].initialBackupPending, true);
    assert.equal(items[0].lastBackupTime, undefined);
    assert.equal(items[0].policyName, 'nightly');
  });

  it('locks storage replication once an item is protected', async () => {
    assert.equal((await h.service.getStorageConfig(vault)).locked, true);
    await assert.rejects(
      h.service.setStorageConfig(vault, 'GeoRedundant', false),
      (e: unknown) =>
        e instanceof AzureError && e.code === 'StorageModelModifyError' && e.status === 400 && !!e.requestId,
    );
  });

  it('enables protection for many VMs, one result each, a bad one not spoiling the rest', async () => {
    const results: string[] = [];
    const out = await h.service.enableProtectionMany(
      vault,
      [
        { id: vmId('app-linux-01'), name: 'app-linux-01', resourceGroup: VM_RG },
        { id: vmId('legacy-linux-02'), name: 'legacy-linux-02', resourceGroup: VM_RG },
        { id: vmId('ghost-vm'), name: 'ghost-vm', resourceGroup: VM_RG },
      ],
      'DefaultPolicy',
      { onResult: (r) => results.push(r.vmId) },
    );
    assert.equal(out.length, 3);
    assert.equal(results.length, 3);
    assert.equal(out[0].ok, true, JSON.stringify(out[0].error));
    assert.equal(out[1].ok, true, JSON.stringify(out[1].error));
    assert.equal(out[2].ok, false);
    assert.ok(out[2].error?.code);
    assert.equal((await h.service.listBackupItems(vault)).items.length, 3);
  });

  it('backs up now with a retain-until date: job Completed, recovery point with that expiry', async () => {
    const retainUntil = daysFromNow(45);
    const op = await h.service.backupNow(web01, retainUntil);
    assert.equal(op.outcome, 'Completed', JSON.stringify(op.error));
    assert.equal(op.job?.operation, 'Backup');
    assert.equal(op.job?.status, 'Completed');
    const points = (await h.service.listRecoveryPoints(web01)).items;
    assert.equal(points.length, 1);
    assert.equal(points[0].expiry?.toISOString(), retainUntil.toISOString());
    const item = await h.service.getBackupItem(web01);
    assert.equal(item.protectionState, 'Protected');
    assert.equal(item.initialBackupPending, false);
    assert.equal(item.lastBackupStatus, 'Completed');
    assert.ok(item.lastBackupTime);
    await assert.rejects(
      h.service.backupNow(web01, new Date()),
      (e: unknown) => e instanceof AzureError && e.code === 'InvalidRetainUntil',
    );
  });

  it('joins a second backup-now request for the same item instead of starting another', async () => {
    const retainUntil = daysFromNow(10);
    const [a, b] = [
      h.service.backupNow(web01, retainUntil, { untilJobStarted: true }),
      h.service.backupNow(web01, retainUntil, { untilJobStarted: true }),
    ];
    assert.equal(a, b);
    const op = await a;
    assert.equal(op.outcome, 'Completed');
    assert.equal(op.job?.operation, 'Backup');
    const done = await h.service.waitForJob(vault, op.jobId ?? '');
    assert.equal(done.status, 'Completed');
    assert.ok(done.durationMs !== undefined && done.durationMs > 0);
  });

  it('lists jobs with filters and gets one', async () => {
    const all = (await h.service.listJobs(vault)).items;
    assert.ok(all.filter((j) => j.operation === 'ConfigureBackup').length >= 3);
    const backups = (
      await h.service.listJobs(vault, {
        operation: 'Backup',
        status: 'Completed',
        startTime: daysFromNow(-1),
        endTime: daysFromNow(2),
      })
    ).items;
    assert.equal(backups.length, 2);
    assert.ok(backups.every((j) => j.operation === 'Backup' && j.status === 'Completed'));
    const one = await h.service.getJob(vault, backups[0].name);
    assert.equal(one.name, backups[0].name);
    assert.ok(one.tasks && one.tasks.length > 0, 'job details carry tasks');
  });

  it('shows protection per VM: the join and the single-VM status agree', async () => {
    const vms = await h.service.listVirtualMachinesWithProtection(h.subscriptionId);
    const byName = new Map(vms.map((v) => [v.name, v]));
    assert.equal(byName.get('web-vm-02')?.protection?.vaultName, 'article-vault');
    assert.equal(byName.get('web-vm-01')?.protection?.vaultName, 'contoso-vault');
    assert.equal(byName.get('sql-vm-01')?.protection?.state, 'NotProtected');
    const single = await h.service.getVmProtection({
      id: vmId('web-vm-02'),
      location: 'westeurope',
      subscriptionId: h.subscriptionId,
    });
    assert.equal(single?.state, 'Protected');
    assert.equal(single?.vaultName?.toLowerCase(), 'article-vault');
    assert.equal(single?.item?.friendlyName, 'web-vm-02');
    const none = await h.service.getVmProtection({
      id: vmId('sql-vm-01', 'contoso-data-rg'),
      location: 'northeurope',
      subscriptionId: h.subscriptionId,
    });
    assert.equal(none?.state, 'NotProtected');
  });

  it('stops protection keeping the data, then deletes the data', async () => {
    const stop = await h.service.stopProtection(web01, 'RetainData');
    assert.equal(stop.outcome, 'Completed', JSON.stringify(stop.error));
    assert.equal(stop.job?.operation, 'DisableBackup');
    assert.equal((await h.service.getBackupItem(web01)).protectionState, 'ProtectionStopped');
    // Its VM reads stopped, not protected: in the subscription's join and in the single-VM status alike.
    const vms = await h.service.listVirtualMachinesWithProtection(h.subscriptionId);
    assert.equal(vms.find((v) => v.name === 'web-vm-02')?.protection?.state, 'ProtectionStopped');
    const single = await h.service.getVmProtection({
      id: vmId('web-vm-02'),
      location: 'westeurope',
      subscriptionId: h.subscriptionId,
    });
    assert.equal(single?.state, 'ProtectionStopped');
    assert.equal(single?.vaultName?.toLowerCase(), 'article-vault');
    const del = await h.service.stopProtection(web01, 'DeleteData');
    assert.equal(del.outcome, 'Completed', JSON.stringify(del.error));
    assert.equal(del.job?.operation, 'DeleteBackupData');
  });

  it('logs every call with path, status and request id, never a token', () => {
    assert.ok(h.calls.length > 20);
    assert.ok(h.calls.every((c) => c.url.startsWith('/') && !c.url.includes('://')));
    assert.ok(h.calls.every((c) => typeof c.durationMs === 'number'));
    assert.ok(h.calls.filter((c) => c.status && c.status < 300).every((c) => !!c.requestId));
    const text = JSON.stringify(h.calls);
    assert.ok(!/sandbox-local-token|authorization|bearer/i.test(text));
  });
});
