/**
 * What a completed Restore job leaves in Compute, per recovery type: a new VM (AlternateLocation), managed disks in
 * the target group (RestoreDisks), or the source VM on new disks with its old ones kept detached (OriginalLocation).
 */
import { randomUUID } from 'node:crypto';
import type { DiskRecord, JobErrorRecord, RestoreRecord, VmRecord } from './model';
import { vmKeyOf } from './names';
import type { Store } from './store';

/** A short stamp from the recovery point's time, so the disks of two restores never share a name. */
function stampOf(restore: RestoreRecord): string {
  return new Date(restore.recoveryPointTime).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function restoredDisks(
  vm: VmRecord,
  restore: RestoreRecord,
  owner: string,
  resourceGroup: string,
  at: number,
): DiskRecord[] {
  const stamp = stampOf(restore);
  const base = { subscriptionId: vm.subscriptionId, resourceGroup, location: vm.location, createdAt: at };
  return [
    { ...base, name: `${owner}-osdisk-${stamp}`, sizeGB: vm.osType === 'Windows' ? 127 : 30, osType: restore.osType },
    ...(vm.dataDisks ?? []).map((d) => ({ ...base, name: `${owner}-datadisk-${d.lun}-${stamp}`, sizeGB: d.sizeGB })),
  ];
}

/** Applies the restore; answers the job's error instead when the target can no longer be made. */
export function applyRestore(
  store: Store,
  vm: VmRecord,
  restore: RestoreRecord,
  at: number,
): JobErrorRecord | undefined {
  if (restore.recoveryType === 'AlternateLocation') {
    const rg = restore.targetResourceGroup ?? vm.resourceGroup;
    const name = restore.targetVmName ?? '';
    if (store.vm(vmKeyOf(vm.subscriptionId, rg, name))) {
      return {
        errorCode: 400_108,
        errorTitle: 'UserErrorVmNameAlreadyExists',
        errorString: `A virtual machine named '${name}' already exists in resource group '${rg}'.`,
        recommendations: ['Choose another name for the restored virtual machine and restore again.'],
      };
    }
    const disks = restoredDisks(vm, restore, name, rg, at);
    store.putVm({
      subscriptionId: vm.subscriptionId,
      resourceGroup: rg,
      name,
      location: vm.location,
      osType: restore.osType,
      vmSize: restore.vmSize,
      vmId: randomUUID(),
      powerState: 'running',
      agentReady: true,
      broken: false,
      createdAt: at,
      tags: {},
      osDiskName: disks[0].name,
      dataDisks: disks.slice(1).map((d, i) => ({ lun: vm.dataDisks?.[i]?.lun ?? i, name: d.name, sizeGB: d.sizeGB })),
      subnetId: restore.subnetId,
      zone: restore.zone,
    });
    restore.createdDisks = disks.map((d) => d.name);
    return undefined;
  }
  if (restore.recoveryType === 'RestoreDisks') {
    const disks = restoredDisks(vm, restore, vm.name, restore.targetResourceGroup ?? vm.resourceGroup, at);
    for (const d of disks) store.putDisk(d);
    restore.createdDisks = disks.map((d) => d.name);
    return undefined;
  }
  // OriginalLocation: the VM's current disks are swapped out and kept, unattached, beside it.
  const previous = {
    subscriptionId: vm.subscriptionId,
    resourceGroup: vm.resourceGroup,
    location: vm.location,
    createdAt: vm.createdAt,
  };
  store.putDisk({
    ...previous,
    name: vm.osDiskName ?? `${vm.name}_OsDisk_1`,
    sizeGB: vm.osType === 'Windows' ? 127 : 30,
    osType: vm.osType,
  });
  for (const d of vm.dataDisks ?? []) store.putDisk({ ...previous, name: d.name, sizeGB: d.sizeGB });
  const disks = restoredDisks(vm, restore, vm.name, vm.resourceGroup, at);
  vm.osDiskName = disks[0].name;
  vm.dataDisks = disks.slice(1).map((d, i) => ({ lun: vm.dataDisks?.[i]?.lun ?? i, name: d.name, sizeGB: d.sizeGB }));
  restore.createdDisks = disks.map((d) => d.name);
  return undefined;
}
