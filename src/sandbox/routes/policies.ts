/** Backup policies: list ($filter), get, create/update (200 with the body), delete (LRO via operations/{op}). */
import { errors } from '../http/errors';
import { pagedReply } from '../http/paging';
import { queryValue, type Router } from '../http/router';
import type { Site } from '../http/site';
import type { PolicyRecord, VaultRecord } from '../state/model';
import { renderOperationStatus } from '../render/operation';
import { renderPolicy } from '../render/backup';
import { matches, parseFilter, requireVault, VAULT } from './lookup';
import { validatePolicy } from './policyValidation';
import { reducesRetention, requireApproval } from './resourceGuard';

const POLICY = `${VAULT}/backupPolicies/{policy}`;

export function registerPolicyRoutes(router: Router, site: Site): void {
  const count = (vaultKey: string, name: string): number =>
    site.store.itemsOf(vaultKey).filter((i) => i.policyName?.toLowerCase() === name.toLowerCase()).length;
  const render = (vault: VaultRecord, vaultKey: string, p: PolicyRecord): unknown =>
    renderPolicy(vault, p, count(vaultKey, p.name));

  router.add('GET', `${VAULT}/backupPolicies`, (req) => {
    const { vault, vaultKey } = requireVault(site, req);
    const filter = parseFilter(queryValue(req.query, '$filter'));
    const list = site.store
      .policiesOf(vaultKey)
      .filter(
        (p) =>
          matches(filter, 'backupManagementType', String(p.properties.backupManagementType)) &&
          matches(
            filter,
            'workloadType',
            p.properties.backupManagementType === 'AzureIaasVM' ? 'VM' : String(p.properties.workLoadType),
          ) &&
          matches(filter, 'fabricName', 'Azure'),
      );
    return pagedReply(site, 'backupPolicies', req, list, (p) => render(vault, vaultKey, p));
  });

  router.add('GET', POLICY, (req) => {
    const { vault, vaultKey } = requireVault(site, req);
    const p = site.store.policy(vaultKey, req.params.policy);
    if (!p) throw errors.policyNotFound(req.params.policy);
    return { status: 200, body: render(vault, vaultKey, p) };
  });

  router.add('PUT', POLICY, (req) => {
    const { vault, vaultKey } = requireVault(site, req);
    const existing = site.store.policy(vaultKey, req.params.policy);
    const properties = validatePolicy(req.params.policy, req.body);
    // Shorter retention of an existing policy is an operation a Resource Guard protects.
    if (existing && reducesRetention(existing.properties, properties))
      requireApproval(vault, 'updateProtectionPolicy', properties.resourceGuardOperationRequests);
    delete properties.resourceGuardOperationRequests;
    const record: PolicyRecord = { vaultKey, name: existing?.name ?? req.params.policy, properties };
    site.store.putPolicy(record);
    // A changed schedule moves the next scheduled backup of every item using the policy.
    for (const item of site.store.itemsOf(vaultKey))
      if (item.policyName?.toLowerCase() === record.name.toLowerCase()) site.engine.schedule(item);
    return { status: 200, body: render(vault, vaultKey, record) };
  });

  // 200 deleted / 204 absent, as the swagger declares (ProtectionPolicies_Delete.json); SDKs that follow it fail on 202.
  router.add('DELETE', POLICY, (req) => {
    const { vaultKey } = requireVault(site, req);
    const p = site.store.policy(vaultKey, req.params.policy);
    if (!p) return { status: 204 };
    const inUse = count(vaultKey, p.name);
    if (inUse > 0) throw errors.policyInUse(p.name, inUse);
    site.store.removePolicy(vaultKey, p.name);
    return { status: 200 };
  });

  router.add('GET', `${POLICY}/operations/{op}`, (req) => {
    const { vaultKey } = requireVault(site, req);
    const op = site.store.operation(vaultKey, req.params.op);
    if (!op) throw errors.operationNotFound(req.params.op);
    return { status: 200, body: renderOperationStatus(op, site.now()) };
  });

  // bms.json declares only 200 with the policy here. Policy writes apply at once in the sandbox (no policy operation
  // ever runs), so a known operation id answers with the policy as it stands, and a policy that is gone is a 404.
  router.add('GET', `${POLICY}/operationResults/{op}`, (req) => {
    const { vault, vaultKey } = requireVault(site, req);
    const op = site.store.operation(vaultKey, req.params.op);
    if (!op) throw errors.operationNotFound(req.params.op);
    if (op.error) throw errors.operationFailed(op.error.code, op.error.message);
    const p = site.store.policy(vaultKey, req.params.policy);
    if (!p) throw errors.policyNotFound(req.params.policy);
    return { status: 200, body: render(vault, vaultKey, p) };
  });
}
