// Reads the sandbox's request log of one tree load: calls by kind, distinct pages, repeated calls, and the
// critical path computed from the page counts actually observed.
import type { RequestLogEntry } from '../src/sandbox/index';

type Kind = 'subscriptions' | 'vaults' | 'vms' | 'items' | 'other';

const PATTERNS: [Kind, RegExp][] = [
  ['subscriptions', /^\/subscriptions\/?$/i],
  ['vaults', /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.RecoveryServices\/vaults\/?$/i],
  ['vms', /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.Compute\/virtualMachines\/?$/i],
  [
    'items',
    /^\/subscriptions\/([^/]+)\/resourceGroups\/[^/]+\/providers\/Microsoft\.RecoveryServices\/vaults\/[^/]+\/backupProtectedItems\/?$/i,
  ],
];

/** The tree's VM pages: Resource Graph queries, one subscription each; the sandbox logs which and from which row. */
const GRAPH = /^\/providers\/Microsoft\.ResourceGraph\/resources\/?$/i;
const detailOf = (entry: RequestLogEntry): URLSearchParams => new URLSearchParams(entry.detail ?? '');

function kindOf(entry: RequestLogEntry): { kind: Kind; subscription?: string } {
  if (entry.method === 'POST' && GRAPH.test(entry.path))
    return { kind: 'vms', subscription: detailOf(entry).get('subscriptions')?.toLowerCase() };
  for (const [kind, re] of PATTERNS) {
    const m = re.exec(entry.path);
    if (m && entry.method === 'GET') return { kind, subscription: m[1]?.toLowerCase() };
  }
  return { kind: 'other' };
}

/** Which page of its list a call fetched: the $skipToken of a GET, the first row ($skip) of a Resource Graph query. */
function pageToken(entry: RequestLogEntry): string {
  const skip = detailOf(entry).get('$skip');
  return new URLSearchParams(entry.query).get('$skipToken') ?? (skip && skip !== '0' ? skip : '');
}

export interface RequestStats {
  calls: number;
  callsByKind: Record<Kind, number>;
  /** Distinct pages fetched (path + subscription + $skipToken or $skip); calls above this number fetched a page again. */
  distinctPages: number;
  repeatedCalls: number;
  pages: { subscriptionList: number; maxVaultPages: number; maxVmPages: number; maxItemPagesPerVault: number };
  criticalPath: { calls: number; ms: number };
  meanCallMs: number;
  /** Bytes of the answers' bodies, as the sandbox sent them. */
  responseBytes: number;
  /** Recovery point reads: the tree reads them only for an item the user expands, so a load makes none. */
  recoveryPointCalls: number;
}

/**
 * Critical path = the longest chain of calls that must wait for each other, counted in observed pages:
 *   S                                   subscription list pages (everything else needs the subscription ids)
 *   + max over subscriptions s of max(
 *       V(s) + I(s),                    vault pages, then the item pages of that subscription's slowest vault
 *                                       (the Backup items nodes and the join both wait for the vault list),
 *       M(s))                           VM pages: Resource Graph pages of up to 1,000 (Compute's 50 when it falls
 *                                       back); the join lists VMs in parallel with vaults → items
 * Pages of one list are sequential (each nextLink comes from the previous page); separate lists may overlap.
 * Each call costs the sandbox's added latency, so the path in ms is calls × latency: the floor for any client.
 */
export function analyse(entries: readonly RequestLogEntry[], latencyMs: number): RequestStats {
  const callsByKind: Record<Kind, number> = { subscriptions: 0, vaults: 0, vms: 0, items: 0, other: 0 };
  const pagesOf = new Map<string, Set<string>>();
  const distinct = new Set<string>();
  const addPage = (listKey: string, token: string): void => {
    const set = pagesOf.get(listKey) ?? new Set<string>();
    set.add(token);
    pagesOf.set(listKey, set);
  };
  for (const e of entries) {
    const { kind, subscription } = kindOf(e);
    callsByKind[kind]++;
    const token = pageToken(e);
    // Resource Graph queries share one path: their subscription tells them apart.
    distinct.add(`${e.method} ${e.path.toLowerCase()} ${subscription ?? ''} ${token}`);
    if (kind !== 'other') addPage(`${kind}|${subscription ?? ''}|${e.path.toLowerCase()}`, token);
  }
  const pageCount = (kind: Kind, subscription: string): number[] =>
    [...pagesOf].filter(([k]) => k.startsWith(`${kind}|${subscription}|`)).map(([, set]) => set.size);
  const subscriptions = new Set([...pagesOf.keys()].map((k) => k.split('|')[1]).filter((s) => s !== ''));
  const subscriptionList = Math.max(0, ...pageCount('subscriptions', ''));
  let longest = 0;
  let maxVaultPages = 0;
  let maxVmPages = 0;
  let maxItemPages = 0;
  for (const s of subscriptions) {
    const v = Math.max(0, ...pageCount('vaults', s));
    const i = Math.max(0, ...pageCount('items', s));
    const m = Math.max(0, ...pageCount('vms', s));
    longest = Math.max(longest, v + i, m);
    maxVaultPages = Math.max(maxVaultPages, v);
    maxVmPages = Math.max(maxVmPages, m);
    maxItemPages = Math.max(maxItemPages, i);
  }
  const criticalCalls = subscriptionList + longest;
  return {
    calls: entries.length,
    callsByKind,
    distinctPages: distinct.size,
    repeatedCalls: entries.length - distinct.size,
    pages: { subscriptionList, maxVaultPages, maxVmPages, maxItemPagesPerVault: maxItemPages },
    criticalPath: { calls: criticalCalls, ms: criticalCalls * latencyMs },
    meanCallMs: entries.length ? round(entries.reduce((n, e) => n + e.durationMs, 0) / entries.length) : 0,
    responseBytes: entries.reduce((n, e) => n + (e.responseBytes ?? 0), 0),
    recoveryPointCalls: entries.filter((e) => /\/recoveryPoints(\/|$)/i.test(e.path)).length,
  };
}

/** The middle value; of an even count, the mean of the two middle ones. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : round((sorted[mid - 1] + sorted[mid]) / 2, 1);
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
