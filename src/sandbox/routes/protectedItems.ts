/**
 * Protected items: enable / modify / stop (PUT), get, delete data (DELETE), list, and backup now (POST backup).
 * Every async answer carries an operation id that the operation routes (operations.ts) serve in all views.
 */
import { errors } from '../http/errors';
import { pagedReply } from '../http/paging';
import { queryValue, type Reply, type RouteRequest, type Router } from '../http/router';
import type { Site } from '../http/site';
import { obj, str } from '../state/json';
import type { ProtectionState } from '../state/model';
import { vmKeyOf } from '../state/names';
import { DAY_MS, TIMINGS } from '../state/timings';
import { itemId, renderItem } from '../render/backup';
import { checkPolicyChoice, parseDiskExclusion } from './protectionRules';
import { reducesRetention, requireApproval, requireUnlockedDelete } from './resourceGuard';
import { ITEM, itemAccepted, matches, parseFilter, requireVault, resolveItemPath, VAULT, vaultUrl } from './lookup';

/** An on-demand recovery point is kept for at most 99 years: calendar years, leap days included. */
const MAX_RETAIN_YEARS = 99;

function yearsAhead(ms: number, years: number): number {
  const d = new Date(ms);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.getTime();
}

export function registerProtectedItemRoutes(router: Router, site: Site): void {
  router.add('GET', ITEM, (req) => {
    const { vault, vaultKey, vm, vmKey } = resolveItemPath(site, req);
    const item = site.store.item(vaultKey, vmKey);
    if (!item || !vm) throw errors.itemNotFound();
    const extended =
      (parseFilter(queryValue(req.query, '$filter')).get('expand') ?? '').toLowerCase() === 'extendedinfo';
    return {
      status: 200,
      body: renderItem(vault, vm, item, site.store.recoveryPointsOf(vaultKey, vmKey), extended, site.now()),
    };
  });

  router.add('PUT', ITEM, (req) => putItem(site, req));

  router.add('DELETE', ITEM, (req) => {
    const { vault, vaultKey, vm, vmKey } = resolveItemPath(site, req);
    const item = site.store.item(vaultKey, vmKey);
    if (!item || !vm) throw errors.itemNotFound();
    refuseConflicts(site, vaultKey, vmKey);
    if (item.softDeletedAt !== undefined) throw errors.alreadySoftDeleted();
    requireUnlockedDelete(vault, itemId(vault, vm), site.now());
    const op = site.engine.deleteData(vaultKey, vm, item);
    return {
      status: 202,
      headers: {
        'Azure-AsyncOperation': vaultUrl(site, vault, `/backupOperations/${op.id}`, req.apiVersion),
        Location: vaultUrl(site, vault, `/backupOperationResults/${op.id}`, req.apiVersion),
      },
    };
  });

  router.add('POST', `${ITEM}/backup`, (req) => {
    const { vault, vaultKey, vm, vmKey } = resolveItemPath(site, req);
    const item = site.store.item(vaultKey, vmKey);
    if (!item || !vm) throw errors.itemNotFound();
    const props = obj(obj(req.body)?.properties);
    if (!props || props.objectType !== 'IaasVMBackupRequest')
      throw errors.invalidInput("properties.objectType must be 'IaasVMBackupRequest'");
    const now = site.now();
    let expiry = now + TIMINGS.defaultBackupRetentionDays * DAY_MS;
    if (props.recoveryPointExpiryTimeInUTC !== undefined && props.recoveryPointExpiryTimeInUTC !== null) {
      const raw = str(props.recoveryPointExpiryTimeInUTC);
      const t = raw ? Date.parse(raw) : NaN;
      if (Number.isNaN(t) || t <= now || t > yearsAhead(now, MAX_RETAIN_YEARS)) {
        throw errors.invalidInput(
          'recoveryPointExpiryTimeInUTC must be a date-time in the future (at most 99 years ahead)',
        );
      }
      expiry = t;
    }
    if (item.protectionState === 'ProtectionStopped' || item.protectionState === 'BackupsSuspended') {
      throw errors.protectionStopped();
    }
    return itemAccepted(site, req, vault, vm, site.engine.backup(vaultKey, vm, item, expiry));
  });

  router.add('GET', `${VAULT}/backupProtectedItems`, (req) => {
    const { vault, vaultKey } = requireVault(site, req);
    const filter = parseFilter(queryValue(req.query, '$filter'));
    const container = filter
      .get('containername')
      ?.toLowerCase()
      .replace(/^iaasvmcontainer;/, '');
    const rows = site.store
      .itemsOf(vaultKey)
      .flatMap((item) => {
        const vm = site.store.vm(item.vmKey);
        return vm ? [{ item, vm }] : [];
      })
      .filter(
        ({ item, vm }) =>
          matches(filter, 'backupManagementType', 'AzureIaasVM') &&
          matches(filter, 'itemType', 'VM') &&
          matches(filter, 'workloadType', 'VM') &&
          matches(filter, 'policyName', item.policyName) &&
          matches(filter, 'friendlyName', vm.name) &&
          matches(filter, 'fabricName', 'Azure') &&
          matches(filter, 'healthState', item.healthStatus) &&
          (container === undefined || container === `iaasvmcontainerv2;${vm.resourceGroup};${vm.name}`.toLowerCase()),
      )
      .sort((a, b) => a.vm.name.localeCompare(b.vm.name));
    return pagedReply(site, 'backupProtectedItems', req, rows, ({ item, vm }) =>
      renderItem(vault, vm, item, [], false, site.now()),
    );
  });
}

