/** Tenants, subscriptions, locations and resource groups (api 2022-12-01 / 2025-04-01). */
import { errors } from '../http/errors';
import { pagedReply } from '../http/paging';
import { queryValue, type Router } from '../http/router';
import type { Site } from '../http/site';
import { obj, str, strMap } from '../state/json';
import { findRegion, REGIONS } from '../state/regions';
import { renderLocation, renderResourceGroup, renderSubscription, renderTenant } from '../render/arm';
import { requireResourceGroup, requireSubscription } from './lookup';

const RG_NAME = /^[-\w._()]{1,90}$/;

export function registerResourceRoutes(router: Router, site: Site): void {
  // Sign-in through VS Code's account lists the tenants first, then the subscriptions of each.
  router.add('GET', '/tenants', (req) => pagedReply(site, 'subscriptions', req, [site.store.tenantId], renderTenant));

  router.add('GET', '/subscriptions', (req) =>
    pagedReply(site, 'subscriptions', req, site.store.allSubscriptions(), (s) =>
      renderSubscription(s, site.store.tenantId),
    ),
  );

  router.add('GET', '/subscriptions/{sub}', (req) => ({
    status: 200,
    body: renderSubscription(requireSubscription(site, req.params.sub), site.store.tenantId),
  }));

  // One answer with every region: the swagger's LocationListResult has no nextLink (x-ms-pageable nextLinkName null).
  router.add('GET', '/subscriptions/{sub}/locations', (req) => {
    const s = requireSubscription(site, req.params.sub);
    return { status: 200, body: { value: REGIONS.map((r) => renderLocation(s.subscriptionId, r)) } };
  });

  router.add('GET', '/subscriptions/{sub}/resourcegroups', (req) => {
    requireSubscription(site, req.params.sub);
    const top = Number(queryValue(req.query, '$top') ?? NaN);
    let list = site.store.resourceGroupsOf(req.params.sub).sort((a, b) => a.name.localeCompare(b.name));
    if (Number.isInteger(top) && top > 0) list = list.slice(0, top);
    return pagedReply(site, 'resourceGroups', req, list, renderResourceGroup);
  });

  router.add('GET', '/subscriptions/{sub}/resourcegroups/{rg}', (req) => ({
    status: req.method === 'HEAD' ? 204 : 200,
    body: renderResourceGroup(requireResourceGroup(site, req.params.sub, req.params.rg)),
  }));

  router.add('PUT', '/subscriptions/{sub}/resourcegroups/{rg}', (req) => {
    const s = requireSubscription(site, req.params.sub);
    const name = req.params.rg;
    if (!RG_NAME.test(name) || name.endsWith('.')) {
      throw errors.invalidResourceGroupName(name);
    }
    const body = obj(req.body);
    const existing = site.store.resourceGroup(s.subscriptionId, name);
    const location = str(body?.location);
    if (!existing && !location) throw errors.locationRequired();
    const region = location ? findRegion(location) : undefined;
    if (location && !region) throw errors.locationNotAvailableForGroup(location);
    if (existing && region && existing.location !== region.name) {
      throw errors.resourceGroupInOtherLocation(location ?? '', existing.location);
    }
    const record = {
      subscriptionId: s.subscriptionId,
      name: existing?.name ?? name,
      location: existing?.location ?? region?.name ?? '',
      tags: strMap(body?.tags) ?? existing?.tags,
    };
    site.store.putResourceGroup(record);
    return { status: existing ? 200 : 201, body: renderResourceGroup(record) };
  });

  // Update: only tags change (a group's location is fixed).
  router.add('PATCH', '/subscriptions/{sub}/resourcegroups/{rg}', (req) => {
    const rg = requireResourceGroup(site, req.params.sub, req.params.rg);
    const tags = strMap(obj(req.body)?.tags);
    if (tags) rg.tags = tags;
    return { status: 200, body: renderResourceGroup(rg) };
  });
}
