/**
 * Azure Resource Graph: `POST /providers/Microsoft.ResourceGraph/resources` (tenant level, api 2024-04-01 and
 * older). Answers `{totalRecords, count, resultTruncated, $skipToken?, data, facets}` with `objectArray` rows
 * shaped as ARG stores them (type and resourceGroup lower-cased; VMs' power state under properties.extended;
 * protected items in RecoveryServicesResources, indexed with a delay: graphItems.ts; vaults, their backup policies and
 * resource groups as they are now), for the query shapes of
 * graphQuery.ts only; other queries get ARG's 400 BadRequest / InvalidQuery. Every answer carries the caller's
 * quota headers; a spent quota is a 429 (http/graphQuota.ts).
 */
import { errors } from '../http/errors';
import { QuotaWindows, quotaHeaders } from '../http/graphQuota';
import type { Reply, RouteRequest, Router } from '../http/router';
import type { Site } from '../http/site';
import type { VmRecord } from '../state/model';
import { renderResourceGroup, renderVm } from '../render/arm';
import { renderPolicy } from '../render/backup';
import { renderVault } from '../render/vault';
import { vaultKeyOf } from '../state/names';
import { IngestedItems, ITEM_TYPE } from './graphItems';
import {
  parseGraphQuery,
  SUPPORTED_SHAPES,
  UnsupportedQuery,
  type GraphType,
  type ParsedQuery,
  type Row,
} from './graphQuery';

const DEFAULT_TOP = 100;
const MAX_TOP = 1000;

interface Body {
  subscriptions?: unknown;
  query?: unknown;
  options?: { $top?: unknown; $skip?: unknown; $skipToken?: unknown; resultFormat?: unknown };
}

function invalidQuery(detail: string): Reply {
  return {
    status: 400,
    body: {
      error: {
        code: 'BadRequest',
        message: `Please provide below info when asking for support: timestamp = ${new Date().toISOString()}. Query is invalid: ${detail}`,
        details: [
          {
            code: 'InvalidQuery',
            message:
              'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the query before retrying.',
          },
          {
            code: 'UnsupportedQuery',
            message: `The sandbox understands only these query shapes: ${SUPPORTED_SHAPES}. ${detail}`,
          },
        ],
      },
    },
  };
}

const badParameter = errors.badRequest;

/**
 * Rendered rows, kept per VM record while what they show is unchanged: a row renders the full VM model, and
 * rendering every VM of a subscription on each page request (~25 ms per 1,000) made the sandbox, not the client,
 * the slow side of a tree load.
 * Records change in place (control.ts), so the row is re-rendered when the mutable fields differ.
 */
const rendered = new WeakMap<VmRecord, { seen: RenderedFields; row: Row }>();

/** The record's fields a row shows that can change in place; compared one by one (no string per VM per query). */
// Tags are replaced, never edited in place, so their identity tells a change.
type RenderedFields = Pick<VmRecord, 'powerState' | 'broken' | 'osDiskName' | 'tags'> & { tenantId: string };

function graphRow(vm: VmRecord, tenantId: string): Row {
  const known = rendered.get(vm);
  if (
    known &&
    known.seen.tenantId === tenantId &&
    known.seen.powerState === vm.powerState &&
    known.seen.broken === vm.broken &&
    known.seen.osDiskName === vm.osDiskName &&
    known.seen.tags === vm.tags
  )
    return known.row;
  const row = renderGraphVm(vm, tenantId);
  rendered.set(vm, {
    seen: { tenantId, powerState: vm.powerState, broken: vm.broken, osDiskName: vm.osDiskName, tags: vm.tags },
    row,
  });
  return row;
}

function renderGraphVm(vm: VmRecord, tenantId: string): Row {
  const arm = renderVm(vm, false) as Row & { properties: Row };
  const power = { running: 'VM running', stopped: 'VM stopped', deallocated: 'VM deallocated' }[vm.powerState];
  return {
    ...arm,
    type: 'microsoft.compute/virtualmachines',
    tenantId,
    kind: '',
    resourceGroup: vm.resourceGroup.toLowerCase(),
    subscriptionId: vm.subscriptionId,
    managedBy: '',
    sku: null,
    plan: null,
    identity: null,
    zones: vm.zone ? [vm.zone] : null,
    extendedLocation: null,
    properties: {
      ...arm.properties,
      extended: {
        instanceView: {
          computerName: vm.name.slice(0, 15),
          hyperVGeneration: 'V2',
          powerState: { code: `PowerState/${vm.powerState}`, level: 'Info', displayStatus: power },
        },
      },
    },
  };
}

