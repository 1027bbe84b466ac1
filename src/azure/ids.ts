// ARM ids and the backup service's naming scheme (AZURE-BACKUP-API.md 6.4). Ids are case-insensitive;
// the backup service lower-cases resource group and VM names inside its container and item names.
import type { ItemRef, VaultRef } from './model';

export const FABRIC = 'Azure';

export function vaultId(ref: VaultRef): string {
  return `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${ref.name}`;
}

/** A protected item's ARM id. */
export function itemId(ref: ItemRef): string {
  return `${vaultId(ref)}/backupFabrics/${FABRIC}/protectionContainers/${ref.containerName}/protectedItems/${ref.itemName}`;
}

/** The path of a protected item as the SDK's item calls take it: vault, resource group, fabric, container, item. */
export function itemPath(
  ref: ItemRef,
): [vaultName: string, resourceGroup: string, fabric: string, container: string, item: string] {
  return [ref.name, ref.resourceGroup, FABRIC, ref.containerName, ref.itemName];
}

export function policyId(ref: VaultRef, policyName: string): string {
  return `${vaultId(ref)}/backupPolicies/${policyName}`;
}

/**
 * Decodes a percent-encoded id segment. ARM ids carry names raw, and a name may hold a lone `%` (`cpu-at-100%`):
 * a segment that is not valid percent-encoding is taken as it is, so one odd name never fails a whole listing.
 */
export function decodeIdSegment(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
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
      map.set(key.toLowerCase(), decode ? decodeIdSegment(part) : part);
      key = undefined;
    }
  }
  return map;
}

/** An ARM id's subscription, resource group and, for the shapes below, the resource's own names. */
export interface IdParts {
  subscriptionId?: string;
  resourceGroup?: string;
  /** virtualMachines/{name} */
  vm?: string;
  /** vaults/{name}, protectionContainers/{name}, protectedItems/{name} */
  vault?: string;
  container?: string;
  item?: string;
}

// The two shapes a tree load reads 7,500 times (5,000 VMs, 2,500 items). One regular expression each is several
// times cheaper than idSegments's split + Map while the code is still cold (the first load of a session). An id
// of any other shape, or with a percent-encoded segment (idSegments decodes those), takes the general path.
const VM_ID =
  /^\/subscriptions\/([^/%]+)\/resourceGroups\/([^/%]+)\/providers\/Microsoft\.Compute\/virtualMachines\/([^/%]+)$/i;
const ITEM_ID = new RegExp(
  '^/subscriptions/([^/%]+)/resourceGroups/([^/%]+)/providers/Microsoft\\.RecoveryServices/vaults/([^/%]+)' +
    '/backupFabrics/[^/%]+/protectionContainers/([^/%]+)/protectedItems/([^/%]+)$',
  'i',
);

/** What idSegments would give for these keys, by the fast path when the id has one of the common shapes. */
export function idParts(id: string): IdParts {
  const vm = VM_ID.exec(id);
  if (vm) return { subscriptionId: vm[1], resourceGroup: vm[2], vm: vm[3] };
  const item = ITEM_ID.exec(id);
  if (item)
    return { subscriptionId: item[1], resourceGroup: item[2], vault: item[3], container: item[4], item: item[5] };
  const seg = idSegments(id);
  return {
    subscriptionId: seg.get('subscriptions'),
    resourceGroup: seg.get('resourcegroups'),
    vm: seg.get('virtualmachines'),
    vault: seg.get('vaults'),
    container: seg.get('protectioncontainers'),
    item: seg.get('protecteditems'),
  };
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

/** Whether two ids (ARM ids, subscription ids) name the same resource: Azure ignores their case. */
export function sameId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && idKey(a) === idKey(b);
}

/** An id in the one form used to key maps and sets, so that ids differing only in case meet. */
export function idKey(id: string): string {
  return id.toLowerCase();
}

/** A map key made of several parts (ids, names Azure compares without case), joined by `|`, in the form idKey gives. */
export function compositeKey(...parts: string[]): string {
  return idKey(parts.join('|'));
}

/** The last path segment of an operation URL (before the query): the operation id. */
export function operationIdFromUrl(url: string | undefined): string | undefined {
  if (!url) {
    return undefined;
  }
  const path = url.split('?')[0].replace(/\/+$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last ? decodeIdSegment(last) : undefined;
}
