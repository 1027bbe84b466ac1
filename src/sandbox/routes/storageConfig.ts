/** Backup storage config `backupstorageconfig/vaultstorageconfig` (capital-S path as the backup SDK sends it). */
import { errors } from '../http/errors';
import type { Reply, RouteRequest, Router } from '../http/router';
import type { Site } from '../http/site';
import { obj } from '../state/json';
import { renderStorageConfig } from '../render/vault';
import { applyRedundancy, parseStorageType } from './redundancy';
import { requireVault, VAULT } from './lookup';

const PATH = `${VAULT}/backupstorageconfig/vaultstorageconfig`;

function update(site: Site, req: RouteRequest): ReturnType<typeof requireVault> {
  const ref = requireVault(site, req);
  const props = obj(obj(req.body)?.properties);
  if (!props)
    throw errors.invalidInputSaying('Input provided for the call is invalid\r\nThe request must contain properties.');
  // storageType and storageModelType mirror each other; a client may send either.
  const type =
    parseStorageType(props.storageType, 'storageType') ?? parseStorageType(props.storageModelType, 'storageModelType');
  const crr = props.crossRegionRestoreFlag;
  if (crr !== undefined && typeof crr !== 'boolean')
    throw errors.invalidInputSaying('crossRegionRestoreFlag must be a boolean.', 'crossRegionRestoreFlag');
  applyRedundancy(ref.vault, type, crr);
  ref.vault.modifiedAt = site.now();
  return ref;
}

export function registerStorageConfigRoutes(router: Router, site: Site): void {
  router.add('GET', PATH, (req) => ({ status: 200, body: renderStorageConfig(requireVault(site, req).vault) }));
  router.add('PUT', PATH, (req): Reply => ({ status: 200, body: renderStorageConfig(update(site, req).vault) }));
  router.add('PATCH', PATH, (req): Reply => {
    update(site, req);
    return { status: 204 };
  });
}
