// Per-session memory of list pages that several views read: each vault's protected items (the "Backup items"
// node and the VM protection join) and each subscription's vault list (the "Recovery Services vaults" node and
// the join). A page is fetched once, shared by concurrent readers, and kept until invalidated: by the tree's
// refresh, or by the layer itself after an operation that changes it (enable, stop, delete, create vault).
// Failed fetches are not kept.
import type { VaultRef } from './backupService';

export type Fetch<T> = (signal?: AbortSignal) => Promise<T>;

/** Everything of a subscription, one vault's items, or (vaultList) only its vault list. */
export type ListScope = { subscriptionId: string; vault?: VaultRef; vaultList?: boolean };

export interface ListingCache {
  /**
   * The page at `token` (undefined: the first) of the list under `key`, fetched at most once until invalidated.
   * A shared fetch runs without the reader's signal (one reader's cancel must not fail the others); the reader
   * stops waiting when its own signal aborts.
   */
  page<P>(key: string, token: string | undefined, fetch: Fetch<P>, signal?: AbortSignal): Promise<P>;
  /** A value derived from a subscription's cached lists (e.g. the protection index); dropped with them. */
  derived<V>(subscriptionId: string, name: string, make: Fetch<V>, signal?: AbortSignal): Promise<V>;
  /**
   * Read-ahead for lists a single reader pages through (a subscription's VMs): `ahead` starts fetching the page
   * at `token` now; `take` hands that fetch to the reader who asks for it next (once), or undefined.
   */
  ahead<P>(key: string, token: string, fetch: Fetch<P>): void;
  take<P>(key: string, token: string): Promise<P> | undefined;
  invalidate(scope?: ListScope): void;
}

export const itemsKey = (ref: VaultRef): string => `items|${ref.subscriptionId}|${ref.resourceGroup}|${ref.name}`.toLowerCase();
export const vmsKey = (subscriptionId: string): string => `vms|${subscriptionId}|`.toLowerCase();
export const vaultsKey = (subscriptionId: string): string => `vaults|${subscriptionId}|`.toLowerCase();

export function createListingCache(): ListingCache {
  const lists = new Map<string, Map<string, Promise<unknown>>>();
  const readAhead = new Map<string, Promise<unknown>>();
  const derivedValues = new Map<string, Promise<unknown>>();
  const subscriptionOf = (key: string): string => key.split('|')[1] ?? '';
  /** Keep the promise under `key` of `store`; a failure forgets it (unless a newer fetch replaced it). */
  const remember = <T>(store: Map<string, Promise<unknown>>, key: string, fetch: Fetch<T>, signal?: AbortSignal): Promise<T> => {
    const known = store.get(key) as Promise<T> | undefined;
    if (known) return untilAborted(known, signal);
    const promise = fetch();
    store.set(key, promise);
    promise.catch(() => { if (store.get(key) === promise) store.delete(key); });
    return untilAborted(promise, signal);
  };
  return {
    page<P>(key: string, token: string | undefined, fetch: Fetch<P>, signal?: AbortSignal): Promise<P> {
      let pages = lists.get(key);
      if (!pages) lists.set(key, pages = new Map());
      return remember(pages, token ?? '', fetch, signal);
    },
    derived<V>(subscriptionId: string, name: string, make: Fetch<V>, signal?: AbortSignal): Promise<V> {
      return remember(derivedValues, `${subscriptionId.toLowerCase()}|${name}`, make, signal);
    },
    ahead<P>(key: string, token: string, fetch: Fetch<P>): void {
      const promise = fetch();
      promise.catch(() => undefined); // reported to the reader who takes it, if any
      readAhead.set(`${key}|${token}`, promise);
    },
    take<P>(key: string, token: string): Promise<P> | undefined {
      const promise = readAhead.get(`${key}|${token}`) as Promise<P> | undefined;
      readAhead.delete(`${key}|${token}`);
      return promise;
    },
    invalidate(scope?: ListScope): void {
      if (!scope) {
        lists.clear();
        derivedValues.clear();
        readAhead.clear();
        return;
      }
      for (const key of [...readAhead.keys()]) if (subscriptionOf(key) === scope.subscriptionId.toLowerCase() && !scope.vault && !scope.vaultList) readAhead.delete(key);
      const sub = scope.subscriptionId.toLowerCase();
      for (const key of [...lists.keys()]) {
        const hit = scope.vault ? key === itemsKey(scope.vault) : scope.vaultList ? key === vaultsKey(sub) : subscriptionOf(key) === sub;
        if (hit) lists.delete(key);
      }
      for (const key of [...derivedValues.keys()]) if (key.startsWith(`${sub}|`)) derivedValues.delete(key);
    },
  };
}

/** No memory: every read fetches, with the reader's signal (services created without `cacheListings`). */
export const noListingCache: ListingCache = {
  page: (_key, _token, fetch, signal) => fetch(signal),
  derived: (_sub, _name, make, signal) => make(signal),
  ahead: () => undefined,
  take: () => undefined,
  invalidate: () => undefined,
};

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
