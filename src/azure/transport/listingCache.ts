// Per-session memory of list pages that several views read: each vault's protected items (the "Backup items"
// node and the VM protection join) and each subscription's vault list (the "Recovery Services vaults" node and
// the join). A page is fetched once, shared by concurrent readers, and kept until invalidated: by the tree's
// refresh, or by the layer itself after an operation that changes it (enable, stop, delete, create vault).
// Failed fetches are not kept. A shared fetch is aborted once every reader waiting on it has given up, so a
// cancelled tree load does not leave its request hanging.
import { setMaxListeners } from 'node:events';
import type { VaultRef } from '../backupService';
import { compositeKey, idKey } from '../ids';

export type Fetch<T> = (signal?: AbortSignal) => Promise<T>;

/** Everything of a subscription, one vault's items, or (vaultList) only its vault list. */
export type ListScope = { subscriptionId: string; vault?: VaultRef; vaultList?: boolean };

export interface ListingCache {
  /**
   * The page at `token` (undefined: the first) of the list under `key`, fetched at most once until invalidated.
   * A shared fetch runs with a signal of its own (one reader's cancel must not fail the others): a reader stops
   * waiting when its own signal aborts, and the fetch is aborted when no reader is left waiting for it.
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

export const itemsKey = (ref: VaultRef): string =>
  compositeKey('items', ref.subscriptionId, ref.resourceGroup, ref.name);
export const vmsKey = (subscriptionId: string): string => compositeKey('vms', subscriptionId, '');
export const vaultsKey = (subscriptionId: string): string => compositeKey('vaults', subscriptionId, '');

/** A fetch shared by its readers: aborted when the last one waiting gives up. */
interface Shared {
  promise: Promise<unknown>;
  controller: AbortController;
  settled: boolean;
  /** Readers with a signal still waiting. */
  waiting: number;
  /** A reader without a signal waits to the end: never abort under it. */
  pinned: boolean;
}

export function createListingCache(): ListingCache {
  const lists = new Map<string, Map<string, Shared>>();
  const readAhead = new Map<string, Promise<unknown>>();
  const derivedValues = new Map<string, Shared>();
  const subscriptionOf = (key: string): string => key.split('|')[1] ?? '';
  /** Keep the fetch under `key` of `store`; a failure forgets it (unless a newer fetch replaced it). */
  const remember = <T>(store: Map<string, Shared>, key: string, fetch: Fetch<T>, signal?: AbortSignal): Promise<T> => {
    let shared = store.get(key);
    if (!shared) {
      const controller = new AbortController();
      // One signal, many readers by design: a protection index reads every vault's items under its signal (12 at a
      // time), each reader adding an abort listener it removes when done. Node's leak warning at 10 would misfire.
      setMaxListeners(0, controller.signal);
      const entry: Shared = {
        promise: fetch(controller.signal),
        controller,
        settled: false,
        waiting: 0,
        pinned: false,
      };
      store.set(key, entry);
      entry.promise.then(
        () => {
          entry.settled = true;
        },
        () => {
          entry.settled = true;
          if (store.get(key) === entry) store.delete(key);
        },
      );
      shared = entry;
    }
    return follow(shared, signal, () => {
      if (store.get(key) === shared) store.delete(key);
    }) as Promise<T>;
  };
  return {
    page<P>(key: string, token: string | undefined, fetch: Fetch<P>, signal?: AbortSignal): Promise<P> {
      let pages = lists.get(key);
      if (!pages) lists.set(key, (pages = new Map()));
      return remember(pages, token ?? '', fetch, signal);
    },
    derived<V>(subscriptionId: string, name: string, make: Fetch<V>, signal?: AbortSignal): Promise<V> {
      return remember(derivedValues, `${idKey(subscriptionId)}|${name}`, make, signal);
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
      for (const key of [...readAhead.keys()])
        if (subscriptionOf(key) === idKey(scope.subscriptionId) && !scope.vault && !scope.vaultList)
          readAhead.delete(key);
      const sub = idKey(scope.subscriptionId);
      for (const key of [...lists.keys()]) {
        const hit = scope.vault
          ? key === itemsKey(scope.vault)
          : scope.vaultList
            ? key === vaultsKey(sub)
            : subscriptionOf(key) === sub;
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

/** One reader of a shared fetch; the last reader with a signal to give up aborts the fetch and `forget`s it. */
function follow(shared: Shared, signal: AbortSignal | undefined, forget: () => void): Promise<unknown> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (!signal || shared.settled) {
    if (!signal) shared.pinned = true;
    return shared.promise;
  }
  shared.waiting++;
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      reject(signal.reason);
      if (--shared.waiting === 0 && !shared.pinned && !shared.settled) {
        forget();
        shared.controller.abort(signal.reason);
      }
    };
    signal.addEventListener('abort', onAbort, { once: true });
    shared.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
