// Which vault protects which VM. For a subscription: one VM listing + one items listing per vault, joined
// in memory (never one call per VM). For a single VM: the subscription-level backupStatus call.
import type { VirtualMachine } from '../model';
import { mapWithConcurrency } from '../concurrency';
import { isSoftDeleted, toBackupItem } from '../convert/items';
import type { VaultItems } from '../convert/join';
import { joinVmsWithItems } from '../convert/join';
import { toVault } from '../convert/vaults';
import { AzureError } from '../errors';
import { vaultRefFromId } from '../ids';
import { collectAll, modularToken } from '../paging';
import { listVirtualMachines } from './arm';
import type { OperationContext } from './context';
import { call } from './context';
import { getBackupItem, listRawVmItems } from './items';

export async function listVirtualMachinesWithProtection(ctx: OperationContext, subscriptionId: string, signal?: AbortSignal): Promise<VirtualMachine[]> {
  const vaultsPromise = call(() => collectAll(
    ctx.clients.vaults(subscriptionId).vaults.listBySubscriptionId({ abortSignal: signal }), modularToken, toVault, signal));
  const [vms, vaults] = await Promise.all([listVirtualMachines(ctx, subscriptionId, signal), vaultsPromise]);
  const perVault = await mapWithConcurrency(vaults, ctx.concurrency, async (vault): Promise<VaultItems> => {
    try {
      const raw = await listRawVmItems(ctx, { subscriptionId, resourceGroup: vault.resourceGroup, name: vault.name }, signal);
      return { items: raw.filter((r) => !isSoftDeleted(r)).map(toBackupItem).filter((i) => i !== undefined) };
    } catch (e) {
      if (signal?.aborted) {
        throw AzureError.from(e);
      }
      return {}; // one unreadable vault makes its VMs 'Unknown' instead of failing the whole subscription
    }
  }, signal);
  return joinVmsWithItems(vms, perVault);
}

export async function getVmProtection(
  ctx: OperationContext, vm: Pick<VirtualMachine, 'id' | 'location' | 'subscriptionId'>, signal?: AbortSignal,
): Promise<VirtualMachine['protection']> {
  const status = await call(() => ctx.clients.backup(vm.subscriptionId).backupStatus.get(
    vm.location, { resourceType: 'VM', resourceId: vm.id }, { abortSignal: signal }));
  const state = status.protectionStatus;
  if (state !== 'Protected' && state !== 'Protecting') {
    return { state: state === 'NotProtected' ? 'NotProtected' : 'Unknown' };
  }
  const vault = status.vaultId ? vaultRefFromId(status.vaultId) : undefined;
  const protection: NonNullable<VirtualMachine['protection']> = {
    state: 'Protected', vaultId: status.vaultId, vaultName: vault?.name, policyName: status.policyName,
  };
  if (vault && status.containerName && status.protectedItemName) {
    try {
      protection.item = await getBackupItem(ctx, { ...vault, containerName: status.containerName, itemName: status.protectedItemName }, signal);
      protection.policyName ??= protection.item.policyName;
    } catch {
      // The status alone answers the question; the item is a bonus.
    }
  }
  return protection;
}
