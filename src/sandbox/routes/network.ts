/** Microsoft.Network virtual networks and their subnets: list, get, create (what a restore to a new VM needs). */
import { errors } from '../http/errors';
import type { RouteRequest, Router } from '../http/router';
import type { Site } from '../http/site';
import { arr, obj, str } from '../state/json';
import type { SubnetRecord, VirtualNetworkRecord } from '../state/model';
import { findRegion } from '../state/regions';
import { renderNetwork, renderSubnet } from '../render/infrastructure';
import { listInScope } from './listInScope';
import { requireResourceGroup } from './lookup';

const VNETS = 'providers/Microsoft.Network/virtualNetworks';
const VNET = `/subscriptions/{sub}/resourceGroups/{rg}/${VNETS}/{vnet}`;
/** 2–64 characters: letters, digits, underscores, periods, hyphens; a letter or digit first, not a period or hyphen last. */
const NETWORK_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}[A-Za-z0-9_]$/;

function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name);
}

export function requireNetwork(site: Site, req: RouteRequest): VirtualNetworkRecord {
  requireResourceGroup(site, req.params.sub, req.params.rg);
  const n = site.store.network(req.params.sub, req.params.rg, req.params.vnet);
  if (!n) throw errors.resourceNotFound('Microsoft.Network/virtualNetworks', req.params.vnet, req.params.rg);
  return n;
}

function parseSubnets(value: unknown): SubnetRecord[] {
  return (arr(value) ?? []).map((s) => {
    const name = str(obj(s)?.name);
    const prefix = str(obj(obj(s)?.properties)?.addressPrefix);
    if (!name || !prefix) throw errors.invalidRequestFormat('Each subnet needs a name and properties.addressPrefix.');
    return { name, addressPrefix: prefix };
  });
}

export function registerNetworkRoutes(router: Router, site: Site): void {
  listInScope(router, site, {
    type: VNETS,
    list: 'virtualNetworks',
    records: (sub) => site.store.networksOf(sub).sort(byName),
    render: renderNetwork,
  });
  router.add('GET', VNET, (req) => ({ status: 200, body: renderNetwork(requireNetwork(site, req)) }));
  router.add('PUT', VNET, (req) => {
    const rg = requireResourceGroup(site, req.params.sub, req.params.rg);
    if (!NETWORK_NAME.test(req.params.vnet))
      throw errors.invalidParameter(`The virtual network name '${req.params.vnet}' is invalid.`, 'name');
    const body = obj(req.body);
    const region = findRegion(str(body?.location) ?? '');
    if (!region) throw errors.locationRequired();
    const props = obj(body?.properties);
    const prefix = str(arr(obj(props?.addressSpace)?.addressPrefixes)?.[0]);
    if (!prefix) throw errors.invalidRequestFormat('properties.addressSpace.addressPrefixes is required.');
    const existing = site.store.network(rg.subscriptionId, rg.name, req.params.vnet);
    const record: VirtualNetworkRecord = {
      subscriptionId: rg.subscriptionId,
      resourceGroup: rg.name,
      name: existing?.name ?? req.params.vnet,
      location: region.name,
      addressPrefix: prefix,
      subnets: parseSubnets(props?.subnets),
    };
    site.store.putNetwork(record);
    return { status: existing ? 200 : 201, body: renderNetwork(record) };
  });
  router.add('GET', `${VNET}/subnets`, (req) => {
    const n = requireNetwork(site, req);
    return { status: 200, body: { value: n.subnets.map((s) => renderSubnet(n, s)) } };
  });
  router.add('GET', `${VNET}/subnets/{subnet}`, (req) => {
    const n = requireNetwork(site, req);
    const s = n.subnets.find((x) => x.name.toLowerCase() === req.params.subnet.toLowerCase());
    if (!s) throw errors.notFound('Subnet', req.params.subnet);
    return { status: 200, body: renderSubnet(n, s) };
  });
}
