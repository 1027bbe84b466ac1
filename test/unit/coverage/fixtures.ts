// Builders for coverage rows and domain VMs used by the coverage unit tests.
import type { BackupItem, VirtualMachine } from '../../../src/azure/model';
import type { CoverageRow } from '../../../src/coverage/types';

export const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
export const DAY = 86_400_000;

export function row(name: string, over: Partial<CoverageRow> = {}): CoverageRow {
  return {
    vmId: `/subscriptions/sub-a/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/${name}`,
    name,
    resourceGroup: 'rg',
    subscriptionId: 'sub-a',
    subscriptionName: 'Sub A',
    location: 'westeurope',
    osType: 'Linux',
    protection: 'NotProtected',
    failing: false,
    stale: false,
    ...over,
  };
}

export function item(over: Partial<BackupItem> = {}): BackupItem {
  return {
    id: 'item',
    name: 'VM;iaasvmcontainerv2;rg;vm1',
    containerName: 'IaasVMContainer;iaasvmcontainerv2;rg;vm1',
    vaultId: '/subscriptions/sub-a/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v1',
    vaultName: 'v1',
    vaultResourceGroup: 'rg',
    subscriptionId: 'sub-a',
    friendlyName: 'vm1',
    sourceResourceId: 'vm1',
    protectionState: 'Protected',
    healthStatus: 'Passed',
    lastBackupStatus: 'Completed',
    lastBackupTime: new Date(NOW - DAY),
    lastRecoveryPoint: new Date(NOW - DAY),
    policyName: 'DefaultPolicy',
    initialBackupPending: false,
    ...over,
  };
}

export function vm(name: string, protectedBy?: BackupItem): VirtualMachine {
  return {
    id: `/subscriptions/sub-a/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/${name}`,
    name,
    resourceGroup: 'rg',
    subscriptionId: 'sub-a',
    location: 'WestEurope',
    osType: 'Linux',
    protection: protectedBy
      ? {
          state: 'Protected',
          vaultId: protectedBy.vaultId,
          vaultName: protectedBy.vaultName,
          policyName: protectedBy.policyName,
          item: protectedBy,
        }
      : { state: 'NotProtected' },
  };
}
