/**
 * Restore from a recovery point (`IaasVMRestoreRequest`: a new VM, restored disks, or the original VM's disks
 * replaced), and file recovery (provision / revoke an item-level recovery session). Both answer 202 with the item's
 * async-operation headers; a restore's operation leads to a Restore job, as Backup now's does to a Backup job.
 */
import { errors } from '../http/errors';
import type { Reply, RouteRequest, Router } from '../http/router';
import type { Site } from '../http/site';
import { obj, str, type JsonObject } from '../state/json';
import type { RecoveryPointRecord, RecoveryType, RestoreRecord, VmRecord } from '../state/model';
import { normalizeLocation, vmArmId, vmKeyOf } from '../state/names';
import { ITEM, itemAccepted, resolveItemPath } from './lookup';

const RP = `${ITEM}/recoveryPoints/{rp}`;
const RECOVERY_TYPES: readonly RecoveryType[] = ['AlternateLocation', 'RestoreDisks', 'OriginalLocation'];
/** Azure's VM resource names: 1–64 characters (15 for Windows), letters, digits, hyphens, underscores, periods; not ending in a period or hyphen. */
const VM_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;

interface ArmRef {
  sub: string;
  rg: string;
  name?: string;
  child?: string;
}

/** `/subscriptions/{sub}/resourceGroups/{rg}[/providers/{ns}/{type}/{name}[/{childType}/{child}]]`, or undefined. */
function parseArmId(id: string | undefined, type?: string): ArmRef | undefined {
  if (!id) return undefined;
  const m =
    /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)(?:\/providers\/([^/]+\/[^/]+)\/([^/]+)(?:\/[^/]+\/([^/]+))?)?\/?$/i.exec(
      id,
    );
  if (!m || (type && m[3]?.toLowerCase() !== type.toLowerCase())) return undefined;
  return { sub: m[1], rg: m[2], name: m[4], child: m[5] };
}

function requirePoint(site: Site, vaultKey: string, vmKey: string, name: string): RecoveryPointRecord {
  const rp = site.store.recoveryPointsOf(vaultKey, vmKey).find((p) => p.name === name && p.expiry > site.now());
  if (!rp) throw errors.recoveryPointNotFound(name);
  return rp;
}

function requireStagingAccount(site: Site, vm: VmRecord, id: string | undefined): string {
  const ref = parseArmId(id, 'Microsoft.Storage/storageAccounts');
  if (!ref?.name) throw errors.invalidInput('storageAccountId must name the storage account that stages the restore');
  const account = site.store.storageAccount(ref.sub, ref.rg, ref.name);
  if (!account) throw errors.restoreTargetNotFound('storage account', ref.name);
  if (account.location !== vm.location)
    throw errors.restoreTargetInOtherRegion('storage account', account.name, account.location, vm.location);
  return id ?? '';
}

function requireTargetGroup(site: Site, id: string | undefined): string {
  const ref = parseArmId(id);
  if (!ref || ref.name) throw errors.invalidInput('targetResourceGroupId must name a resource group');
  const rg = site.store.resourceGroup(ref.sub, ref.rg);
  if (!rg) throw errors.resourceGroupNotFound(ref.rg);
  return rg.name;
}

/** The new VM's name, network and zone (AlternateLocation). */
function newVmTarget(
  site: Site,
  vm: VmRecord,
  props: JsonObject,
  targetGroup: string,
): Pick<RestoreRecord, 'targetVmName' | 'subnetId' | 'zone'> {
  const target = parseArmId(str(props.targetVirtualMachineId), 'Microsoft.Compute/virtualMachines');
  if (!target?.name) throw errors.invalidInput('targetVirtualMachineId must name the virtual machine to create');
  if (target.rg.toLowerCase() !== targetGroup.toLowerCase())
    throw errors.invalidInput('targetVirtualMachineId must be in targetResourceGroupId');
  const name = target.name;
  if (!VM_NAME.test(name) || /[.-]$/.test(name) || (vm.osType === 'Windows' && name.length > 15)) {
    throw errors.invalidParameter(
      `The virtual machine name '${name}' is invalid: 1–${vm.osType === 'Windows' ? 15 : 64} letters, digits, hyphens, underscores or periods, not ending with a period or hyphen.`,
      'targetVirtualMachineId',
    );
  }
  if (site.store.vm(vmKeyOf(vm.subscriptionId, targetGroup, name))) throw errors.vmNameTaken(name, targetGroup);
  const subnet = parseArmId(str(props.subnetId), 'Microsoft.Network/virtualNetworks');
  const network = subnet?.name ? site.store.network(subnet.sub, subnet.rg, subnet.name) : undefined;
  if (!subnet?.child || !network) throw errors.restoreTargetNotFound('subnet', str(props.subnetId) ?? '');
  if (!network.subnets.some((s) => s.name.toLowerCase() === subnet.child?.toLowerCase()))
    throw errors.restoreTargetNotFound('subnet', subnet.child);
  if (network.location !== vm.location)
    throw errors.restoreTargetInOtherRegion('virtual network', network.name, network.location, vm.location);
  const zones = Array.isArray(props.zones) ? props.zones.filter((z): z is string => typeof z === 'string') : [];
  if (zones.some((z) => !['1', '2', '3'].includes(z)) || zones.length > 1)
    throw errors.invalidInput('zones takes one availability zone: 1, 2 or 3');
  return { targetVmName: name, subnetId: str(props.subnetId), zone: zones[0] };
}

