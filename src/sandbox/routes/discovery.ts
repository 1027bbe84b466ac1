/** Discovery: refresh containers, protectable items, protection containers (AZURE-BACKUP-API.md section 6). */
import { errors } from '../http/errors';
import { pagedReply } from '../http/paging';
import { queryValue, type Router } from '../http/router';
import type { Site } from '../http/site';
import { parseContainerName, vmKeyOf } from '../state/names';
import { renderOperationStatus } from '../render/operation';
import { renderContainer, renderProtectable } from '../render/backup';
import { matches, parseFilter, requireAzureFabric, requireVault, VAULT, vaultUrl } from './lookup';

const FABRIC = `${VAULT}/backupFabrics/{fabric}`;

export function registerDiscoveryRoutes(router: Router, site: Site): void {
  router.add('POST', `${FABRIC}/refreshContainers`, (req) => {
    const { vault, vaultKey } = requireVault(site, req);
    requireAzureFabric(req);
    parseFilter(queryValue(req.query, '$filter'));
    const op = site.engine.refresh(vaultKey);
    return {
      status: 202,
      headers: {
        Location: vaultUrl(site, vault, `/backupFabrics/Azure/operationResults/${op.id}`, req.apiVersion),
        'Azure-AsyncOperation': vaultUrl(site, vault, `/backupFabrics/Azure/operationsStatus/${op.id}`, req.apiVersion),
      },
    };
  });

  router.add('GET', `${FABRIC}/operationResults/{op}`, (req) => {
    const { vault, vaultKey } = requireVault(site, req);
    const op = site.store.operation(vaultKey, req.params.op);
    if (!op) throw errors.operationNotFound(req.params.op);
    if (op.doneAt > site.now()) {
      return {
        status: 202,
        headers: { Location: vaultUrl(site, vault, `/backupFabrics/Azure/operationResults/${op.id}`, req.apiVersion) },
      };
    }
    return { status: 204 };
  });

  router.add('GET', `${FABRIC}/operationsStatus/{op}`, (req) => {
    const { vaultKey } = requireVault(site, req);
    const op = site.store.operation(vaultKey, req.params.op);
    if (!op) throw errors.operationNotFound(req.params.op);
    return { status: 200, body: renderOperationStatus(op, site.now()) };
  });

  router.add('GET', `${VAULT}/backupProtectableItems`, (req) => {
    const { vault } = requireVault(site, req);
    const filter = parseFilter(queryValue(req.query, '$filter'));
    const list = site.store
      .vmsOf(vault.subscriptionId)
      .filter(
        (vm) =>
          vm.location === vault.location &&
          vm.createdAt <= vault.discoveredAt &&
          !site.store.itemForVm(vmKeyOf(vm.subscriptionId, vm.resourceGroup, vm.name)) &&
          matches(filter, 'backupManagementType', 'AzureIaasVM') &&
          matches(filter, 'workloadType', 'VM') &&
          matches(filter, 'friendlyName', vm.name) &&
          matches(filter, 'status', 'NotProtected'),
      )
      .sort((a, b) => a.resourceGroup.localeCompare(b.resourceGroup) || a.name.localeCompare(b.name));
    return pagedReply(site, 'backupProtectableItems', req, list, (vm) => renderProtectable(vault, vm));
  });

  router.add('GET', `${VAULT}/backupProtectionContainers`, (req) => {
    const { vault, vaultKey } = requireVault(site, req);
    const filter = parseFilter(queryValue(req.query, '$filter'));
    if (!filter.has('backupmanagementtype')) throw errors.invalidInput('backupManagementType is required in $filter');
    const vms = site.store
      .itemsOf(vaultKey)
      .map((i) => site.store.vm(i.vmKey))
      .filter((vm) => vm !== undefined)
      .filter(
        (vm) =>
          matches(filter, 'backupManagementType', 'AzureIaasVM') &&
          matches(filter, 'status', 'Registered') &&
          matches(filter, 'friendlyName', vm.name) &&
          matches(filter, 'fabricName', 'Azure') &&
          matches(
            filter,
            'containerType',
            filter.get('containertype')?.toLowerCase() === 'iaasvmcontainer'
              ? 'IaasVMContainer'
              : 'Microsoft.Compute/virtualMachines',
          ),
      )
      .sort((a, b) => a.name.localeCompare(b.name));
    return pagedReply(site, 'backupProtectionContainers', req, vms, (vm) => renderContainer(vault, vm));
  });

  router.add('GET', `${FABRIC}/protectionContainers/{container}`, (req) => {
    const { vault, vaultKey } = requireVault(site, req);
    requireAzureFabric(req);
    const ref = parseContainerName(req.params.container);
    const vmKey = ref ? vmKeyOf(vault.subscriptionId, ref.resourceGroup, ref.vmName) : '';
    const vm = site.store.vm(vmKey);
    if (!ref || !vm || !site.store.item(vaultKey, vmKey)) throw errors.itemNotFound();
    return { status: 200, body: renderContainer(vault, vm) };
  });
}
