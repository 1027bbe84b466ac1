// A subscription's VMs through Azure Resource Graph: one POST returns up to 1,000 rows with only the fields we
// show, where Compute's list pages 50 full VM models at a time. A user without Resource Graph access (403),
// a cloud or sandbox without it (404), or a query it refuses (400 InvalidQuery) gets Compute's list instead.
import type { VirtualMachine } from '../model';
import { toVirtualMachineFromGraph } from '../convert/arm';
import { AzureError } from '../errors';
import type { ListPage } from '../paging';
import { firstPageUrl, sendWire } from '../transport/wire';
import type { OperationContext } from './context';
import { graphPacerOf } from './graphQuota';

/** ARG's largest page. */
export const GRAPH_PAGE_SIZE = 1000;

/** Ordered by id so that $skipToken pages are stable; power state lives under properties.extended in ARG. */
export const VM_GRAPH_QUERY = [
  "Resources | where type =~ 'microsoft.compute/virtualmachines'",
  'project id, name, location, osType = tostring(properties.storageProfile.osDisk.osType),' +
    ' vmSize = tostring(properties.hardwareProfile.vmSize), powerState = tostring(properties.extended.instanceView.powerState.code),' +
    // What decides whether the VM needs an Enhanced policy, and the data disks a backup can select.
    ' securityType = tostring(properties.securityProfile.securityType),' +
    ' osDiskType = tostring(properties.storageProfile.osDisk.managedDisk.storageAccountType),' +
    ' dataDisks = properties.storageProfile.dataDisks',
  'order by id asc',
].join(' | ');

/** Our continuation tokens for ARG pages carry this prefix; Compute's are its nextLink URLs. */
const TOKEN_PREFIX = 'graph:';

export const isGraphToken = (token: string): boolean => token.startsWith(TOKEN_PREFIX);

/** @azure/arm-resourcegraph 5.0.0 sends this api-version for `resources` (hard-coded in its operations). */
export const GRAPH_API_VERSION = '2024-04-01';

/**
 * One ARG page of a query over the given subscriptions (token: ours, from a previous page; undefined: the first).
 * Sent as the SDK's `resources` operation sends it (same path, api-version and body as its serializer writes them)
 * through the Resource Graph client's own pipeline, read as wire JSON: the SDK's request builder checks every body
 * with `instanceof FormData`, which loads Node's undici (a long synchronous block in a process's first query; see
 * docs/PERFORMANCE.md), and its answer is parsed in a slice of the shared queue like the other bulk lists (transport/wire.ts).
 * Paced by the user's quota (graphQuota.ts).
 */
export async function graphPage<T>(
  ctx: OperationContext,
  subscriptionIds: readonly string[],
  query: string,
  convert: (row: unknown) => T | undefined,
  token: string | undefined,
  signal?: AbortSignal,
): Promise<ListPage<T>> {
  const skipToken = token?.slice(TOKEN_PREFIX.length);
  const body = {
    subscriptions: subscriptionIds,
    query,
    options: { $top: GRAPH_PAGE_SIZE, resultFormat: 'objectArray', ...(skipToken ? { $skipToken: skipToken } : {}) },
  };
  const url = firstPageUrl(ctx.clients.endpoint, '/providers/Microsoft.ResourceGraph/resources', GRAPH_API_VERSION);
  const sender = ctx.clients.wire(ctx.clients.resourceGraph().pipeline);
  const pacer = graphPacerOf(ctx);
  await pacer.take(signal);
  const response = (await sendWire(sender, 'POST', url, body, signal, (headers) => pacer.observe(headers))) as {
    data?: unknown;
    $skipToken?: unknown;
  } | null;
  const rows = response?.data;
  const entries = await ctx.clients.transport.queue.mapInSlices(Array.isArray(rows) ? rows : [], convert);
  const next = response?.$skipToken;
  return typeof next === 'string' && next.length > 0 ? { entries, next: `${TOKEN_PREFIX}${next}` } : { entries };
}

/** One ARG page of the subscription's VMs. */
export function graphVmPage(
  ctx: OperationContext,
  subscriptionId: string,
  token: string | undefined,
  signal?: AbortSignal,
): Promise<ListPage<VirtualMachine>> {
  return graphPage(ctx, [subscriptionId], VM_GRAPH_QUERY, toVirtualMachineFromGraph, token, signal);
}

/** Codes inside the ARM error's `details` (ARG puts InvalidQuery there, under a top-level BadRequest). */
function detailCodes(e: unknown): string[] {
  const details = (e as { details?: { error?: { details?: unknown } } } | undefined)?.details?.error?.details;
  return Array.isArray(details) ? details.map((d) => String((d as { code?: unknown }).code ?? '')) : [];
}

/**
 * Whether Compute's list should answer instead, for the rest of the session: a lasting refusal (no access, no
 * Resource Graph, a query it refuses). Not on 401: Resource Graph sits behind the same ARM endpoint and takes the
 * same token, so Compute would refuse it too; the token's error (expired: sign in again) is what to show.
 */
export function graphRefusal(e: unknown): { fallback: boolean; error: AzureError } {
  const error = AzureError.from(e);
  const fallback =
    error.status === 403 ||
    error.status === 404 ||
    (error.status === 400 && (error.code === 'InvalidQuery' || detailCodes(e).includes('InvalidQuery')));
  return { fallback, error };
}

/** Records the fallback (Compute from now on) and logs it once per session through the call logger (the log channel). */
export function noteFallback(ctx: OperationContext, refusal: ReturnType<typeof graphRefusal>): void {
  ctx.vmListing.computeOnly = true;
  if (ctx.vmListing.fallbackLogged) return;
  ctx.vmListing.fallbackLogged = true;
  ctx.vmListing.logger?.({
    method: 'POST',
    url: '/providers/Microsoft.ResourceGraph/resources',
    status: refusal.error.status,
    requestId: refusal.error.requestId,
    durationMs: 0,
    error: `Resource Graph unavailable (${refusal.error.code}): listing virtual machines through Microsoft.Compute instead`,
  });
}
