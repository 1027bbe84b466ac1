import * as assert from 'node:assert/strict';
import type { BackupItem, BackupJob, VirtualMachine } from '../../../src/azure/model';
import {
  itemDescription,
  itemHealth,
  itemIcon,
  jobDescription,
  relativeTime,
  sortJobs,
  vaultDescription,
  vmDescription,
  waitLabel,
} from '../../../src/presentation/describe';
import { protectionStatusLabel, protectionWithVault } from '../../../src/presentation/protectionText';
import { resourceNodeId } from '../../../src/tree/nodeIds';
import { escapeMarkdown } from '../../../src/presentation/escape';

/** A stand-in for vscode.l10n.t: substitutes {n} like the real one. */
const t = {
  t: (message: string, ...args: (string | number)[]): string =>
    message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])),
};

const now = new Date('2026-11-26T12:00:00Z');
function item(over: Partial<BackupItem>): BackupItem {
  return {
    id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v/backupFabrics/Azure/protectionContainers/c/protectedItems/i',
    name: 'VM;iaasvmcontainerv2;rg;vm1',
    containerName: 'IaasVMContainer;iaasvmcontainerv2;rg;vm1',
    vaultId: 'v',
    vaultName: 'v',
    vaultResourceGroup: 'rg',
    subscriptionId: 's',
    friendlyName: 'vm1',
    sourceResourceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1',
    protectionState: 'Protected',
    healthStatus: 'Passed',
    lastBackupStatus: 'Completed',
    initialBackupPending: false,
    ...over,
  };
}

describe('tree view-model formatting', () => {
  it('names a wait the service asked for in the unit that reads best', () => {
    assert.deepEqual(
      [1_500, 90_000, 120_000, 600_000, 3_600_000, 7_200_000].map((ms) => waitLabel(ms, t)),
      ['2 seconds', '90 seconds', '2 minutes', '10 minutes', '1 hour', '2 hours'],
    );
  });

  it('words a soft-deleted item with the day it is purged, in the display language', () => {
    const soft = item({
      protectionState: 'ProtectionStopped',
      softDeleted: true,
      purgeTime: new Date('2026-12-17T10:00:00Z'),
      lastBackupTime: new Date('2026-11-26T08:00:00Z'),
    });
    assert.equal(itemDescription(soft, now, t, 'en'), 'Soft deleted, purged on Dec 17, 2026');
    assert.equal(itemDescription(soft, now, t, 'nl'), 'Soft deleted, purged on 17 dec 2026');
    assert.equal(itemIcon(itemHealth(soft), false), 'trash');
  });

  it('words an item awaiting its first backup as the portal does', () => {
    const pending = item({
      protectionState: 'IRPending',
      initialBackupPending: true,
      lastBackupStatus: '',
      lastBackupTime: undefined,
    });
    assert.equal(itemDescription(pending, now, t), 'Warning (initial backup pending)');
    assert.equal(itemIcon(itemHealth(pending), false), 'warning');
  });

  it('describes a healthy item with the age of its last backup', () => {
    const healthy = item({ lastBackupTime: new Date('2026-11-26T10:00:00Z') });
    assert.equal(itemDescription(healthy, now, t), 'Healthy · last backup 2 hours ago');
    assert.equal(itemIcon('healthy', false), 'pass');
    assert.equal(itemIcon('healthy', true), 'loading~spin');
  });

  it('reports a failed last backup as unhealthy', () => {
    const failed = item({ lastBackupStatus: 'Failed', lastBackupTime: new Date('2026-11-25T12:00:00Z') });
    assert.equal(itemHealth(failed), 'error');
    assert.equal(itemDescription(failed, now, t), 'Unhealthy · last backup failed 1 day ago');
  });

  it('uses singular and plural relative times', () => {
    assert.equal(relativeTime(new Date('2026-11-26T11:59:30Z'), now, t), 'just now');
    assert.equal(relativeTime(new Date('2026-11-26T11:59:00Z'), now, t), '1 minute ago');
    assert.equal(relativeTime(new Date('2026-11-23T12:00:00Z'), now, t), '3 days ago');
  });

  it('describes a vault by region and redundancy', () => {
    const vault = {
      id: 'x',
      name: 'v',
      resourceGroup: 'rg',
      subscriptionId: 's',
      location: 'westeurope',
      redundancy: 'LocallyRedundant' as const,
      crossRegionRestore: false,
    };
    assert.equal(vaultDescription(vault, t), 'West Europe · Locally redundant');
  });

  it('sorts running jobs first, then newest first', () => {
    const job = (name: string, status: BackupJob['status'], start: string): BackupJob => ({
      id: name,
      name,
      vaultId: 'v',
      vaultName: 'v',
      vaultResourceGroup: 'rg',
      subscriptionId: 's',
      operation: 'Backup',
      status,
      entityFriendlyName: 'vm',
      cancellable: false,
      startTime: new Date(start),
    });
    const sorted = sortJobs([
      job('old', 'Completed', '2026-11-26T01:00:00Z'),
      job('new', 'Completed', '2026-11-26T05:00:00Z'),
      job('run', 'InProgress', '2026-11-26T00:00:00Z'),
    ]);
    assert.deepEqual(
      sorted.map((j) => j.name),
      ['run', 'new', 'old'],
    );
  });

  it('builds stable ids from lower-cased resource ids plus the tenant', () => {
    assert.equal(
      resourceNodeId('TENANT', '/subscriptions/ABC/resourceGroups/RG'),
      'tenant/subscriptions/abc/resourcegroups/rg',
    );
    assert.notEqual(resourceNodeId('t1', '/subscriptions/a'), resourceNodeId('t2', '/subscriptions/a'));
  });

  it('escapes Markdown and HTML in names shown in tooltips', () => {
    assert.equal(escapeMarkdown('vm_[x](javascript:1)<img>'), 'vm\\_\\[x\\]\\(javascript:1\\)&lt;img&gt;');
  });
});

