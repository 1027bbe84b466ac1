// Which vault protects which VM. For a subscription: VM list pages joined in memory with a protection index
// built from the vault list and every vault's items listing (never one call per VM); the index comes from the
// listing cache, so the "Backup items" nodes and the join share one listing. For a single VM: backupStatus.
import type { Page, PageOptions } from '../backupService';
import type { VirtualMachine } from '../model';
import type { ProtectionIndex, VaultItems } from '../convert/join';
import { buildProtectionIndex, withProtection } from '../convert/join';
import { toVirtualMachine } from '../convert/arm';
import { AzureError } from '../errors';
import { vaultRefFromId } from '../ids';
import { listVirtualMachinePages } from './arm';
import type { OperationContext } from './context';
import { call } from './context';
import { getBackupItem, listVaultItemEntries } from './items';
import { listAllVaults } from './vaults';
import { backupStatusProtection, itemProtectionStatus } from '../protectionState';

/** Lower-cased VM id → its backup item, over every vault of the subscription; kept with the cached listings. */
export function protectionIndex(
  ctx: OperationContext,
  subscriptionId: string,
  signal?: AbortSignal,
): Promise<ProtectionIndex> {
  return ctx.cache.derived(
    subscriptionId,
    'protection',
    async (s) => {
      const vaults = await listAllVaults(ctx, subscriptionId, s);
      const perVault = await ctx.clients.transport.mapWithConcurrency(
        vaults,
        ctx.concurrency,
        async (vault): Promise<VaultItems> => {
          try {
            const entries = await listVaultItemEntries(
              ctx,
              { subscriptionId, resourceGroup: vault.resourceGroup, name: vault.name },
              s,
            );
            return { items: entries.map((e) => e.item) };
          } catch (e) {
            if (s?.aborted) {
              throw AzureError.from(e);
            }
            return {}; // one unreadable vault makes its VMs 'Unknown' instead of failing the whole subscription
          }
        },
        s,
      );
      return buildProtectionIndex(perVault);
    },
    signal,
  );
}

/** A page of the subscription's VMs with their protection: the VM page and the index are fetched in parallel. */
export async function listVirtualMachinesPage(
  ctx: OperationContext,
  subscriptionId: string,
  options: PageOptions = {},
): Promise<Page<VirtualMachine>> {
  const [page, index] = await Promise.all([
    listVirtualMachinePages(ctx, subscriptionId, options),
    protectionIndex(ctx, subscriptionId, options.signal),
  ]);
  // Through the response queue: the subscriptions' indexes tend to be ready together, and joining their 1,000-VM
  // pages back to back was one of the longer blocks of a cold load.
  const items = await ctx.clients.transport.queue.mapInSlices(page.entries, (vm) => withProtection(vm, index));
  return page.next ? { items, continuationToken: page.next } : { items };
}

export async function listVirtualMachinesWithProtection(
  ctx: OperationContext,
  subscriptionId: string,
  signal?: AbortSignal,
): Promise<VirtualMachine[]> {
  return (await listVirtualMachinesPage(ctx, subscriptionId, { signal })).items;
}

export async function getVmProtection(
  ctx: OperationContext,
  vm: Pick<VirtualMachine, 'id' | 'location' | 'subscriptionId'>,
  signal?: AbortSignal,
): Promise<VirtualMachine['protection']> {
  const status = await call(() =>
    ctx.clients
      .backup(vm.subscriptionId)
      .backupStatus.get(vm.location, { resourceType: 'VM', resourceId: vm.id }, { abortSignal: signal }),
  );
  const state = backupStatusProtection(status.protectionStatus);
  if (state === 'NotProtected' || state === 'Unknown') {
    return { state };
  }
  const vault = status.vaultId ? vaultRefFromId(status.vaultId) : undefined;
  const protection: NonNullable<VirtualMachine['protection']> = {
    state,
    vaultId: status.vaultId,
    vaultName: vault?.name,
    policyName: status.policyName,
  };
  if (vault && status.containerName && status.protectedItemName) {
    try {
      protection.item = await getBackupItem(
        ctx,
        { ...vault, containerName: status.containerName, itemName: status.protectedItemName },
        signal,
      );
      protection.policyName ??= protection.item.policyName;
      // The item knows what backupStatus does not: a stopped or soft-deleted item still answers "Protected" there.
      protection.state = itemProtectionStatus(protection.item);
    } catch {
      // The status alone answers the question; the item is a bonus.
    }
  }
  return protection;
}

type VmName = { subscriptionId: string; resourceGroup: string; name: string };

/** One VM as Compute reads it now; with `instanceView`, its power and agent state too. */
export async function readVm(
  ctx: OperationContext,
  ref: VmName,
  signal?: AbortSignal,
  expand?: 'instanceView',
): Promise<VirtualMachine> {
  const raw = await call(() =>
    ctx.clients
      .compute(ref.subscriptionId)
      .virtualMachines.get(ref.resourceGroup, ref.name, { ...(expand ? { expand } : {}), abortSignal: signal }),
  );
  return toVirtualMachine(raw);
}

/** One VM read now, with its instance view and its protection as the backup service reports it (backupStatus). */
export async function getVirtualMachine(
  ctx: OperationContext,
  ref: VmName,
  signal?: AbortSignal,
): Promise<VirtualMachine> {
  const vm = await readVm(ctx, ref, signal, 'instanceView');
  return { ...vm, protection: await getVmProtection(ctx, vm, signal) };
}
