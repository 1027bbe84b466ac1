// ARM ids and the backup service's naming scheme (AZURE-BACKUP-API.md 6.4). Ids are case-insensitive;
// the backup service lower-cases resource group and VM names inside its container and item names.
import type { ItemRef, VaultRef } from './backupService';

export const FABRIC = 'Azure';

export function vaultId(ref: VaultRef): string {
  return `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${ref.name}`;
}

export function policyId(ref: VaultRef, policyName: string): string {
  return `${vaultId(ref)}/backupPolicies/${policyName}`;
}

/** Reads `{key}/{value}` pairs of an ARM id, keys lower-cased. */
export function idSegments(id: string): Map<string, string> {
  // Runs for every VM and item of a tree load: one pass, no filtered copy, decoding only ids that need it.
  const decode = id.includes('%');
  const map = new Map<string, string>();
  let key: string | undefined;
  for (const part of id.split('/')) {
    if (part.length === 0) continue;
    if (key === undefined) key = part;
    else {
      map.set(key.toLowerCase(), decode ? decodeURIComponent(part) : part);
      key = undefined;
    }
  }
  return map;
}

/** The vault a backup resource (item, job, policy...) belongs to, from its id. */
export function vaultRefFromId(id: string): VaultRef | undefined {
  const seg = idSegments(id);
  const subscriptionId = seg.get('subscriptions');
  const resourceGroup = seg.get('resourcegroups');
  const name = seg.get('vaults');
  return subscriptionId && resourceGroup && name ? { subscriptionId, resourceGroup, name } : undefined;
}

/** `iaasvmcontainerv2;{rg};{vm}`, the protectable item name of an ARM VM. */
export function protectableNameForVm(resourceGroup: string, vmName: string): string {
  return `iaasvmcontainerv2;${resourceGroup.toLowerCase()};${vmName.toLowerCase()}`;
}

export function itemRefForProtectable(vault: VaultRef, protectableName: string): ItemRef {
  return { ...vault, containerName: `IaasVMContainer;${protectableName}`, itemName: `VM;${protectableName}` };
}

export function vmResourceGroup(vmId: string): string {
  return idSegments(vmId).get('resourcegroups') ?? '';
}

export function sameId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** The last path segment of an operation URL (before the query): the operation id. */
export function operationIdFromUrl(url: string | undefined): string | undefined {
  if (!url) {
    return undefined;
  }
  const path = url.split('?')[0].replace(/\/+$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last ? decodeURIComponent(last) : undefined;
}