/**
 * The staged result (filtered, projected, sorted) of the last query of each text and subscription set, reused
 * while its input rows are the same objects: graphRow hands out the same row while a VM is unchanged, so the
 * identity check is exact. A client paging through a subscription's VMs asks the same query once per page, and a
 * tree refresh asks it again; without this each request projected and sorted every VM again on the sandbox's
 * single thread, delaying whatever else it had to answer.
 */
const lastResults = new Map<string, { input: Row[]; rows: Row[] }>();
const MAX_REMEMBERED = 64;

function staged(key: string, parsed: ParsedQuery, input: Row[]): Row[] {
  const known = lastResults.get(key);
  if (known && known.input.length === input.length && known.input.every((row, i) => row === input[i]))
    return known.rows;
  let rows = input;
  for (const stage of parsed.stages) rows = stage(rows);
  if (lastResults.size >= MAX_REMEMBERED) lastResults.clear();
  lastResults.set(key, { input, rows });
  return rows;
}

const count = (v: unknown, name: string, fallback: number): number => {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    throw badParameter(`The '${name}' option must be a non-negative integer.`);
  return v;
};

/** Our $skipToken: the next offset and page size, opaque to clients (ARG's also carries both). */
function readToken(token: unknown): { skip: number; top: number } | undefined {
  if (token === undefined || token === null || token === '') return undefined;
  try {
    const t = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as { s?: unknown; t?: unknown };
    if (typeof t.s === 'number' && typeof t.t === 'number') return { skip: t.s, top: t.t };
  } catch {
    /* fall through */
  }
  throw badParameter(`The $skipToken '${String(token)}' is invalid.`);
}

interface GraphSources {
  items: IngestedItems;
  quota: QuotaWindows | undefined;
}

/** The table's input rows for the named subscriptions, with the key under which its staged results are kept. */
function tableRows(
  site: Site,
  sources: GraphSources,
  parsed: ParsedQuery,
  subscriptions: Set<string>,
): { input: Row[]; version: string } {
  const { store } = site;
  const subs = store.allSubscriptions().filter((s) => subscriptions.has(s.subscriptionId.toLowerCase()));
  switch (parsed.type) {
    case ITEM_TYPE: {
      const snapshot = sources.items.rows();
      return {
        input: snapshot.rows.filter((row) => subscriptions.has(String(row.subscriptionId).toLowerCase())),
        version: `items@${snapshot.takenAt}`,
      };
    }
    case 'microsoft.compute/virtualmachines':
      return {
        input: subs.flatMap((s) => store.vmsOf(s.subscriptionId).map((vm) => graphRow(vm, store.tenantId))),
        version: 'vms',
      };
    // Few rows (hundreds): rendered per query, so a vault or policy created a moment ago is a row.
    default:
      return { input: subs.flatMap((s) => otherRows(site, parsed.type, s.subscriptionId)), version: parsed.type };
  }
}

/** Vaults, their backup policies and resource groups as ARG rows: lower-cased type and resource group, subscription. */
function otherRows(site: Site, type: GraphType, subscriptionId: string): Row[] {
  const { store } = site;
  const common = (resourceGroup: string): Row => ({
    type,
    tenantId: store.tenantId,
    subscriptionId,
    resourceGroup: resourceGroup.toLowerCase(),
  });
  switch (type) {
    case 'microsoft.recoveryservices/vaults':
      return store.vaultsOf(subscriptionId).map((v) => ({ ...(renderVault(v) as Row), ...common(v.resourceGroup) }));
    case 'microsoft.recoveryservices/vaults/backuppolicies':
      return store.vaultsOf(subscriptionId).flatMap((v) => {
        const vaultKey = vaultKeyOf(v.subscriptionId, v.resourceGroup, v.name);
        const protectedCount = (name: string): number =>
          store.itemsOf(vaultKey).filter((i) => i.policyName?.toLowerCase() === name.toLowerCase()).length;
        return store.policiesOf(vaultKey).map((p) => ({
          ...(renderPolicy(v, p, protectedCount(p.name)) as Row),
          location: v.location,
          ...common(v.resourceGroup),
        }));
      });
    case 'microsoft.resources/subscriptions/resourcegroups':
      return store
        .resourceGroupsOf(subscriptionId)
        .map((r) => ({ ...(renderResourceGroup(r) as Row), ...common(r.name) }));
    default:
      return [];
  }
}

