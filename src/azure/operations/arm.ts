// Subscriptions, resource groups, regions and VMs: ARM basics through the modular SDKs.
import type { PageOptions } from '../backupService';
import { toRegion, toResourceGroup, toSubscription, toVirtualMachineFromWire } from '../convert/arm';
import type { Region, ResourceGroup, Subscription, VirtualMachine } from '../model';
import { vmsKey } from '../transport/listingCache';
import { collectAll, gatherPages, type ListPage, modularToken } from '../paging';
import { firstPageUrl, getWirePage, nextPageUrl } from '../transport/wire';
import type { OperationContext } from './context';
import { graphRefusal, graphVmPage, isGraphToken, noteFallback } from './resourceGraph';
import { call } from './context';

export function listSubscriptions(
  ctx: OperationContext,
  signal?: AbortSignal,
  tenantId?: string,
): Promise<Subscription[]> {
  return call(() =>
    collectAll(
      ctx.clients.subscriptions().subscriptions.list({ abortSignal: signal }),
      modularToken,
      (s) => toSubscription(s, tenantId),
      signal,
    ),
  );
}

export async function listResourceGroups(
  ctx: OperationContext,
  subscriptionId: string,
  signal?: AbortSignal,
): Promise<ResourceGroup[]> {
  const groups = await call(() =>
    collectAll(
      ctx.clients.resources(subscriptionId).resourceGroups.list({ abortSignal: signal }),
      modularToken,
      toResourceGroup,
      signal,
    ),
  );
  return groups.sort((a, b) => a.name.localeCompare(b.name));
}

export async function listRegions(
  ctx: OperationContext,
  subscriptionId: string,
  signal?: AbortSignal,
): Promise<Region[]> {
  const regions = await call(() =>
    collectAll(
      ctx.clients.subscriptions().subscriptions.listLocations(subscriptionId, { abortSignal: signal }),
      modularToken,
      toRegion,
      signal,
    ),
  );
  return regions.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** @azure/arm-compute 25.x sends this api-version for every VM operation (hard-coded; AZURE-BACKUP-API.md section 0). */
export const COMPUTE_API_VERSION = '2026-04-01';

/**
 * One page of the subscription's VMs (token undefined: the first): through Resource Graph (1,000 per page), or
 * Compute's list when this session found Resource Graph unavailable. A token continues the listing it came from.
 */
export async function vmPage(
  ctx: OperationContext,
  subscriptionId: string,
  token: string | undefined,
  signal?: AbortSignal,
): Promise<ListPage<VirtualMachine>> {
  if (token ? !isGraphToken(token) : ctx.vmListing.computeOnly)
    return computeVmPage(ctx, subscriptionId, token, signal);
  try {
    return await graphVmPage(ctx, subscriptionId, token, signal);
  } catch (e) {
    const refusal = graphRefusal(e);
    // A refusal mid-listing is an error like any other: its pages so far came from Resource Graph.
    if (token || !refusal.fallback || signal?.aborted) throw refusal.error;
    noteFallback(ctx, refusal);
    return computeVmPage(ctx, subscriptionId, undefined, signal);
  }
}

/** One page of Compute's VM list, read as wire JSON (see transport/wire.ts); 50 VMs per page in public reports. */
function computeVmPage(
  ctx: OperationContext,
  subscriptionId: string,
  token: string | undefined,
  signal?: AbortSignal,
): Promise<ListPage<VirtualMachine>> {
  return call(async () => {
    const path = `/subscriptions/${encodeURIComponent(subscriptionId)}/providers/Microsoft.Compute/virtualMachines`;
    const url = token
      ? nextPageUrl(token, COMPUTE_API_VERSION)
      : firstPageUrl(ctx.clients.endpoint, path, COMPUTE_API_VERSION);
    const sender = ctx.clients.wire(ctx.clients.compute(subscriptionId).pipeline);
    const page = await getWirePage(sender, url, signal);
    const entries = await ctx.clients.transport.queue.mapInSlices(page.value, toVirtualMachineFromWire);
    return page.nextLink ? { entries, next: page.nextLink } : { entries };
  });
}

/**
 * VMs of the subscription from `continuationToken` on, whole pages until `maxItems` (all without it). With a
 * listing cache the next page is read ahead as soon as its nextLink is known, so "Load more" does not wait for
 * the round trip, and the VM chain of pages never waits for the protection index a page is joined with.
 */
export async function listVirtualMachinePages(
  ctx: OperationContext,
  subscriptionId: string,
  options: PageOptions = {},
): Promise<ListPage<VirtualMachine>> {
  const key = vmsKey(subscriptionId);
  const page = await gatherPages(async (token) => {
    const p = await ((token ? ctx.cache.take<ListPage<VirtualMachine>>(key, token) : undefined) ??
      vmPage(ctx, subscriptionId, token, options.signal));
    const next = p.next;
    if (next && options.maxItems !== undefined) ctx.cache.ahead(key, next, () => vmPage(ctx, subscriptionId, next));
    return p;
  }, options);
  return page;
}

/** Every VM of the subscription: one paged listing. */
export async function listVirtualMachines(
  ctx: OperationContext,
  subscriptionId: string,
  signal?: AbortSignal,
): Promise<VirtualMachine[]> {
  return (await listVirtualMachinePages(ctx, subscriptionId, { signal })).entries;
}
