/**
 * Resource Guard mappings of a vault (multi-user authorization). The sandbox has no Resource Guard, so the list is
 * empty, as the service answers for a vault without one; clients read it before stop-with-delete and policy changes.
 */
import type { Router } from '../http/router';
import type { Site } from '../http/site';
import { registerEmptyCollection } from './emptyCollection';

export function registerResourceGuardProxyRoutes(router: Router, site: Site): void {
  registerEmptyCollection(router, site, 'backupResourceGuardProxies', 'Resource Guard proxy');
}
