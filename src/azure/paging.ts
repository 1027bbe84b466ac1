// Paging over both SDK generations. Each page knows its continuation token (the service's nextLink):
// modular pages carry it as a property, HLC pages through the SDK's getContinuationToken(page).
import type { Page, PageOptions } from './backupService';
import { yieldToEventLoop } from './transport/responseQueue';

export interface PageSource<TRaw> {
  byPage(settings?: { continuationToken?: string }): AsyncIterableIterator<TRaw[]>;
}

export type TokenReader = (page: unknown) => string | undefined;

/** Modular SDK pages expose `continuationToken` directly. */
export const modularToken: TokenReader = (page) => {
  const token = (page as { continuationToken?: unknown }).continuationToken;
  return typeof token === 'string' && token.length > 0 ? token : undefined;
};

/**
 * Gathers pages until `maxItems` is reached (whole pages: the service's page size still applies) or the list
 * ends, and returns the token of the next page. Without maxItems this follows every nextLink to the end.
 */
export async function collectPage<TRaw, T>(
  source: PageSource<TRaw>,
  tokenOf: TokenReader,
  map: (raw: TRaw) => T | undefined,
  options: PageOptions = {},
): Promise<Page<T>> {
  const items: T[] = [];
  const max = options.maxItems ?? Number.POSITIVE_INFINITY;
  let next: string | undefined;
  const pages = source.byPage(options.continuationToken ? { continuationToken: options.continuationToken } : undefined);
  for await (const page of pages) {
    options.signal?.throwIfAborted();
    for (const raw of page) {
      const item = map(raw);
      if (item !== undefined) {
        items.push(item);
      }
    }
    next = tokenOf(page);
    if (!next || items.length >= max) {
      break;
    }
  }
  return next ? { items, continuationToken: next } : { items };
}

/** Every item of every page. */
export async function collectAll<TRaw, T>(
  source: PageSource<TRaw>,
  tokenOf: TokenReader,
  map: (raw: TRaw) => T | undefined,
  signal?: AbortSignal,
): Promise<T[]> {
  return (await collectPage(source, tokenOf, map, { signal })).items;
}

/** One page of a list as this layer keeps it: mapped entries and the service's nextLink. */
export interface ListPage<E> {
  entries: E[];
  next?: string;
}

/**
 * Pages from `continuationToken` on until `maxItems` (whole pages) or the end, one page at a time, yielding to
 * the event loop between pages so a long list never blocks the host.
 */
export async function gatherPages<E>(
  fetch: (token: string | undefined) => Promise<ListPage<E>>,
  options: PageOptions = {},
): Promise<ListPage<E>> {
  const entries: E[] = [];
  const max = options.maxItems ?? Number.POSITIVE_INFINITY;
  let token = options.continuationToken;
  do {
    options.signal?.throwIfAborted();
    const page = await fetch(token);
    for (const e of page.entries) entries.push(e);
    token = page.next;
    if (token) await yieldToEventLoop();
  } while (token && entries.length < max);
  return token ? { entries, next: token } : { entries };
}

/** One page of an SDK pager, from `token`: its raw items and its continuation token. */
export async function onePage<TRaw>(
  source: PageSource<TRaw>,
  tokenOf: TokenReader,
  token?: string,
): Promise<{ raw: TRaw[]; next?: string }> {
  const iterator = source.byPage(token ? { continuationToken: token } : undefined);
  const result = await iterator.next();
  if (result.done) return { raw: [] };
  const next = tokenOf(result.value);
  return next ? { raw: result.value, next } : { raw: result.value };
}
