// An estate's VMs and their backup items through Azure Resource Graph, for coverage across many subscriptions: two
// queries over every selected subscription (1,000 rows a page) instead of a VM list per subscription and an item
// list per vault. Resource Graph indexes the vaults' changes with a short delay: callers overlay what they know to be
// newer. The tree keeps its fresh per-vault reads.
import { toBackupItem } from '../convert/items';
import type { BackupItem, VirtualMachine } from '../model';
import { toVirtualMachineFromGraph } from '../convert/arm';
import type { OperationContext } from './context';
import { graphPage, VM_GRAPH_QUERY } from './resourceGraph';

/** Resource Graph takes at most this many subscriptions in one request. */
export const GRAPH_SUBSCRIPTION_BATCH = 1000;

/**
 * The VM items of every vault, with the columns the item conversion reads (and nothing else). Booleans are projected
 * as values, not tostring(), so soft-deleted items read as they do from the vault.
 */
export const BACKUP_ITEMS_GRAPH_QUERY = [
  "RecoveryServicesResources | where type =~ 'microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems'",
  "where properties.backupManagementType =~ 'AzureIaasVM'",
  'project id, name, protectedItemType = tostring(properties.protectedItemType), protectionState = tostring(properties.protectionState),' +
    ' healthStatus = tostring(properties.healthStatus), friendlyName = tostring(properties.friendlyName),' +
    ' sourceResourceId = tostring(properties.sourceResourceId), lastBackupStatus = tostring(properties.lastBackupStatus),' +
    ' lastBackupTime = tostring(properties.lastBackupTime), policyId = tostring(properties.policyId), policyName = tostring(properties.policyName),' +
    ' isScheduledForDeferredDelete = properties.isScheduledForDeferredDelete, deferredDeleteTimeInUTC = tostring(properties.deferredDeleteTimeInUTC)',
  'order by id asc',
].join(' | ');

/** A projected row back in the shape of a listed item, so one conversion rule serves both sources. */
export function backupItemFromGraph(raw: unknown): BackupItem | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { id, name, ...properties } = raw as Record<string, unknown>;
  return toBackupItem({ id: String(id ?? ''), name: String(name ?? ''), properties });
}

function batches(subscriptionIds: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < subscriptionIds.length; i += GRAPH_SUBSCRIPTION_BATCH)
    out.push(subscriptionIds.slice(i, i + GRAPH_SUBSCRIPTION_BATCH));
  return out;
}

async function* allPages<T>(
  ctx: OperationContext,
  subscriptionIds: readonly string[],
  query: string,
  convert: (row: unknown) => T | undefined,
  signal?: AbortSignal,
): AsyncGenerator<T[]> {
  for (const batch of batches(subscriptionIds)) {
    let token: string | undefined;
    do {
      const page = await graphPage(ctx, batch, query, convert, token, signal);
      yield page.entries;
      token = page.next;
    } while (token);
  }
}

/** Every VM of the subscriptions, a page at a time (without protection: join with graphBackupItems). */
export function graphVirtualMachines(
  ctx: OperationContext,
  subscriptionIds: readonly string[],
  signal?: AbortSignal,
): AsyncGenerator<VirtualMachine[]> {
  return allPages(ctx, subscriptionIds, VM_GRAPH_QUERY, toVirtualMachineFromGraph, signal);
}

/** Every VM backup item of every vault in the subscriptions, a page at a time, as Resource Graph last indexed them. */
export function graphBackupItems(
  ctx: OperationContext,
  subscriptionIds: readonly string[],
  signal?: AbortSignal,
): AsyncGenerator<BackupItem[]> {
  return allPages(ctx, subscriptionIds, BACKUP_ITEMS_GRAPH_QUERY, backupItemFromGraph, signal);
}
