/**
 * Resource Guard mappings of a vault (multi-user authorization). The sandbox has no Resource Guard, so the list is
 * empty, as the service answers for a vault without one; clients read it before stop-with-delete and policy changes.
 */
import { errors } from '../http/errors';
import type { Router } from '../http/router';
import type { Site } from '../http/site';
import { requireVault, VAULT } from './lookup';

export function registerResourceGuardProxyRoutes(router: Router, site: Site): void {
  router.add('GET', `${VAULT}/backupResourceGuardProxies`, (req) => {
    requireVault(site, req);
    return { status: 200, body: { value: [] } };
  });
  router.add('GET', `${VAULT}/backupResourceGuardProxies/{proxy}`, (req) => {
    requireVault(site, req);
    throw errors.notFound('Resource Guard proxy', req.params.proxy);
  });
}
