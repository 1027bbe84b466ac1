// Protected items (backup SDK): the vault's VM backup items. The list is read as wire JSON (see transport/wire.ts), page
// by page through the session's listing cache, so the "Backup items" node and the VM protection join share it.
import type { ItemRef, Page, PageOptions, VaultRef } from '../backupService';
import { asItemResource, isSoftDeleted, toBackupItem } from '../convert/items';
import { AzureError } from '../errors';
import { FABRIC } from '../ids';
import { itemsKey } from '../transport/listingCache';
import type { BackupItem } from '../model';
import { gatherPages, type ListPage } from '../paging';
import { firstPageUrl, getWirePage, nextPageUrl } from '../transport/wire';
import type { OperationContext } from './context';
import { call } from './context';

/** The filter the CLI and the portal use for VM items. */
export const VM_ITEMS_FILTER = "backupManagementType eq 'AzureIaasVM' and itemType eq 'VM'";

/** A VM item and whether it is soft-deleted (its VM then reads 'SoftDeleted', see protectionState.ts). */
export interface ItemEntry {
  item: BackupItem;
  softDeleted: boolean;
}

function toEntry(raw: unknown): ItemEntry | undefined {
  const resource = asItemResource(raw);
  const item = resource && toBackupItem(resource);
  return resource && item ? { item, softDeleted: isSoftDeleted(resource) } : undefined;
}

/** One page of the vault's VM items (token undefined: the first), through the listing cache. */
function itemPage(
  ctx: OperationContext,
  ref: VaultRef,
  token: string | undefined,
  signal?: AbortSignal,
): Promise<ListPage<ItemEntry>> {
  return ctx.cache.page(
    itemsKey(ref),
    token,
    (s) =>
      call(async () => {
        const client = ctx.clients.backup(ref.subscriptionId);
        const path =
          `/subscriptions/${encodeURIComponent(ref.subscriptionId)}/resourceGroups/${encodeURIComponent(ref.resourceGroup)}` +
          `/providers/Microsoft.RecoveryServices/vaults/${encodeURIComponent(ref.name)}/backupProtectedItems`;
        const url = token
          ? nextPageUrl(token, client.apiVersion)
          : firstPageUrl(ctx.clients.endpoint, path, client.apiVersion, VM_ITEMS_FILTER);
        const page = await getWirePage(ctx.clients.wire(client.pipeline), url, s);
        const entries = await ctx.clients.transport.queue.mapInSlices(page.value, toEntry);
        return page.nextLink ? { entries, next: page.nextLink } : { entries };
      }),
    signal,
  );
}

export async function listBackupItems(
  ctx: OperationContext,
  ref: VaultRef,
  options: PageOptions = {},
): Promise<Page<BackupItem>> {
  const page = await gatherPages((token) => itemPage(ctx, ref, token, options.signal), options);
  const items = page.entries.map((e) => e.item);
  return page.next ? { items, continuationToken: page.next } : { items };
}

/** Every VM item of the vault, every page. */
export async function listVaultItemEntries(
  ctx: OperationContext,
  ref: VaultRef,
  signal?: AbortSignal,
): Promise<ItemEntry[]> {
  return (await gatherPages((token) => itemPage(ctx, ref, token, signal), { signal })).entries;
}

/** Drop the vault's cached items (after an operation changed them, or before a read that must be fresh). */
export function forgetVaultItems(ctx: OperationContext, ref: VaultRef): void {
  ctx.cache.invalidate({ subscriptionId: ref.subscriptionId, vault: ref });
}

export async function getBackupItem(ctx: OperationContext, ref: ItemRef, signal?: AbortSignal): Promise<BackupItem> {
  const resource = await call(() =>
    ctx.clients
      .backup(ref.subscriptionId)
      .protectedItems.get(ref.name, ref.resourceGroup, FABRIC, ref.containerName, ref.itemName, {
        filter: "expand eq 'extendedinfo'",
        abortSignal: signal,
      }),
  );
  const item = toBackupItem(resource);
  if (!item) {
    throw new AzureError({
      code: 'UnsupportedItem',
      message: `'${ref.itemName}' is not an Azure VM backup item.`,
      retryable: false,
    });
  }
  return item;
}