describe('protection state in the tree', () => {
  const vm = (protection: VirtualMachine['protection']): VirtualMachine => ({
    id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1',
    name: 'vm1',
    resourceGroup: 'rg',
    subscriptionId: 's',
    location: 'westeurope',
    osType: 'Linux',
    protection,
  });
  const stopped = item({ protectionState: 'ProtectionStopped', lastBackupTime: new Date('2026-11-24T12:00:00Z') });

  it('puts the protection first, so a narrow sidebar cuts the region and not the state', () => {
    assert.equal(vmDescription(vm({ state: 'NotProtected' }), t), 'Not protected · West Europe');
    assert.equal(
      vmDescription(vm({ state: 'Protected', vaultName: 'contoso-vault' }), t),
      'Protected by contoso-vault · West Europe',
    );
  });

  it('says a VM whose protection was stopped is stopped, not protected', () => {
    const description = vmDescription(
      vm({ state: 'ProtectionStopped' as never, vaultName: 'contoso-vault', item: stopped }),
      t,
    );
    assert.equal(description, 'Protection stopped in contoso-vault (data retained) · West Europe');
    assert.doesNotMatch(description, /Protected by/);
  });

  it('names every state with a sentence of its own', () => {
    const states = [
      'Protected',
      'InitialBackupPending',
      'ProtectionStopped',
      'SoftDeleted',
      'ProtectionError',
      'NotProtected',
      'Unknown',
    ] as const;
    const sentences = states.map((s) => protectionStatusLabel(s, t));
    assert.equal(new Set(sentences).size, states.length);
    assert.ok(
      sentences.every((s) => !/[A-Z][a-z]+[A-Z]/.test(s)),
      `no raw state names: ${sentences.join(', ')}`,
    );
    assert.equal(protectionWithVault('InitialBackupPending', 'v1', t), 'Initial backup pending in v1');
  });

  it('describes a stopped backup item as stopped first, with the pause icon and no health colour', () => {
    assert.equal(itemHealth(stopped), 'stopped');
    assert.equal(itemDescription(stopped, now, t), 'Protection stopped (data retained) · last backup 2 days ago');
    assert.equal(itemIcon(itemHealth(stopped), false), 'debug-pause');
    const soft = item({ protectionState: 'ProtectionStopped', softDeleted: true });
    assert.equal(itemHealth(soft), 'softDeleted');
    assert.match(itemDescription(soft, now, t), /^Soft deleted/);
  });

  it("counts a running job's time up to now instead of freezing it at the last read", () => {
    const job = {
      status: 'InProgress',
      progressPercentage: 74,
      durationMs: 19_000,
      startTime: new Date(now.getTime() - 95_000),
    } as BackupJob;
    assert.equal(jobDescription(job, t, now), 'In progress (74%) · 0:01:35');
    assert.equal(jobDescription({ ...job, status: 'Completed' }, t, now), 'Completed · 0:00:19');
  });
});
