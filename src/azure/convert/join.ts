// The VM ⋈ backup item join, pure: VMs matched to items on the lower-cased source resource id.
import type { BackupItem, VirtualMachine, VmProtection } from '../model';

export interface VaultItems {
  /** The vault's VM items; undefined when listing them failed (its VMs then read 'Unknown', not 'NotProtected'). */
  items?: BackupItem[];
}

export function indexItemsBySource(vaults: readonly VaultItems[]): Map<string, BackupItem> {
  const index = new Map<string, BackupItem>();
  for (const vault of vaults) {
    for (const item of vault.items ?? []) {
      if (item.sourceResourceId) {
        index.set(item.sourceResourceId.toLowerCase(), item);
      }
    }
  }
  return index;
}

export function joinVmsWithItems(vms: readonly VirtualMachine[], vaults: readonly VaultItems[]): VirtualMachine[] {
  const index = indexItemsBySource(vaults);
  const incomplete = vaults.some((v) => v.items === undefined);
  return vms.map((vm) => {
    const item = index.get(vm.id.toLowerCase());
    const protection: VmProtection = item
      ? { state: 'Protected', vaultId: item.vaultId, vaultName: item.vaultName, policyName: item.policyName, item }
      : { state: incomplete ? 'Unknown' : 'NotProtected' };
    return { ...vm, protection };
  });
}
