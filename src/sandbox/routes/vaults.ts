/** Recovery Services vaults (api 2026-07-01, modular SDK LRO patterns; AZURE-BACKUP-API.md section 3). */
import { errors } from '../http/errors';
import { pagedReply } from '../http/paging';
import type { Reply, RouteRequest, Router } from '../http/router';
import type { Site } from '../http/site';
import { isObject, obj, str, strMap, type JsonObject } from '../state/json';
import type { VaultRecord } from '../state/model';
import { vaultKeyOf } from '../state/names';
import { newVaultRecord } from '../state/newRecords';
import { defaultPolicies } from '../state/policyDefaults';
import { findRegion } from '../state/regions';
import { renderOperationStatus } from '../render/operation';
import { renderVault } from '../render/vault';
import { applyRedundancy, parseStorageType } from './redundancy';
import { applySoftDelete } from './softDelete';
import { requireResourceGroup, requireSubscription, requireVault, VAULT, vaultUrl } from './lookup';

/** 2-50 characters, a letter first, letters/digits/hyphens, not ending with a hyphen. */
export const VAULT_NAME = /^[A-Za-z][-A-Za-z0-9]{0,48}[A-Za-z0-9]$/;

const READ_ONLY_PROPERTIES = new Set([
  'provisioningState',
  'privateEndpointStateForBackup',
  'privateEndpointStateForSiteRecovery',
  'privateEndpointConnections',
  'redundancySettings',
  'securitySettings',
  'publicNetworkAccess',
  'backupStorageVersion',
  'secureScore',
  'upgradeDetails',
  'moveDetails',
  'moveState',
]);

/** Writable vault properties the sandbox keeps and echoes as sent; the others it models, and unknown ones are dropped. */
const KEPT_PROPERTIES = new Set(['monitoringSettings', 'restoreSettings', 'encryption']);

function extraProperties(props: JsonObject | undefined, previous: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(previous)) if (KEPT_PROPERTIES.has(k)) out[k] = v;
  for (const [k, v] of Object.entries(props ?? {}))
    if (KEPT_PROPERTIES.has(k) && !READ_ONLY_PROPERTIES.has(k)) out[k] = v;
  return out;
}

function applyProperties(vault: VaultRecord, props: JsonObject | undefined): void {
  if (!props) return;
  const redundancy = obj(props.redundancySettings);
  if (redundancy) {
    const crr = str(redundancy.crossRegionRestore);
    applyRedundancy(
      vault,
      parseStorageType(redundancy.standardTierStorageRedundancy, 'standardTierStorageRedundancy'),
      crr === undefined ? undefined : crr.toLowerCase() === 'enabled',
    );
  }
  const softDelete = obj(obj(props.securitySettings)?.softDeleteSettings);
  if (softDelete)
    applySoftDelete(
      vault,
      softDelete.softDeleteState,
      softDelete.softDeleteRetentionPeriodInDays,
      softDelete.enhancedSecurityState,
      props.resourceGuardOperationRequests,
    );
  const pna = str(props.publicNetworkAccess);
  if (pna) vault.publicNetworkAccess = pna;
  vault.extraProperties = extraProperties(props, vault.extraProperties);
}

function checkSku(body: JsonObject): string {
  const sku = body.sku === undefined ? undefined : obj(body.sku);
  const name = sku ? str(sku.name) : 'Standard';
  if (!name || !['standard', 'rs0'].includes(name.toLowerCase())) {
    throw errors.invalidSku();
  }
  return name.toLowerCase() === 'rs0' ? 'RS0' : 'Standard';
}

