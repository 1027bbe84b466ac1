// What every operation needs: the clients of the session, the fan-out bound and the poll timing.
import type { VaultRef } from '../backupService';
import type { ClientSet } from '../clients';
import type { ListingCache } from '../transport/listingCache';
import type { AzureCallLogger } from '../session';
import { AzureError } from '../errors';
import type { PollTiming } from '../polling';
import type { TrackerContext } from '../tracker';

export interface OperationContext {
  clients: ClientSet;
  /** Bound of read fan-outs (listings). */
  concurrency: number;
  /** Bound of write fan-outs (operations that change the service). */
  writeConcurrency: number;
  timing: PollTiming;
  /** Shared list pages (vault lists, protected items); `noListingCache` when the service does not cache. */
  cache: ListingCache;
  /** How this session lists VMs: Resource Graph until it proves unavailable (see operations/resourceGraph.ts). */
  vmListing: { computeOnly: boolean; fallbackLogged: boolean; logger?: AzureCallLogger };
}

export function trackerFor(ctx: OperationContext, vault: VaultRef): TrackerContext {
  return { client: ctx.clients.backup(vault.subscriptionId), vault, timing: ctx.timing };
}

/** Runs an SDK call and turns whatever it throws into an AzureError. */
export async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw AzureError.from(e);
  }
}
