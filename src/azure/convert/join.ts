// The VM ⋈ backup item join, pure: VMs matched to items on the lower-cased source resource id.
import type { BackupItem, VirtualMachine, VmProtection } from '../model';
import { itemProtectionStatus } from '../protectionState';
import { idKey } from '../ids';

export interface VaultItems {
  /** The vault's VM items; undefined when listing them failed (its VMs then read 'Unknown', not 'NotProtected'). */
  items?: BackupItem[];
}

/** Adds the item under its VM's key. A soft-deleted item never hides a live one of the same VM (re-protected in another vault meanwhile). */
export function indexItem(index: Map<string, BackupItem>, item: BackupItem): void {
  const key = idKey(item.sourceResourceId);
  if (item.sourceResourceId && !(item.softDeleted && index.has(key))) index.set(key, item);
}

export function indexItemsBySource(vaults: readonly VaultItems[]): Map<string, BackupItem> {
  const index = new Map<string, BackupItem>();
  for (const vault of vaults) for (const item of vault.items ?? []) indexItem(index, item);
  return index;
}

export interface ProtectionIndex {
  bySource: Map<string, BackupItem>;
  /** Some vault could not be read: unmatched VMs are 'Unknown', not 'NotProtected'. */
  incomplete: boolean;
}

export function buildProtectionIndex(vaults: readonly VaultItems[]): ProtectionIndex {
  return { bySource: indexItemsBySource(vaults), incomplete: vaults.some((v) => v.items === undefined) };
}

export function joinVmsWithItems(vms: readonly VirtualMachine[], vaults: readonly VaultItems[]): VirtualMachine[] {
  return protectWith(vms, buildProtectionIndex(vaults));
}

export function protectWith(vms: readonly VirtualMachine[], index: ProtectionIndex): VirtualMachine[] {
  return vms.map((vm) => withProtection(vm, index));
}

/** One VM with its protection from the index (a page of VMs is joined a piece at a time, see vmProtection.ts). */
export function withProtection(vm: VirtualMachine, { bySource, incomplete }: ProtectionIndex): VirtualMachine {
  const item = bySource.get(idKey(vm.id));
  const protection: VmProtection = item
    ? {
        state: itemProtectionStatus(item),
        vaultId: item.vaultId,
        vaultName: item.vaultName,
        policyName: item.policyName,
        item,
      }
    : { state: incomplete ? 'Unknown' : 'NotProtected' };
  return { ...vm, protection };
}
