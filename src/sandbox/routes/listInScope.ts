/** The pair of list routes ARM gives a resource type: all of a subscription's, and those of one resource group. */
import { pagedReply } from '../http/paging';
import type { ListKind } from '../http/pageSizes';
import type { RouteRequest, Router } from '../http/router';
import type { Site } from '../http/site';
import { requireResourceGroup, requireSubscription } from './lookup';

interface ScopedList<T extends { resourceGroup: string }> {
  /** The type's path below the scope, e.g. `providers/Microsoft.Storage/storageAccounts`. */
  type: string;
  list: ListKind;
  /** Every record of the subscription, in the order the list answers with. */
  records: (sub: string) => T[];
  render: (record: T, req: RouteRequest) => unknown;
}

/** Registers `GET /subscriptions/{sub}/{type}` and `GET /subscriptions/{sub}/resourceGroups/{rg}/{type}` (group compared case-insensitively, as ARM does). */
export function listInScope<T extends { resourceGroup: string }>(
  router: Router,
  site: Site,
  spec: ScopedList<T>,
): void {
  router.add('GET', `/subscriptions/{sub}/${spec.type}`, (req) => {
    requireSubscription(site, req.params.sub);
    return pagedReply(site, spec.list, req, spec.records(req.params.sub), (r) => spec.render(r, req));
  });
  router.add('GET', `/subscriptions/{sub}/resourceGroups/{rg}/${spec.type}`, (req) => {
    requireResourceGroup(site, req.params.sub, req.params.rg);
    const rg = req.params.rg.toLowerCase();
    return pagedReply(
      site,
      spec.list,
      req,
      spec.records(req.params.sub).filter((r) => r.resourceGroup.toLowerCase() === rg),
      (r) => spec.render(r, req),
    );
  });
}
