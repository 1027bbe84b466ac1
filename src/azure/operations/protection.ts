// Enable and stop protection of VMs. The backup SDK returns on the first 202; the tracker follows the
// operation to its ConfigureBackup / DisableBackup / DeleteBackupData job.
import type { EnableResult, ItemRef, TrackOptions, VaultRef } from '../backupService';
import { mapWithConcurrency } from '../concurrency';
import { AzureError } from '../errors';
import { FABRIC, itemRefForProtectable, policyId, protectableNameForVm } from '../ids';
import type { AzureOperation, VirtualMachine } from '../model';
import { refreshContainers, runTrackedOperation } from '../tracker';
import type { OperationContext } from './context';
import { trackerFor } from './context';
import type { ProtectableItem } from './discovery';
import { listProtectableItems } from './discovery';
import { getBackupItem } from './items';

type VmRef = Pick<VirtualMachine, 'id' | 'name' | 'resourceGroup'>;

/** The protectable item of each VM, refreshing the containers once if any VM is not discovered yet (as the CLI does). */
async function protectableFor(ctx: OperationContext, ref: VaultRef, vms: readonly VmRef[], signal?: AbortSignal): Promise<Map<string, ProtectableItem>> {
  const lookup = async () => new Map((await listProtectableItems(ctx, ref, signal)).map((p) => [p.vmId.toLowerCase(), p]));
  let found = await lookup();
  if (vms.some((vm) => !found.has(vm.id.toLowerCase()))) {
    await refreshContainers(trackerFor(ctx, ref), signal);
    found = await lookup();
  }
  return found;
}

function enableOne(ctx: OperationContext, ref: VaultRef, vm: VmRef, protectableName: string, policyName: string, options: TrackOptions): Promise<AzureOperation> {
  const item = itemRefForProtectable(ref, protectableName);
  const client = ctx.clients.backup(ref.subscriptionId);
  return runTrackedOperation(trackerFor(ctx, ref), (onResponse) => client.protectedItems.createOrUpdate(
    ref.name, ref.resourceGroup, FABRIC, item.containerName, item.itemName,
    { properties: { protectedItemType: 'Microsoft.Compute/virtualMachines', sourceResourceId: vm.id, policyId: policyId(ref, policyName) } },
    { abortSignal: options.signal, onResponse }), options);
}

export async function enableProtection(ctx: OperationContext, ref: VaultRef, vm: VmRef, policyName: string, options: TrackOptions = {}): Promise<AzureOperation> {
  const found = await protectableFor(ctx, ref, [vm], options.signal);
  const name = found.get(vm.id.toLowerCase())?.name ?? protectableNameForVm(vm.resourceGroup, vm.name);
  return enableOne(ctx, ref, vm, name, policyName, options);
}

/** Every VM gets a result; one VM's failure never fails the others. Bounded concurrency. */
export async function enableProtectionMany(
  ctx: OperationContext, ref: VaultRef, vms: readonly VmRef[], policyName: string,
  options: TrackOptions & { onResult?: (r: EnableResult) => void } = {},
): Promise<EnableResult[]> {
  const found = await protectableFor(ctx, ref, vms, options.signal);
  return mapWithConcurrency(vms, ctx.concurrency, async (vm): Promise<EnableResult> => {
    const name = found.get(vm.id.toLowerCase())?.name ?? protectableNameForVm(vm.resourceGroup, vm.name);
    let result: EnableResult;
    try {
      const operation = await enableOne(ctx, ref, vm, name, policyName, options);
      result = { vmId: vm.id, ok: operation.outcome === 'Completed', operation, ...(operation.error ? { error: operation.error } : {}) };
    } catch (e) {
      result = { vmId: vm.id, ok: false, error: AzureError.from(e).toOperationError() };
    }
    options.onResult?.(result);
    return result;
  });
}

/** RetainData: PUT with protectionState ProtectionStopped; DeleteData: DELETE of the item. */
export async function stopProtection(ctx: OperationContext, ref: ItemRef, mode: 'RetainData' | 'DeleteData', options: TrackOptions = {}): Promise<AzureOperation> {
  const client = ctx.clients.backup(ref.subscriptionId);
  const tracker = trackerFor(ctx, ref);
  if (mode === 'DeleteData') {
    return runTrackedOperation(tracker, (onResponse) => client.protectedItems.delete(
      ref.name, ref.resourceGroup, FABRIC, ref.containerName, ref.itemName, { abortSignal: options.signal, onResponse }), options);
  }
  const item = await getBackupItem(ctx, ref, options.signal);
  return runTrackedOperation(tracker, (onResponse) => client.protectedItems.createOrUpdate(
    ref.name, ref.resourceGroup, FABRIC, ref.containerName, ref.itemName,
    { properties: { protectedItemType: 'Microsoft.Compute/virtualMachines', sourceResourceId: item.sourceResourceId, policyId: '', protectionState: 'ProtectionStopped' } },
    { abortSignal: options.signal, onResponse }), options);
}