function triggerRestore(site: Site, req: RouteRequest): Reply {
  const { vault, vaultKey, vm, vmKey } = resolveItemPath(site, req);
  const item = site.store.item(vaultKey, vmKey);
  if (!item || !vm) throw errors.itemNotFound();
  const props = obj(obj(req.body)?.properties);
  const objectType = str(props?.objectType);
  if (!props || (objectType !== 'IaasVMRestoreRequest' && objectType !== 'IaasVMRestoreWithRehydrationRequest')) {
    throw errors.invalidInput("properties.objectType must be 'IaasVMRestoreRequest'");
  }
  const recoveryType = RECOVERY_TYPES.find((t) => t === str(props.recoveryType));
  if (!recoveryType) throw errors.invalidInput(`recoveryType must be one of ${RECOVERY_TYPES.join(', ')}`);
  const pointId = str(props.recoveryPointId);
  if (pointId !== undefined && pointId !== req.params.rp)
    throw errors.invalidInput('recoveryPointId does not match the recovery point in the path');
  const source = str(props.sourceResourceId);
  if (source !== undefined && source.toLowerCase() !== vmKey)
    throw errors.invalidInput('sourceResourceId does not match the protected item');
  const region = str(props.region);
  if (region !== undefined && normalizeLocation(region) !== vm.location)
    throw errors.invalidInput(
      `region must be the source's region, '${vm.location}' (cross-region restore is not enabled)`,
    );
  if (item.softDeletedAt !== undefined) throw errors.softDeletedItem();
  const rp = requirePoint(site, vaultKey, vmKey, req.params.rp);
  if (rp.archived && objectType !== 'IaasVMRestoreWithRehydrationRequest') throw errors.recoveryPointInArchive(rp.name);
  if (site.engine.runningRestore(vaultKey, vmKey)) throw errors.restoreInProgress(vm.name);
  const storageAccountId = requireStagingAccount(site, vm, str(props.storageAccountId));
  const restore: RestoreRecord = {
    recoveryType,
    recoveryPointName: rp.name,
    recoveryPointTime: rp.time,
    osType: rp.osType,
    vmSize: rp.vmSize,
    storageAccountId,
  };
  if (recoveryType === 'AlternateLocation') {
    restore.targetResourceGroup = requireTargetGroup(site, str(props.targetResourceGroupId));
    Object.assign(restore, newVmTarget(site, vm, props, restore.targetResourceGroup));
  } else if (recoveryType === 'RestoreDisks') {
    restore.targetResourceGroup = requireTargetGroup(
      site,
      str(props.targetResourceGroupId) ?? `/subscriptions/${vm.subscriptionId}/resourceGroups/${vm.resourceGroup}`,
    );
  }
  return itemAccepted(site, req, vault, vm, site.engine.restore(vaultKey, vm, item, restore));
}

function itemLevelRecovery(site: Site, req: RouteRequest, kind: 'provisionIlr' | 'revokeIlr'): Reply {
  const { vault, vaultKey, vm, vmKey } = resolveItemPath(site, req);
  if (!vm || !site.store.item(vaultKey, vmKey)) throw errors.itemNotFound();
  const rp = requirePoint(site, vaultKey, vmKey, req.params.rp);
  if (kind === 'provisionIlr') {
    if (rp.archived) throw errors.recoveryPointInArchive(rp.name);
    const props = obj(obj(req.body)?.properties);
    if (!props || str(props.objectType) !== 'IaasVMILRRegistrationRequest')
      throw errors.invalidInput("properties.objectType must be 'IaasVMILRRegistrationRequest'");
    const target = str(props.virtualMachineId);
    if (target !== undefined && target.toLowerCase() !== vmArmId(vm).toLowerCase())
      throw errors.invalidInput('virtualMachineId does not match the protected item');
  }
  return itemAccepted(site, req, vault, vm, site.engine.itemLevelRecovery(vaultKey, vm, vmKey, rp, kind));
}

export function registerRestoreRoutes(router: Router, site: Site): void {
  router.add('POST', `${RP}/restore`, (req) => triggerRestore(site, req));
  router.add('POST', `${RP}/provisionInstantItemRecovery`, (req) => itemLevelRecovery(site, req, 'provisionIlr'));
  router.add('POST', `${RP}/revokeInstantItemRecovery`, (req) => itemLevelRecovery(site, req, 'revokeIlr'));
}
