// Protected items (backup SDK): the vault's VM backup items.
import { getContinuationToken } from '@azure/arm-recoveryservicesbackup';
import type { ProtectedItemResource } from '@azure/arm-recoveryservicesbackup';
import type { ItemRef, Page, PageOptions, VaultRef } from '../backupService';
import { toBackupItem } from '../convert/items';
import { AzureError } from '../errors';
import { FABRIC } from '../ids';
import type { BackupItem } from '../model';
import { collectAll, collectPage } from '../paging';
import type { OperationContext } from './context';
import { call } from './context';

/** The filter the CLI and the portal use for VM items. */
export const VM_ITEMS_FILTER = "backupManagementType eq 'AzureIaasVM' and itemType eq 'VM'";

export function listBackupItems(ctx: OperationContext, ref: VaultRef, options: PageOptions = {}): Promise<Page<BackupItem>> {
  return call(() => collectPage(
    ctx.clients.backup(ref.subscriptionId).backupProtectedItems.list(ref.name, ref.resourceGroup, { filter: VM_ITEMS_FILTER, abortSignal: options.signal }),
    getContinuationToken, toBackupItem, options));
}

/** Raw VM items of a vault, every page: the join needs the soft-delete flag as well. */
export function listRawVmItems(ctx: OperationContext, ref: VaultRef, signal?: AbortSignal): Promise<ProtectedItemResource[]> {
  return call(() => collectAll(
    ctx.clients.backup(ref.subscriptionId).backupProtectedItems.list(ref.name, ref.resourceGroup, { filter: VM_ITEMS_FILTER, abortSignal: signal }),
    getContinuationToken, (r) => r, signal));
}

export async function getBackupItem(ctx: OperationContext, ref: ItemRef, signal?: AbortSignal): Promise<BackupItem> {
  const resource = await call(() => ctx.clients.backup(ref.subscriptionId).protectedItems.get(
    ref.name, ref.resourceGroup, FABRIC, ref.containerName, ref.itemName, { filter: "expand eq 'extendedinfo'", abortSignal: signal }));
  const item = toBackupItem(resource);
  if (!item) {
    throw new AzureError({ code: 'UnsupportedItem', message: `'${ref.itemName}' is not an Azure VM backup item.`, retryable: false });
  }
  return item;
}