export function registerVaultRoutes(router: Router, site: Site): void {
  router.add('GET', '/subscriptions/{sub}/providers/Microsoft.RecoveryServices/vaults', (req) => {
    requireSubscription(site, req.params.sub);
    return pagedReply(
      site,
      'vaults',
      req,
      site.store.vaultsOf(req.params.sub).sort((a, b) => a.name.localeCompare(b.name)),
      (v) => renderVault(v, req.apiVersion),
    );
  });

  router.add('GET', '/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.RecoveryServices/vaults', (req) => {
    requireResourceGroup(site, req.params.sub, req.params.rg);
    const rg = req.params.rg.toLowerCase();
    const list = site.store
      .vaultsOf(req.params.sub)
      .filter((v) => v.resourceGroup.toLowerCase() === rg)
      .sort((a, b) => a.name.localeCompare(b.name));
    return pagedReply(site, 'vaults', req, list, (v) => renderVault(v, req.apiVersion));
  });

  router.add('GET', VAULT, (req) => ({
    status: 200,
    body: renderVault(requireVault(site, req).vault, req.apiVersion),
  }));
  router.add('PUT', VAULT, (req) => putVault(site, req));
  router.add('PATCH', VAULT, (req) => patchVault(site, req));

  router.add('DELETE', VAULT, (req) => {
    const rg = requireResourceGroup(site, req.params.sub, req.params.rg);
    const key = vaultKeyOf(req.params.sub, rg.name, req.params.vault);
    if (!site.store.vault(key)) return { status: 204 };
    if (site.store.itemsOf(key).length > 0) {
      throw errors.vaultNotEmpty();
    }
    site.store.removeVault(key);
    return { status: 200 };
  });

  router.add('GET', `${VAULT}/operationStatus/{op}`, (req) => {
    const { vaultKey } = requireVault(site, req);
    const op = site.store.operation(vaultKey, req.params.op);
    if (!op) throw errors.operationNotFound(req.params.op);
    return { status: 200, body: renderOperationStatus(op, site.now()) };
  });

  router.add('GET', `${VAULT}/operationResults/{op}`, (req) => {
    const { vault, vaultKey } = requireVault(site, req);
    const op = site.store.operation(vaultKey, req.params.op);
    if (!op) throw errors.operationNotFound(req.params.op);
    if (op.doneAt > site.now())
      return {
        status: 202,
        headers: { Location: vaultUrl(site, vault, `/operationResults/${op.id}`, req.apiVersion) },
      };
    if (op.error) throw errors.operationFailed(op.error.code, op.error.message);
    return { status: 200, body: renderVault(vault, req.apiVersion) };
  });

  router.add(
    'POST',
    '/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.RecoveryServices/locations/{location}/checkNameAvailability',
    (req) => {
      requireResourceGroup(site, req.params.sub, req.params.rg);
      const body = obj(req.body);
      const name = str(body?.name);
      const type = str(body?.type);
      if (!name || !type || type.toLowerCase() !== 'microsoft.recoveryservices/vaults') {
        throw errors.invalidParameter("The request must contain 'name' and type 'Microsoft.RecoveryServices/Vaults'.");
      }
      if (!VAULT_NAME.test(name)) {
        return {
          status: 200,
          body: {
            nameAvailable: false,
            reason: 'Invalid',
            message:
              'Vault name must be 2-50 characters, start with a letter, contain only letters, digits and hyphens, and not end with a hyphen.',
          },
        };
      }
      const taken = site.store.vault(vaultKeyOf(req.params.sub, req.params.rg, name));
      return {
        status: 200,
        body: taken
          ? { nameAvailable: false, reason: 'AlreadyExists', message: 'Resource already exists with the same name.' }
          : { nameAvailable: true },
      };
    },
    { readOnly: true },
  );
}

function putVault(site: Site, req: RouteRequest): Reply {
  const { sub, vault: name } = req.params;
  const rg = requireResourceGroup(site, sub, req.params.rg);
  if (!VAULT_NAME.test(name)) {
    throw errors.invalidParameter(
      `The vault name '${name}' is invalid. It must be 2-50 characters, start with a letter, contain only letters, digits and hyphens, and not end with a hyphen.`,
      'vaultName',
    );
  }
  const body = obj(req.body);
  if (!body) throw errors.contentRequired();
  const location = str(body.location);
  if (!location) throw errors.locationRequired();
  const region = findRegion(location);
  if (!region) throw errors.locationNotAvailable(location, 'Microsoft.RecoveryServices/vaults');
  const skuName = checkSku(body);
  const key = vaultKeyOf(sub, rg.name, name);
  const existing = site.store.vault(key);
  if (existing && existing.location !== region.name) {
    throw errors.resourceInOtherLocation(name, existing.location, rg.name, region.name);
  }
  const now = site.now();
  const vault: VaultRecord = existing
    ? { ...existing }
    : newVaultRecord({
        subscriptionId: rg.subscriptionId,
        resourceGroup: rg.name,
        name,
        location: region.name,
        skuName,
        discoveredAt: 0,
        createdAt: now,
      });
  vault.skuName = skuName;
  vault.tags = strMap(body.tags) ?? (isObject(body.tags) ? {} : vault.tags);
  applyProperties(vault, obj(body.properties));
  vault.modifiedAt = now;
  site.store.putVault(vault);
  if (!existing) for (const p of defaultPolicies(key)) site.store.putPolicy(p);
  return { status: existing ? 200 : 201, body: renderVault(vault, req.apiVersion) };
}

function patchVault(site: Site, req: RouteRequest): Reply {
  const { vault, vaultKey } = requireVault(site, req);
  const body = obj(req.body);
  if (!body) throw errors.contentRequired();
  const draft: VaultRecord = { ...vault };
  if (body.sku !== undefined) draft.skuName = checkSku(body);
  if (body.tags !== undefined) draft.tags = strMap(body.tags) ?? {};
  applyProperties(draft, obj(body.properties));
  draft.modifiedAt = site.now();
  Object.assign(vault, draft);
  const op = site.engine.vaultUpdate(vaultKey);
  return {
    status: 202,
    headers: {
      'Azure-AsyncOperation': vaultUrl(site, vault, `/operationStatus/${op.id}`, req.apiVersion),
      Location: vaultUrl(site, vault, `/operationResults/${op.id}`, req.apiVersion),
    },
  };
}
