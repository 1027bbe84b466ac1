/**
 * Resource Guard mappings of a vault (multi-user authorization): none for a vault without one (`{"value":[]}`, as the
 * service answers), the seeded "vault-guarded" has one. Clients read the list before stop-with-delete and policy
 * changes, and call `unlockDelete` before deleting an item's data in a guarded vault.
 */
import { errors } from '../http/errors';
import type { Router } from '../http/router';
import type { Site } from '../http/site';
import { arr, obj, str } from '../state/json';
import type { VaultRecord } from '../state/model';
import { vaultArmId } from '../state/names';
import { iso } from '../render/time';
import { requireVault, VAULT } from './lookup';
import {
  defaultRequest,
  GUARDED_OPERATIONS,
  requireApproval,
  UNLOCK_DELETE_MS,
  type GuardedOperation,
} from './resourceGuard';

/** The vault operations each guarded operation stands for, as the proxy lists them. */
const VAULT_OPERATIONS: Record<GuardedOperation, string> = {
  disableSoftDelete: 'Microsoft.RecoveryServices/vaults/backupconfig/write',
  deleteProtectedItem: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems/delete',
  updateProtectionPolicy: 'Microsoft.RecoveryServices/vaults/backupPolicies/write',
  updateProtectedItem: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems/write',
  deleteResourceGuardProxy: 'Microsoft.RecoveryServices/vaults/backupResourceGuardProxies/delete',
};

function renderProxy(vault: VaultRecord): unknown {
  const guard = vault.resourceGuard;
  if (!guard) throw errors.sandboxBug('a proxy rendered for a vault without a Resource Guard');
  return {
    id: `${vaultArmId(vault)}/backupResourceGuardProxies/${guard.proxyName}`,
    name: guard.proxyName,
    type: 'Microsoft.RecoveryServices/vaults/backupResourceGuardProxies',
    properties: {
      resourceGuardResourceId: guard.resourceGuardId,
      resourceGuardOperationDetails: (Object.keys(GUARDED_OPERATIONS) as GuardedOperation[]).map((op) => ({
        vaultCriticalOperation: VAULT_OPERATIONS[op],
        defaultResourceRequest: defaultRequest(guard.resourceGuardId, op),
      })),
      lastUpdatedTime: iso(guard.lastUpdatedTime),
      description: '',
    },
  };
}

export function registerResourceGuardProxyRoutes(router: Router, site: Site): void {
  const mapping = (vault: VaultRecord, name: string): VaultRecord['resourceGuard'] => {
    const guard = vault.resourceGuard;
    if (!guard || guard.proxyName.toLowerCase() !== name.toLowerCase())
      throw errors.notFound('Resource Guard proxy', name);
    return guard;
  };
  router.add('GET', `${VAULT}/backupResourceGuardProxies`, (req) => {
    const { vault } = requireVault(site, req);
    return { status: 200, body: { value: vault.resourceGuard ? [renderProxy(vault)] : [] } };
  });
  router.add('GET', `${VAULT}/backupResourceGuardProxies/{name}`, (req) => {
    const { vault } = requireVault(site, req);
    mapping(vault, req.params.name);
    return { status: 200, body: renderProxy(vault) };
  });
  // Unlocks the delete of one item for a while, given an approved deleteProtectedItemRequests request.
  router.add('POST', `${VAULT}/backupResourceGuardProxies/{name}/unlockDelete`, (req) => {
    const { vault } = requireVault(site, req);
    const guard = mapping(vault, req.params.name);
    const body = obj(req.body);
    const resource = str(body?.resourceToBeDeleted);
    if (!resource) throw errors.invalidInput('resourceToBeDeleted is required');
    requireApproval(vault, 'deleteProtectedItem', arr(body?.resourceGuardOperationRequests));
    const until = site.now() + UNLOCK_DELETE_MS;
    if (guard) guard.unlockedDelete = { resource: resource.toLowerCase(), until };
    return { status: 200, body: { unlockDeleteExpiryTime: iso(until) } };
  });
}
