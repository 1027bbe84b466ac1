/** Shared lookups for route handlers: each one answers with the ARM error the service would send. */
import { errors } from '../http/errors';
import type { Reply, RouteRequest } from '../http/router';
import type { Site } from '../http/site';
import type { OperationRecord, ResourceGroupRecord, SubscriptionRecord, VaultRecord, VmRecord } from '../state/model';
import { parseContainerName, parseItemName, vaultArmId, vaultKeyOf, vmKeyOf } from '../state/names';

export const VAULT = '/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.RecoveryServices/vaults/{vault}';
export const ITEM = `${VAULT}/backupFabrics/{fabric}/protectionContainers/{container}/protectedItems/{item}`;

export function requireSubscription(site: Site, sub: string): SubscriptionRecord {
  const s = site.store.subscription(sub);
  if (!s) throw errors.subscriptionNotFound(sub);
  return s;
}

export function requireResourceGroup(site: Site, sub: string, rg: string): ResourceGroupRecord {
  requireSubscription(site, sub);
  const r = site.store.resourceGroup(sub, rg);
  if (!r) throw errors.resourceGroupNotFound(rg);
  return r;
}

export interface VaultRef {
  vault: VaultRecord;
  vaultKey: string;
}

export function requireVault(site: Site, req: RouteRequest): VaultRef {
  const { sub, rg, vault } = req.params;
  requireResourceGroup(site, sub, rg);
  const vaultKey = vaultKeyOf(sub, rg, vault);
  const v = site.store.vault(vaultKey);
  if (!v) throw errors.resourceNotFound('Microsoft.RecoveryServices/vaults', vault, rg);
  return { vault: v, vaultKey };
}

export function requireAzureFabric(req: RouteRequest): void {
  if (req.params.fabric.toLowerCase() !== 'azure')
    throw errors.invalidInput(`unknown backup fabric '${req.params.fabric}'`);
}

export interface ItemRef extends VaultRef {
  vm: VmRecord | undefined;
  vmKey: string;
}

/** Resolves the VM named by `{container}` and `{item}` (which must agree); the VM may no longer exist. */
export function resolveItemPath(site: Site, req: RouteRequest): ItemRef {
  const ref = requireVault(site, req);
  requireAzureFabric(req);
  const c = parseContainerName(req.params.container);
  const i = parseItemName(req.params.item);
  if (!c || !i) throw errors.itemNotFound();
  if (
    c.resourceGroup.toLowerCase() !== i.resourceGroup.toLowerCase() ||
    c.vmName.toLowerCase() !== i.vmName.toLowerCase()
  ) {
    throw errors.invalidInput('the container and protected item names refer to different virtual machines');
  }
  const vmKey = vmKeyOf(ref.vault.subscriptionId, c.resourceGroup, c.vmName);
  return { ...ref, vm: site.store.vm(vmKey), vmKey };
}

/** An absolute URL on the sandbox for a path under the vault, carrying the request's api-version. */
export function vaultUrl(site: Site, vault: VaultRecord, suffix: string, apiVersion: string): string {
  return `${site.endpoint}${vaultArmId(vault)}${suffix}?api-version=${apiVersion}`;
}

export function itemSuffix(vm: Pick<VmRecord, 'resourceGroup' | 'name'>): string {
  const short = `iaasvmcontainerv2;${vm.resourceGroup};${vm.name}`.toLowerCase();
  return `/backupFabrics/Azure/protectionContainers/IaasVMContainer;${short}/protectedItems/VM;${short}`;
}

/** `$filter` as a map of `field eq 'value'` clauses joined by `and` (field names lower-cased). */
export function parseFilter(filter: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (filter === undefined || filter.trim() === '') return out;
  for (const clause of filter.split(/\s+and\s+/i)) {
    const m = /^\s*([A-Za-z]+)\s+eq\s+'([^']*)'\s*$/i.exec(clause);
    if (!m) throw errors.invalidInput(`unsupported $filter clause '${clause.trim()}'`);
    out.set(m[1].toLowerCase(), m[2]);
  }
  return out;
}

/** Case-insensitive match of an optional filter value. */
export function matches(filter: Map<string, string>, field: string, value: string | undefined): boolean {
  const wanted = filter.get(field.toLowerCase());
  return wanted === undefined || wanted.toLowerCase() === (value ?? '').toLowerCase();
}

/** 202 for an operation on a protected item, with the item-level async-operation headers. */
export function itemAccepted(
  site: Site,
  req: RouteRequest,
  vault: VaultRecord,
  vm: VmRecord,
  op: OperationRecord,
): Reply {
  const suffix = itemSuffix(vm);
  return {
    status: 202,
    headers: {
      'Azure-AsyncOperation': vaultUrl(site, vault, `${suffix}/operationsStatus/${op.id}`, req.apiVersion),
      Location: vaultUrl(site, vault, `${suffix}/operationResults/${op.id}`, req.apiVersion),
    },
  };
}
