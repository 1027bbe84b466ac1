/** The backup RP's vault settings `backupconfig/vaultconfig`: soft delete and enhanced security (GET, PUT, PATCH → 200). */
import { errors } from '../http/errors';
import type { Reply, RouteRequest, Router } from '../http/router';
import type { Site } from '../http/site';
import { obj } from '../state/json';
import { renderVaultConfig } from '../render/vault';
import { requireVault, VAULT } from './lookup';
import { applySoftDelete } from './softDelete';

const PATH = `${VAULT}/backupconfig/vaultconfig`;

function update(site: Site, req: RouteRequest): Reply {
  const { vault } = requireVault(site, req);
  const props = obj(obj(req.body)?.properties);
  if (!props) throw errors.invalidInput('the request must contain properties');
  // Storage redundancy is set through backupstorageconfig; here it is only reported.
  applySoftDelete(
    vault,
    props.softDeleteFeatureState,
    props.softDeleteRetentionPeriodInDays,
    props.enhancedSecurityState,
    props.resourceGuardOperationRequests,
  );
  vault.modifiedAt = site.now();
  return { status: 200, body: renderVaultConfig(vault) };
}

export function registerVaultConfigRoutes(router: Router, site: Site): void {
  router.add('GET', PATH, (req) => ({ status: 200, body: renderVaultConfig(requireVault(site, req).vault) }));
  router.add('PUT', PATH, (req) => update(site, req));
  router.add('PATCH', PATH, (req) => update(site, req));
}
