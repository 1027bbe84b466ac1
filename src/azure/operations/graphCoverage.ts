// An estate's VMs and their backup items through Azure Resource Graph, for coverage across many subscriptions: two
// queries over every selected subscription (1,000 rows a page) instead of a VM list per subscription and an item
// list per vault. Resource Graph indexes the vaults' changes with a short delay: callers overlay what they know to be
// newer. The tree keeps its fresh per-vault reads.
import { toBackupItem } from '../convert/items';
import type { BackupItem, VirtualMachine } from '../model';
import { toVirtualMachineFromGraph } from '../convert/arm';
import type { OperationContext } from './context';
import { call } from './context';
import { graphPage } from './resourceGraph';

/** Resource Graph takes at most this many subscriptions in one request. */
export const GRAPH_SUBSCRIPTION_BATCH = 1000;

/**
 * The VM items of every vault, with the columns the item conversion reads (and nothing else). Booleans are projected
 * as values, not tostring(), so soft-deleted items read as they do from the vault. Ordered by the lower-cased VM id
 * (`vmKey`, then the item id for a stable page order), as the VM query is, so the two streams merge as they arrive.
 */
export const BACKUP_ITEMS_GRAPH_QUERY = [
  "RecoveryServicesResources | where type =~ 'microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems'",
  "where properties.backupManagementType =~ 'AzureIaasVM'",
  'project id, name, protectedItemType = tostring(properties.protectedItemType), protectionState = tostring(properties.protectionState),' +
    ' healthStatus = tostring(properties.healthStatus), friendlyName = tostring(properties.friendlyName),' +
    ' sourceResourceId = tostring(properties.sourceResourceId), lastBackupStatus = tostring(properties.lastBackupStatus),' +
    ' lastBackupTime = tostring(properties.lastBackupTime), policyId = tostring(properties.policyId), policyName = tostring(properties.policyName),' +
    ' isScheduledForDeferredDelete = properties.isScheduledForDeferredDelete, deferredDeleteTimeInUTC = tostring(properties.deferredDeleteTimeInUTC),' +
    ' vmKey = tolower(tostring(properties.sourceResourceId))',
  'order by vmKey asc, id asc',
].join(' | ');

/**
 * The tree's VM columns (resourceGraph.ts) with the join key, in the items query's order; with what decides whether
 * only an Enhanced policy protects the VM, for bulk enable.
 */
export const COVERAGE_VM_GRAPH_QUERY = [
  "Resources | where type =~ 'microsoft.compute/virtualmachines'",
  'project id, name, location, osType = tostring(properties.storageProfile.osDisk.osType),' +
    ' vmSize = tostring(properties.hardwareProfile.vmSize), powerState = tostring(properties.extended.instanceView.powerState.code),' +
    ' securityType = tostring(properties.securityProfile.securityType),' +
    ' osDiskType = tostring(properties.storageProfile.osDisk.managedDisk.storageAccountType),' +
    ' dataDisks = properties.storageProfile.dataDisks, vmKey = tolower(id)',
  'order by vmKey asc',
].join(' | ');

/** A projected row back in the shape of a listed item, so one conversion rule serves both sources. */
export function backupItemFromGraph(raw: unknown): BackupItem | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { id, name, ...properties } = raw as Record<string, unknown>;
  return toBackupItem({ id: String(id ?? ''), name: String(name ?? ''), properties });
}

export function batches(subscriptionIds: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < subscriptionIds.length; i += GRAPH_SUBSCRIPTION_BATCH)
    out.push(subscriptionIds.slice(i, i + GRAPH_SUBSCRIPTION_BATCH));
  return out;
}

export async function* allPages<T>(
  ctx: OperationContext,
  subscriptionIds: readonly string[],
  query: string,
  convert: (row: unknown) => T | undefined,
  signal?: AbortSignal,
): AsyncGenerator<T[]> {
  for (const batch of batches(subscriptionIds)) {
    let token: string | undefined;
    do {
      const page = await call(() => graphPage(ctx, batch, query, convert, token, signal));
      yield page.entries;
      token = page.next;
    } while (token);
  }
}

/** Every VM of the subscriptions, a page at a time, in join order (without protection: see graphJoin.ts). */
export function graphVirtualMachines(
  ctx: OperationContext,
  subscriptionIds: readonly string[],
  signal?: AbortSignal,
): AsyncGenerator<VirtualMachine[]> {
  return allPages(ctx, subscriptionIds, COVERAGE_VM_GRAPH_QUERY, toVirtualMachineFromGraph, signal);
}

/** Every VM backup item of every vault in the subscriptions, a page at a time, as Resource Graph last indexed them. */
export function graphBackupItems(
  ctx: OperationContext,
  subscriptionIds: readonly string[],
  signal?: AbortSignal,
): AsyncGenerator<BackupItem[]> {
  return allPages(ctx, subscriptionIds, BACKUP_ITEMS_GRAPH_QUERY, backupItemFromGraph, signal);
}
