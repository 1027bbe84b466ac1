import type { ItemRef, VaultRef } from '../azure/backupService';
import type { BackupItem, BackupJob, Vault } from '../azure/model';

export function vaultRef(vault: Pick<Vault, 'subscriptionId' | 'resourceGroup' | 'name'>): VaultRef {
  return { subscriptionId: vault.subscriptionId, resourceGroup: vault.resourceGroup, name: vault.name };
}

export function itemRef(item: BackupItem): ItemRef {
  return {
    subscriptionId: item.subscriptionId,
    resourceGroup: item.vaultResourceGroup,
    name: item.vaultName,
    containerName: item.containerName,
    itemName: item.name,
  };
}

export function jobVaultRef(job: BackupJob): VaultRef {
  return { subscriptionId: job.subscriptionId, resourceGroup: job.vaultResourceGroup, name: job.vaultName };
}
