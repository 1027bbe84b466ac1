import * as assert from 'node:assert/strict';
import type { BackupItem, BackupJob } from '../../../src/azure/model';
import { itemDescription, itemHealth, itemIcon, relativeTime, sortJobs, vaultDescription, waitLabel } from '../../../src/tree/describe';
import { resourceNodeId } from '../../../src/tree/nodeIds';
import { escapeMarkdown } from '../../../src/ui/escape';

/** A stand-in for vscode.l10n.t: substitutes {n} like the real one. */
const t = { t: (message: string, ...args: (string | number)[]): string => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) };

const now = new Date('2026-11-26T12:00:00Z');
function item(over: Partial<BackupItem>): BackupItem {
  return {
    id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v/backupFabrics/Azure/protectionContainers/c/protectedItems/i',
    name: 'VM;iaasvmcontainerv2;rg;vm1', containerName: 'IaasVMContainer;iaasvmcontainerv2;rg;vm1', vaultId: 'v', vaultName: 'v', vaultResourceGroup: 'rg',
    subscriptionId: 's', friendlyName: 'vm1', sourceResourceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1',
    protectionState: 'Protected', healthStatus: 'Passed', lastBackupStatus: 'Completed', initialBackupPending: false, ...over,
  };
}

describe('tree view-model formatting', () => {
  it('names a wait the service asked for in the unit that reads best', () => {
    assert.deepEqual([1_500, 90_000, 120_000, 600_000, 3_600_000, 7_200_000].map((ms) => waitLabel(ms, t)),
      ['2 seconds', '90 seconds', '2 minutes', '10 minutes', '1 hour', '2 hours']);
  });

  it('words an item awaiting its first backup as the portal does', () => {
    const pending = item({ protectionState: 'IRPending', initialBackupPending: true, lastBackupStatus: '', lastBackupTime: undefined });
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
    const vault = { id: 'x', name: 'v', resourceGroup: 'rg', subscriptionId: 's', location: 'westeurope', redundancy: 'LocallyRedundant' as const, crossRegionRestore: false };
    assert.equal(vaultDescription(vault, t), 'West Europe · Locally redundant');
  });

  it('sorts running jobs first, then newest first', () => {
    const job = (name: string, status: BackupJob['status'], start: string): BackupJob => ({
      id: name, name, vaultId: 'v', vaultName: 'v', vaultResourceGroup: 'rg', subscriptionId: 's', operation: 'Backup', status,
      entityFriendlyName: 'vm', cancellable: false, startTime: new Date(start) });
    const sorted = sortJobs([job('old', 'Completed', '2026-11-26T01:00:00Z'), job('new', 'Completed', '2026-11-26T05:00:00Z'), job('run', 'InProgress', '2026-11-26T00:00:00Z')]);
    assert.deepEqual(sorted.map((j) => j.name), ['run', 'new', 'old']);
  });

  it('builds stable ids from lower-cased resource ids plus the tenant', () => {
    assert.equal(resourceNodeId('TENANT', '/subscriptions/ABC/resourceGroups/RG'), 'tenant/subscriptions/abc/resourcegroups/rg');
    assert.notEqual(resourceNodeId('t1', '/subscriptions/a'), resourceNodeId('t2', '/subscriptions/a'));
  });

  it('escapes Markdown and HTML in names shown in tooltips', () => {
    assert.equal(escapeMarkdown('vm_[x](javascript:1)<img>'), 'vm\\_\\[x\\]\\(javascript:1\\)&lt;img&gt;');
  });
});