/** The quota's windows, started afresh when the sandbox was given another quota. */
function quotaWindows(site: Site, sources: GraphSources): QuotaWindows | undefined {
  const quota = site.resourceGraph.quota;
  if (sources.quota?.quota !== quota) sources.quota = quota ? new QuotaWindows(quota) : undefined;
  return sources.quota;
}

function handle(site: Site, sources: GraphSources, req: RouteRequest): Reply {
  const decision = quotaWindows(site, sources)?.take(String(req.headers.authorization ?? ''), site.now());
  const headers = decision ? quotaHeaders(decision) : {};
  if (decision && !decision.allowed)
    throw errors.graphThrottled(Math.max(1, Math.ceil(decision.resetsAfterMs / 1000)), headers);
  return { ...answer(site, sources, req), headers };
}

function answer(site: Site, sources: GraphSources, req: RouteRequest): Reply {
  const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Body;
  if (typeof body.query !== 'string' || body.query.trim() === '') throw badParameter("The request has no 'query'.");
  const o = body.options ?? {};
  if (o.resultFormat !== undefined && o.resultFormat !== 'objectArray')
    return invalidQuery(`resultFormat '${String(o.resultFormat)}' (the sandbox answers objectArray only).`);
  const token = readToken(o.$skipToken);
  // As ARG documents: $top and $skip, when given, override what the $skipToken carries.
  const top = count(o.$top, '$top', token?.top ?? DEFAULT_TOP);
  if (top < 1 || top > MAX_TOP) throw badParameter(`The '$top' option must be between 1 and ${MAX_TOP}.`);
  const skip = count(o.$skip, '$skip', token?.skip ?? 0);
  let parsed;
  try {
    parsed = parseGraphQuery(body.query);
  } catch (e) {
    if (e instanceof UnsupportedQuery) return invalidQuery(e.message);
    throw e;
  }
  // Only the subscriptions named in the request (all of the tenant's when none are named, as at tenant scope).
  const named = Array.isArray(body.subscriptions)
    ? new Set(body.subscriptions.map((s) => String(s).toLowerCase()))
    : undefined;
  const subscriptions = site.store
    .allSubscriptions()
    .filter((s) => !named || named.has(s.subscriptionId.toLowerCase()));
  const { input, version } = tableRows(
    site,
    sources,
    parsed,
    new Set(subscriptions.map((s) => s.subscriptionId.toLowerCase())),
  );
  const rows = staged(
    `${version}|${subscriptions.map((s) => s.subscriptionId).join(',')}|${body.query}`,
    parsed,
    input,
  );
  const data = rows.slice(skip, skip + top);
  const more = skip + data.length < rows.length;
  const reply: Record<string, unknown> = {
    totalRecords: rows.length,
    count: data.length,
    data,
    facets: [],
    // ARG pages only results that keep the id column; otherwise it truncates without a token.
    resultTruncated: more && !parsed.keepsId ? 'true' : 'false',
  };
  if (more && parsed.keepsId)
    reply.$skipToken = Buffer.from(JSON.stringify({ s: skip + data.length, t: top })).toString('base64url');
  return {
    status: 200,
    body: reply,
    logDetail: `subscriptions=${subscriptions.map((s) => s.subscriptionId).join(',')}&$skip=${skip}`,
  };
}

export function registerResourceGraphRoutes(router: Router, site: Site): void {
  // ARG answers from an index it keeps, not by rendering resources per query: render the seeded VMs up front.
  for (const s of site.store.allSubscriptions())
    for (const vm of site.store.vmsOf(s.subscriptionId)) graphRow(vm, site.store.tenantId);
  const sources: GraphSources = {
    items: new IngestedItems(site),
    quota: site.resourceGraph.quota ? new QuotaWindows(site.resourceGraph.quota) : undefined,
  };
  router.add('POST', '/providers/Microsoft.ResourceGraph/resources', (req) => handle(site, sources, req), {
    readOnly: true,
  });
}
