/** Microsoft.Compute managed disks: every VM's own disks (attached) and those restores made or replaced (list, get). */
import { errors } from '../http/errors';
import type { Router } from '../http/router';
import type { Site } from '../http/site';
import type { DiskRecord, VmRecord } from '../state/model';
import { vmArmId } from '../state/names';
import { osDiskName, osDiskSizeGB } from '../render/arm';
import { renderDisk } from '../render/infrastructure';
import { listInScope } from './listInScope';
import { requireResourceGroup } from './lookup';

const DISKS = 'providers/Microsoft.Compute/disks';

/** A VM's attached disks, as Compute lists them beside the others. */
function disksOfVm(vm: VmRecord): DiskRecord[] {
  const base = {
    subscriptionId: vm.subscriptionId,
    resourceGroup: vm.resourceGroup,
    location: vm.location,
    managedBy: vmArmId(vm),
    createdAt: vm.createdAt,
  };
  return [
    { ...base, name: osDiskName(vm), sizeGB: osDiskSizeGB(vm), osType: vm.osType },
    ...(vm.dataDisks ?? []).map((d) => ({ ...base, name: d.name, sizeGB: d.sizeGB })),
  ];
}

/** Every managed disk of a subscription: the VMs' own and the ones restores made or replaced. */
export function allDisks(site: Site, sub: string): DiskRecord[] {
  return [...site.store.vmsOf(sub).flatMap(disksOfVm), ...site.store.disksOf(sub)].sort(
    (a, b) => a.resourceGroup.localeCompare(b.resourceGroup) || a.name.localeCompare(b.name),
  );
}

export function registerDiskRoutes(router: Router, site: Site): void {
  listInScope(router, site, { type: DISKS, list: 'disks', records: (sub) => allDisks(site, sub), render: renderDisk });
  router.add('GET', `/subscriptions/{sub}/resourceGroups/{rg}/${DISKS}/{disk}`, (req) => {
    requireResourceGroup(site, req.params.sub, req.params.rg);
    const name = req.params.disk.toLowerCase();
    const d = allDisks(site, req.params.sub).find(
      (x) => x.resourceGroup.toLowerCase() === req.params.rg.toLowerCase() && x.name.toLowerCase() === name,
    );
    if (!d) throw errors.resourceNotFound('Microsoft.Compute/disks', req.params.disk, req.params.rg);
    return { status: 200, body: renderDisk(d) };
  });
}
