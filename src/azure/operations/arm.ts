// Subscriptions, resource groups, regions and VMs: ARM basics through the modular SDKs.
import { toRegion, toResourceGroup, toSubscription, toVirtualMachine } from '../convert/arm';
import type { Region, ResourceGroup, Subscription, VirtualMachine } from '../model';
import { collectAll, modularToken } from '../paging';
import type { OperationContext } from './context';
import { call } from './context';

export function listSubscriptions(ctx: OperationContext, signal?: AbortSignal, tenantId?: string): Promise<Subscription[]> {
  return call(() => collectAll(ctx.clients.subscriptions().subscriptions.list({ abortSignal: signal }), modularToken,
    (s) => toSubscription(s, tenantId), signal));
}

export async function listResourceGroups(ctx: OperationContext, subscriptionId: string, signal?: AbortSignal): Promise<ResourceGroup[]> {
  const groups = await call(() => collectAll(ctx.clients.resources(subscriptionId).resourceGroups.list({ abortSignal: signal }),
    modularToken, toResourceGroup, signal));
  return groups.sort((a, b) => a.name.localeCompare(b.name));
}

export async function listRegions(ctx: OperationContext, subscriptionId: string, signal?: AbortSignal): Promise<Region[]> {
  const regions = await call(() => collectAll(ctx.clients.subscriptions().subscriptions.listLocations(subscriptionId, { abortSignal: signal }),
    modularToken, toRegion, signal));
  return regions.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Every VM of the subscription: one paged listing. */
export function listVirtualMachines(ctx: OperationContext, subscriptionId: string, signal?: AbortSignal): Promise<VirtualMachine[]> {
  return call(() => collectAll(ctx.clients.compute(subscriptionId).virtualMachines.listAll({ abortSignal: signal }),
    modularToken, toVirtualMachine, signal));
}
