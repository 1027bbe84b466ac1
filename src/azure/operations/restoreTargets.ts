// What the restore form offers and the restore checks: the region's virtual networks (with subnets) and storage
// accounts, and whether a VM name is free in a resource group. Storage through its SDK's storageAccounts operations;
// Network as wire JSON through its SDK context's pipeline (transport/wire.ts), because the Network SDK has no entry point for
// one operation group and its whole client would add over 1 MB to the bundle.
import { getProperties, list as listAccounts } from '@azure/arm-storage/api/storageAccounts';
import { sameRegion, toStorageAccount, toVirtualNetworkFromWire } from '../convert/restoreTargets';
import { AzureError } from '../errors';
import { idSegments } from '../ids';
import type { StorageAccount, VirtualNetwork } from '../model';
import { collectAll, gatherPages, modularToken } from '../paging';
import { firstPageUrl, getWirePage, nextPageUrl, sendWire, type WireSender } from '../transport/wire';
import type { OperationContext } from './context';
import { call } from './context';

/** @azure/arm-network 39.0.0's api-version for virtual networks. */
export const NETWORK_API_VERSION = '2026-01-01';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

function networkSender(ctx: OperationContext, subscriptionId: string): WireSender {
  return ctx.clients.wire(ctx.clients.network(subscriptionId).pipeline);
}

/** The subscription's virtual networks in `region`, by name. */
export async function listVirtualNetworks(
  ctx: OperationContext,
  subscriptionId: string,
  region: string,
  signal?: AbortSignal,
): Promise<VirtualNetwork[]> {
  const sender = networkSender(ctx, subscriptionId);
  const path = `/subscriptions/${encodeURIComponent(subscriptionId)}/providers/Microsoft.Network/virtualNetworks`;
  const all = await call(() =>
    gatherPages(
      async (token) => {
        const page = await getWirePage(
          sender,
          token
            ? nextPageUrl(token, NETWORK_API_VERSION)
            : firstPageUrl(ctx.clients.endpoint, path, NETWORK_API_VERSION),
          signal,
        );
        const entries = page.value.map(toVirtualNetworkFromWire).filter((n): n is VirtualNetwork => n !== undefined);
        return page.nextLink ? { entries, next: page.nextLink } : { entries };
      },
      { signal },
    ),
  );
  return all.entries.filter((n) => sameRegion(n.location, region)).sort(byName);
}

/** The subscription's storage accounts in `region` (where a restore can stage its data), by name. */
export async function listStorageAccounts(
  ctx: OperationContext,
  subscriptionId: string,
  region: string,
  signal?: AbortSignal,
): Promise<StorageAccount[]> {
  const all = await call(() =>
    collectAll(
      listAccounts(ctx.clients.storage(subscriptionId), { abortSignal: signal }),
      modularToken,
      toStorageAccount,
      signal,
    ),
  );
  return all.filter((a) => sameRegion(a.location, region)).sort(byName);
}

/** True when no VM of that name exists in the group (its GET answers 404); a missing group is an error, not a free name. */
export async function isVmNameAvailable(
  ctx: OperationContext,
  subscriptionId: string,
  resourceGroup: string,
  name: string,
  signal?: AbortSignal,
): Promise<boolean> {
  try {
    await call(() =>
      ctx.clients.compute(subscriptionId).virtualMachines.get(resourceGroup, name, { abortSignal: signal }),
    );
    return false;
  } catch (e) {
    const error = AzureError.from(e);
    if (error.status === 404 && error.code !== 'ResourceGroupNotFound') return true;
    throw error;
  }
}

/** Reads the resource an id names, or undefined when it does not exist (404). */
async function orAbsent<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call(read);
  } catch (e) {
    if (AzureError.from(e).status === 404) return undefined;
    throw e;
  }
}

export function getStorageAccountById(
  ctx: OperationContext,
  id: string,
  signal?: AbortSignal,
): Promise<StorageAccount | undefined> {
  const seg = idSegments(id);
  return orAbsent(async () =>
    toStorageAccount(
      await getProperties(
        ctx.clients.storage(seg.get('subscriptions') ?? ''),
        seg.get('resourcegroups') ?? '',
        seg.get('storageaccounts') ?? '',
        { abortSignal: signal },
      ),
    ),
  );
}

export function getVirtualNetworkById(
  ctx: OperationContext,
  id: string,
  signal?: AbortSignal,
): Promise<VirtualNetwork | undefined> {
  const seg = idSegments(id);
  const subscriptionId = seg.get('subscriptions') ?? '';
  const path =
    `/subscriptions/${encodeURIComponent(subscriptionId)}/resourceGroups/${encodeURIComponent(seg.get('resourcegroups') ?? '')}` +
    `/providers/Microsoft.Network/virtualNetworks/${encodeURIComponent(seg.get('virtualnetworks') ?? '')}`;
  return orAbsent(async () =>
    toVirtualNetworkFromWire(
      await sendWire(
        networkSender(ctx, subscriptionId),
        'GET',
        firstPageUrl(ctx.clients.endpoint, path, NETWORK_API_VERSION),
        undefined,
        signal,
      ),
    ),
  );
}