function refuseConflicts(site: Site, vaultKey: string, vmKey: string): void {
  if (site.engine.protectionOperationRunning(vaultKey, vmKey)) {
    throw errors.conflictingProtectionOperation();
  }
}

function putItem(site: Site, req: RouteRequest): Reply {
  const { vault, vaultKey, vm, vmKey } = resolveItemPath(site, req);
  const props = obj(obj(req.body)?.properties);
  if (!props) throw errors.invalidInput('properties are required');
  const type = props.protectedItemType;
  if (type !== undefined && type !== 'Microsoft.Compute/virtualMachines' && type !== 'AzureIaaSVMProtectedItem') {
    throw errors.invalidInput(`protectedItemType '${String(type)}' is not supported`);
  }
  const source = str(props.sourceResourceId) ?? str(props.virtualMachineId);
  if (source !== undefined && source.toLowerCase() !== vmKey) {
    throw errors.invalidInput('sourceResourceId does not match the container and item names');
  }
  if (!vm)
    throw errors.resourceNotFound(
      'Microsoft.Compute/virtualMachines',
      req.params.item.split(';').pop() ?? '',
      req.params.item.split(';')[2] ?? '',
    );
  const existing = site.store.item(vaultKey, vmKey);
  refuseConflicts(site, vaultKey, vmKey);
  // A soft-deleted item takes only an undelete (isRehydrate, as `az backup protection undelete` sends it).
  if (existing?.softDeletedAt !== undefined) {
    if (props.isRehydrate !== true) throw errors.softDeletedItem();
    return itemAccepted(site, req, vault, vm, site.engine.undelete(vaultKey, vm, existing));
  }
  if (props.isRehydrate === true) throw errors.invalidInput('only a soft-deleted item can be undeleted');
  const state = str(props.protectionState);
  if (state === 'ProtectionStopped' || state === 'BackupsSuspended') {
    if (!existing) throw errors.itemNotFound();
    return itemAccepted(site, req, vault, vm, site.engine.stop(vaultKey, vm, existing, state as ProtectionState));
  }
  const policyName = /\/backupPolicies\/([^/?]+)/i.exec(str(props.policyId) ?? '')?.[1];
  if (!policyName) throw errors.invalidInput('policyId is required to protect an item');
  const policy = site.store.policy(vaultKey, decodePolicyName(policyName));
  if (!policy) throw errors.policyNotFound(policyName, vault.name);
  if (policy.properties.backupManagementType !== 'AzureIaasVM')
    throw errors.invalidInput(`policy '${policy.name}' is not an Azure VM policy`);
  const elsewhere = site.store.itemForVm(vmKeyOf(vm.subscriptionId, vm.resourceGroup, vm.name));
  if (elsewhere && elsewhere.vaultKey !== vaultKey) {
    const other = site.store.vault(elsewhere.vaultKey);
    throw errors.vmAlreadyProtected(vm.name, other?.name ?? elsewhere.vaultKey);
  }
  if (vm.location !== vault.location) {
    throw errors.vmNotInVaultRegion(vm.name, vm.location, vault.name, vault.location);
  }
  const current = existing?.policyName ? site.store.policy(vaultKey, existing.policyName) : undefined;
  checkPolicyChoice(vm, current, policy, req.apiVersion);
  if (current && reducesRetention(current.properties, policy.properties))
    requireApproval(vault, 'updateProtectedItem', props.resourceGuardOperationRequests);
  const diskExclusion = parseDiskExclusion(props.extendedProperties, vm);
  return itemAccepted(site, req, vault, vm, site.engine.enable(vault, vaultKey, vm, vmKey, policy.name, diskExclusion));
}

/** The policy's name from the policyId's segment; a malformed percent escape is the caller's error, not the sandbox's. */
function decodePolicyName(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw errors.invalidInput(`policyId holds a malformed percent escape ('${segment}')`);
  }
}
