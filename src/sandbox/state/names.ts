/** Resource ids, lookup keys and the backup RP's name formats (AZURE-BACKUP-API.md section 6.4). */
import type { ResourceGroupRecord, VaultRecord, VmRecord } from './model';

export function vmArmId(vm: Pick<VmRecord, 'subscriptionId' | 'resourceGroup' | 'name'>): string {
  return `/subscriptions/${vm.subscriptionId}/resourceGroups/${vm.resourceGroup}/providers/Microsoft.Compute/virtualMachines/${vm.name}`;
}

export function vmKeyOf(subscriptionId: string, resourceGroup: string, name: string): string {
  return vmArmId({ subscriptionId, resourceGroup, name }).toLowerCase();
}

export function rgKeyOf(subscriptionId: string, resourceGroup: string): string {
  return `${subscriptionId}/${resourceGroup}`.toLowerCase();
}

export function rgArmId(rg: ResourceGroupRecord): string {
  return `/subscriptions/${rg.subscriptionId}/resourceGroups/${rg.name}`;
}

export function vaultKeyOf(subscriptionId: string, resourceGroup: string, name: string): string {
  return `${subscriptionId}/${resourceGroup}/${name}`.toLowerCase();
}

export function vaultArmId(v: Pick<VaultRecord, 'subscriptionId' | 'resourceGroup' | 'name'>): string {
  return `/subscriptions/${v.subscriptionId}/resourceGroups/${v.resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${v.name}`;
}

/** `iaasvmcontainerv2;{rg};{vm}` (lower-cased), the protectable item name and an item's containerName. */
export function shortContainerName(vm: Pick<VmRecord, 'resourceGroup' | 'name'>): string {
  return `iaasvmcontainerv2;${vm.resourceGroup};${vm.name}`.toLowerCase();
}

export function containerName(vm: Pick<VmRecord, 'resourceGroup' | 'name'>): string {
  return `IaasVMContainer;${shortContainerName(vm)}`;
}

export function protectedItemName(vm: Pick<VmRecord, 'resourceGroup' | 'name'>): string {
  return `VM;${shortContainerName(vm)}`;
}

export interface ParsedVmRef {
  resourceGroup: string;
  vmName: string;
}

/** Parses `iaasvmcontainer;iaasvmcontainerv2;{rg};{vm}` in any casing. */
export function parseContainerName(name: string): ParsedVmRef | undefined {
  const m = /^iaasvmcontainer;iaasvmcontainerv2;([^;]+);([^;]+)$/i.exec(name);
  return m ? { resourceGroup: m[1], vmName: m[2] } : undefined;
}

/** Parses `vm;iaasvmcontainerv2;{rg};{vm}` in any casing. */
export function parseItemName(name: string): ParsedVmRef | undefined {
  const m = /^vm;iaasvmcontainerv2;([^;]+);([^;]+)$/i.exec(name);
  return m ? { resourceGroup: m[1], vmName: m[2] } : undefined;
}

/** "West Europe" and "westeurope" name the same region. */
export function normalizeLocation(location: string): string {
  return location.replace(/\s+/g, '').toLowerCase();
}
