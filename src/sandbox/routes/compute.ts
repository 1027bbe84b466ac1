/** Microsoft.Compute virtual machines: list all, by resource group, by location, get (api 2026-04-01). */
import { errors } from '../http/errors';
import { pagedReply } from '../http/paging';
import { queryValue, type RouteRequest, type Router } from '../http/router';
import type { Site } from '../http/site';
import type { VmRecord } from '../state/model';
import { normalizeLocation, vmKeyOf } from '../state/names';
import { renderVm } from '../render/arm';
import { listInScope } from './listInScope';
import { requireResourceGroup, requireSubscription } from './lookup';

const VMS = 'providers/Microsoft.Compute/virtualMachines';

function wantsInstanceView(req: RouteRequest): boolean {
  return (
    (queryValue(req.query, '$expand') ?? '').toLowerCase() === 'instanceview' ||
    queryValue(req.query, 'statusOnly') === 'true'
  );
}

function byName(a: VmRecord, b: VmRecord): number {
  return a.resourceGroup.localeCompare(b.resourceGroup) || a.name.localeCompare(b.name);
}

export function registerComputeRoutes(router: Router, site: Site): void {
  listInScope(router, site, {
    type: VMS,
    list: 'virtualMachines',
    records: (sub) => site.store.vmsOf(sub).sort(byName),
    render: (vm, req) => renderVm(vm, wantsInstanceView(req)),
  });

  router.add('GET', `/subscriptions/{sub}/providers/Microsoft.Compute/locations/{location}/virtualMachines`, (req) => {
    requireSubscription(site, req.params.sub);
    const loc = normalizeLocation(req.params.location);
    return pagedReply(
      site,
      'virtualMachines',
      req,
      site.store
        .vmsOf(req.params.sub)
        .filter((v) => v.location === loc)
        .sort(byName),
      (vm) => renderVm(vm, false),
    );
  });

  router.add('GET', `/subscriptions/{sub}/resourceGroups/{rg}/${VMS}/{vm}`, (req) => {
    requireResourceGroup(site, req.params.sub, req.params.rg);
    const vm = site.store.vm(vmKeyOf(req.params.sub, req.params.rg, req.params.vm));
    if (!vm) throw errors.resourceNotFound('Microsoft.Compute/virtualMachines', req.params.vm, req.params.rg);
    return { status: 200, body: renderVm(vm, wantsInstanceView(req)) };
  });
}
