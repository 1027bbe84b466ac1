// Discovery: refresh the vault's containers (tracked to its end), then list protectable VMs. VMs the
// service leaves out are explained from one VM listing: another region, or already protected.
import { getContinuationToken } from '@azure/arm-recoveryservicesbackup';
import type { ProtectableVm, VaultRef } from '../backupService';
import { idSegments, protectableNameForVm, idKey } from '../ids';
import { collectAll } from '../paging';
import { refreshContainers } from '../tracker';
import { listVirtualMachines } from './arm';
import type { OperationContext } from './context';
import { call, trackerFor } from './context';
import { getVault } from './vaults';

export interface ProtectableItem {
  /** e.g. iaasvmcontainerv2;rg;vm */
  name: string;
  vmId: string;
  friendlyName: string;
  resourceGroup: string;
  protectionState: string;
}

const PROTECTABLE_FILTER = "backupManagementType eq 'AzureIaasVM'";

export function listProtectableItems(
  ctx: OperationContext,
  ref: VaultRef,
  signal?: AbortSignal,
): Promise<ProtectableItem[]> {
  return call(() =>
    collectAll(
      ctx.clients
        .backup(ref.subscriptionId)
        .backupProtectableItems.list(ref.name, ref.resourceGroup, { filter: PROTECTABLE_FILTER, abortSignal: signal }),
      getContinuationToken,
      (r): ProtectableItem | undefined => {
        const p = r.properties as
          | { virtualMachineId?: string; resourceGroup?: string; friendlyName?: string; protectionState?: string }
          | undefined;
        if (!p?.virtualMachineId || !r.name) {
          return undefined;
        }
        return {
          name: r.name,
          vmId: p.virtualMachineId,
          friendlyName: p.friendlyName ?? '',
          resourceGroup: p.resourceGroup ?? idSegments(p.virtualMachineId).get('resourcegroups') ?? '',
          protectionState: p.protectionState ?? 'NotProtected',
        };
      },
      signal,
    ),
  );
}

export async function discoverVirtualMachines(
  ctx: OperationContext,
  ref: VaultRef,
  signal?: AbortSignal,
): Promise<ProtectableVm[]> {
  const vaultPromise = getVault(ctx, ref, signal);
  await refreshContainers(trackerFor(ctx, ref), signal);
  const [vault, protectable, vms] = await Promise.all([
    vaultPromise,
    listProtectableItems(ctx, ref, signal),
    listVirtualMachines(ctx, ref.subscriptionId, signal),
  ]);
  const byVm = new Map(protectable.map((p) => [idKey(p.vmId), p]));
  return vms
    .map((vm): ProtectableVm => {
      const found = byVm.get(idKey(vm.id));
      const base = {
        vmId: vm.id,
        name: vm.name,
        resourceGroup: vm.resourceGroup,
        location: vm.location,
        protectableItemName: found?.name ?? protectableNameForVm(vm.resourceGroup, vm.name),
      };
      if (found) {
        return found.protectionState === 'NotProtected' || found.protectionState === 'Invalid'
          ? base
          : { ...base, unavailableReason: 'AlreadyProtected' };
      }
      if (!sameRegion(vm.location, vault.location)) {
        return { ...base, unavailableReason: 'OtherRegion' };
      }
      return { ...base, unavailableReason: 'AlreadyProtected' };
    })
    .sort(
      (a, b) =>
        Number(a.unavailableReason !== undefined) - Number(b.unavailableReason !== undefined) ||
        a.name.localeCompare(b.name),
    );
}

function sameRegion(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  return norm(a) === norm(b);
}
