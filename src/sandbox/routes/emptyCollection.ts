/** A vault collection the sandbox never fills (no Resource Guard, no backup engines): an empty list, and 404 for a name. */
import { errors } from '../http/errors';
import type { Router } from '../http/router';
import type { Site } from '../http/site';
import { requireVault, VAULT } from './lookup';

export function registerEmptyCollection(router: Router, site: Site, segment: string, what: string): void {
  router.add('GET', `${VAULT}/${segment}`, (req) => {
    requireVault(site, req);
    return { status: 200, body: { value: [] } };
  });
  router.add('GET', `${VAULT}/${segment}/{name}`, (req) => {
    requireVault(site, req);
    throw errors.notFound(what, req.params.name);
  });
}
