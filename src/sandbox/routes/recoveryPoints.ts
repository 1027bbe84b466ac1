/** Recovery points of a protected VM: list (newest first, startDate/endDate filter) and get. */
import { errors } from '../http/errors';
import { pagedReply } from '../http/paging';
import { queryValue, type Router } from '../http/router';
import type { Site } from '../http/site';
import { renderRecoveryPoint } from '../render/backup';
import { ITEM, parseFilter, resolveItemPath } from './lookup';
import { dateWindow } from './filterDates';

export function registerRecoveryPointRoutes(router: Router, site: Site): void {
  router.add('GET', `${ITEM}/recoveryPoints`, (req) => {
    const { vault, vaultKey, vm, vmKey } = resolveItemPath(site, req);
    if (!vm || !site.store.item(vaultKey, vmKey)) throw errors.itemNotFound();
    const { start, end } = dateWindow(parseFilter(queryValue(req.query, '$filter')), 'startDate', 'endDate');
    const now = site.now();
    const list = site.store
      .recoveryPointsOf(vaultKey, vmKey)
      .filter((rp) => rp.expiry > now && rp.time >= start && rp.time <= end)
      .sort((a, b) => b.time - a.time);
    return pagedReply(site, 'recoveryPoints', req, list, (rp) => renderRecoveryPoint(vault, vm, rp));
  });

  router.add('GET', `${ITEM}/recoveryPoints/{rp}`, (req) => {
    const { vault, vaultKey, vm, vmKey } = resolveItemPath(site, req);
    if (!vm || !site.store.item(vaultKey, vmKey)) throw errors.itemNotFound();
    const rp = site.store
      .recoveryPointsOf(vaultKey, vmKey)
      .find((p) => p.name === req.params.rp && p.expiry > site.now());
    if (!rp) throw errors.recoveryPointNotFound(req.params.rp, false);
    return { status: 200, body: renderRecoveryPoint(vault, vm, rp) };
  });
}
