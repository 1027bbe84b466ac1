/**
 * `GET /subscriptions/{sub}/resources`: every resource of a subscription in ARM's generic shape (id, name, type,
 * location, tags, kind, sku, managedBy). Azure Resources (the Microsoft extension) builds its tree from this listing.
 */
import { errors } from '../http/errors';
import { pagedReply } from '../http/paging';
import { queryValue, type Router } from '../http/router';
import type { Site } from '../http/site';
import { renderVm } from '../render/arm';
import { renderDisk, renderNetwork, renderStorageAccount } from '../render/infrastructure';
import { renderVault } from '../render/vault';
import { allDisks } from './disks';
import { requireSubscription } from './lookup';

/** The fields of a full resource body that GenericResourceExpanded carries. */
function generic(body: unknown): Record<string, unknown> {
  const full = body as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const key of ['id', 'name', 'type', 'location', 'tags', 'kind', 'sku', 'managedBy'])
    if (full[key] !== undefined) picked[key] = full[key];
  return picked;
}

// ARM's `$filter` on this list takes resourceType, name and tags; only the type filter is emulated, and any other
// filter is refused rather than ignored (an ignored filter would answer with resources the caller did not ask for).
const TYPE_FILTER = /^\s*resourceType\s+eq\s+'([^']+)'\s*$/i;

export function registerGenericResourceRoutes(router: Router, site: Site): void {
  router.add('GET', '/subscriptions/{sub}/resources', (req) => {
    const s = requireSubscription(site, req.params.sub);
    const sub = s.subscriptionId;
    let all = [
      ...site.store.vmsOf(sub).map((v) => generic(renderVm(v, false))),
      ...site.store.vaultsOf(sub).map((v) => generic(renderVault(v, req.apiVersion))),
      ...site.store.storageAccountsOf(sub).map((a) => generic(renderStorageAccount(a))),
      ...site.store.networksOf(sub).map((n) => generic(renderNetwork(n))),
      ...allDisks(site, sub).map((d) => generic(renderDisk(d))),
    ].sort((a, b) => String(a.id).toLowerCase().localeCompare(String(b.id).toLowerCase()));
    const filter = queryValue(req.query, '$filter');
    if (filter !== undefined) {
      const m = TYPE_FILTER.exec(filter);
      if (!m) throw errors.invalidFilter(filter, 'The sandbox filters this list by resourceType only.');
      all = all.filter((r) => String(r.type).toLowerCase() === m[1].toLowerCase());
    }
    const top = Number(queryValue(req.query, '$top') ?? NaN);
    if (Number.isInteger(top) && top > 0) all = all.slice(0, top);
    return pagedReply(site, 'resources', req, all, (r) => r);
  });
}
