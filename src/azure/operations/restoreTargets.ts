// What the restore form offers and the restore checks: the region's virtual networks (with subnets) and storage
// accounts, and whether a VM name is free in a resource group.
import { sameRegion, toStorageAccount, toVirtualNetwork } from '../convert/restoreTargets';
import { AzureError } from '../errors';
import { idSegments } from '../ids';
import type { StorageAccount, VirtualNetwork } from '../model';
import { collectAll, modularToken } from '../paging';
import type { OperationContext } from './context';
import { call } from './context';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** The subscription's virtual networks in `region`, by name. */
export async function listVirtualNetworks(ctx: OperationContext, subscriptionId: string, region: string, signal?: AbortSignal): Promise<VirtualNetwork[]> {
  const all = await call(() => collectAll(ctx.clients.network(subscriptionId).virtualNetworks.listAll({ abortSignal: signal }), modularToken, toVirtualNetwork, signal));
  return all.filter((n) => sameRegion(n.location, region)).sort(byName);
}

/** The subscription's storage accounts in `region` (where a restore can stage its data), by name. */
export async function listStorageAccounts(ctx: OperationContext, subscriptionId: string, region: string, signal?: AbortSignal): Promise<StorageAccount[]> {
  const all = await call(() => collectAll(ctx.clients.storage(subscriptionId).storageAccounts.list({ abortSignal: signal }), modularToken, toStorageAccount, signal));
  return all.filter((a) => sameRegion(a.location, region)).sort(byName);
}

/** True when no VM of that name exists in the group (its GET answers 404); a missing group is an error, not a free name. */
export async function isVmNameAvailable(ctx: OperationContext, subscriptionId: string, resourceGroup: string, name: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await call(() => ctx.clients.compute(subscriptionId).virtualMachines.get(resourceGroup, name, { abortSignal: signal }));
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

export function getStorageAccountById(ctx: OperationContext, id: string, signal?: AbortSignal): Promise<StorageAccount | undefined> {
  const seg = idSegments(id);
  return orAbsent(async () => toStorageAccount(await ctx.clients.storage(seg.get('subscriptions') ?? '').storageAccounts.getProperties(
    seg.get('resourcegroups') ?? '', seg.get('storageaccounts') ?? '', { abortSignal: signal })));
}

export function getVirtualNetworkById(ctx: OperationContext, id: string, signal?: AbortSignal): Promise<VirtualNetwork | undefined> {
  const seg = idSegments(id);
  return orAbsent(async () => toVirtualNetwork(await ctx.clients.network(seg.get('subscriptions') ?? '').virtualNetworks.get(
    seg.get('resourcegroups') ?? '', seg.get('virtualnetworks') ?? '', { abortSignal: signal })));
}
