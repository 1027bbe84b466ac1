// Every message from the coverage page is untrusted: shape, types, enums and sizes are checked here before the
// host acts (as src/webview/validate.ts does for the forms). Only the shape: what the user can type (a vault name
// too long, a search of any length) passes, under caps only abuse reaches, so that the rules answer it next to its
// field; refused here, the page would get no answer and stay on "Working…". Pure.
import { MAX_LOOKUP_IDS, MAX_WINDOW_ROWS, type CoverageWebviewMessage, type EnableGroup } from './protocol';
import { SORT_KEYS, STATUS_FILTERS, type CoverageFilter, type CoverageSort } from './types';

type Obj = Record<string, unknown>;

const maxId = 1024;
/** What a text field may hold on the channel: far above any rule, far below what floods the host. */
const maxTyped = 1024;
/** The most VMs one enable request may carry. */
export const MAX_ENABLE_VMS = 5000;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown, max: number, min = 0): string | undefined {
  return typeof v === 'string' && v.length >= min && v.length <= max ? v : undefined;
}

function onlyKeys(o: Obj, keys: string[]): boolean {
  return Object.keys(o).every((k) => keys.includes(k));
}

function oneOf<T extends string>(values: readonly T[], v: unknown): T | undefined {
  return typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : undefined;
}

export function parseFilter(v: unknown): CoverageFilter | undefined {
  if (!isObj(v) || !onlyKeys(v, ['status', 'subscriptionId', 'location', 'text'])) return undefined;
  const status = oneOf(STATUS_FILTERS, v.status);
  const subscriptionId = str(v.subscriptionId, 64);
  const location = str(v.location, 64);
  const text = str(v.text, maxTyped);
  return status && subscriptionId !== undefined && location !== undefined && text !== undefined
    ? { status, subscriptionId, location, text }
    : undefined;
}

export function parseSort(v: unknown): CoverageSort | undefined {
  if (!isObj(v) || !onlyKeys(v, ['key', 'descending']) || typeof v.descending !== 'boolean') return undefined;
  const key = oneOf(SORT_KEYS, v.key);
  return key ? { key, descending: v.descending } : undefined;
}

function parseGroups(v: unknown): EnableGroup[] | undefined {
  if (!Array.isArray(v) || v.length === 0 || v.length > 500) return undefined;
  const groups: EnableGroup[] = [];
  let count = 0;
  for (const g of v) {
    if (
      !isObj(g) ||
      !onlyKeys(g, ['subscriptionId', 'vaultId', 'policyName', 'vmIds']) ||
      !Array.isArray(g.vmIds) ||
      g.vmIds.length === 0
    )
      return undefined;
    const subscriptionId = str(g.subscriptionId, 64, 1);
    const vaultId = str(g.vaultId, maxId, 1);
    const policyName = str(g.policyName, 150, 1);
    const vmIds = g.vmIds.filter((id): id is string => str(id, maxId, 1) !== undefined);
    count += vmIds.length;
    if (!subscriptionId || !vaultId || !policyName || vmIds.length !== g.vmIds.length || count > MAX_ENABLE_VMS)
      return undefined;
    groups.push({ subscriptionId, vaultId, policyName, vmIds });
  }
  return groups;
}

function requestId(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER ? v : undefined;
}

function count(v: unknown, max: number): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max ? v : undefined;
}

function ids(v: unknown, max: number): string[] | undefined {
  if (!Array.isArray(v) || v.length > max) return undefined;
  const out: string[] = [];
  // Indexed, not every(): a sparse array's holes would pass unseen.
  for (let i = 0; i < v.length; i++) {
    const id = str(v[i], maxId, 1);
    if (id === undefined) return undefined;
    out.push(id);
  }
  return out;
}

/** A message of the coverage page, or undefined (refused) when it is not exactly one we expect. */
export function parseCoverageMessage(raw: unknown): CoverageWebviewMessage | undefined {
  if (!isObj(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
    case 'refresh':
      return onlyKeys(raw, ['type']) ? { type: raw.type } : undefined;
    case 'export': {
      const id = requestId(raw.requestId);
      const format = oneOf(['csv', 'json'] as const, raw.format);
      const filter = parseFilter(raw.filter);
      const sort = parseSort(raw.sort);
      return onlyKeys(raw, ['type', 'requestId', 'format', 'filter', 'sort']) &&
        id !== undefined &&
        format &&
        filter &&
        sort
        ? { type: 'export', requestId: id, format, filter, sort }
        : undefined;
    }
    case 'rows': {
      const id = requestId(raw.requestId);
      const filter = parseFilter(raw.filter);
      const sort = parseSort(raw.sort);
      const offset = count(raw.offset, Number.MAX_SAFE_INTEGER);
      const rows = count(raw.count, MAX_WINDOW_ROWS);
      return onlyKeys(raw, ['type', 'requestId', 'filter', 'sort', 'offset', 'count']) &&
        id !== undefined &&
        filter &&
        sort &&
        offset !== undefined &&
        rows !== undefined
        ? { type: 'rows', requestId: id, filter, sort, offset, count: rows }
        : undefined;
    }
    case 'selectFiltered': {
      const id = requestId(raw.requestId);
      const filter = parseFilter(raw.filter);
      return onlyKeys(raw, ['type', 'requestId', 'filter']) && id !== undefined && filter
        ? { type: 'selectFiltered', requestId: id, filter }
        : undefined;
    }
    case 'lookup': {
      const id = requestId(raw.requestId);
      const vmIds = ids(raw.vmIds, MAX_LOOKUP_IDS);
      return onlyKeys(raw, ['type', 'requestId', 'vmIds']) && id !== undefined && vmIds
        ? { type: 'lookup', requestId: id, vmIds }
        : undefined;
    }
    case 'createVault': {
      const id = requestId(raw.requestId);
      const subscriptionId = str(raw.subscriptionId, 64, 1);
      const location = str(raw.location, 64, 1);
      const resourceGroup = str(raw.resourceGroup, maxTyped);
      const name = str(raw.name, maxTyped);
      return onlyKeys(raw, ['type', 'requestId', 'subscriptionId', 'location', 'resourceGroup', 'name']) &&
        id !== undefined &&
        subscriptionId &&
        location &&
        resourceGroup !== undefined &&
        name !== undefined
        ? { type: 'createVault', requestId: id, subscriptionId, location, resourceGroup, name }
        : undefined;
    }
    case 'enable': {
      const id = requestId(raw.requestId);
      const groups = parseGroups(raw.groups);
      return onlyKeys(raw, ['type', 'requestId', 'groups']) && id !== undefined && groups
        ? { type: 'enable', requestId: id, groups }
        : undefined;
    }
    default:
      return undefined;
  }
}
