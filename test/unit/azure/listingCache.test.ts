// The listing cache shares one fetch among its readers: a reader who gives up stops waiting without failing the
// others, and the fetch itself is aborted only when no reader is left waiting (a cancelled tree load must not
// leave its request hanging, nor cancel the same list for another view).
import * as assert from 'node:assert/strict';
import { createListingCache, itemsKey } from '../../../src/azure/transport/listingCache';

const KEY = itemsKey({ subscriptionId: 's1', resourceGroup: 'rg', name: 'v1' });

/** A fetch that stays pending until settled by hand, recording the signal it was given. */
function manualFetch(): {
  fetch: (signal?: AbortSignal) => Promise<string>;
  calls: AbortSignal[];
  resolve(value: string): void;
} {
  const calls: AbortSignal[] = [];
  let resolve: (value: string) => void = () => undefined;
  return {
    calls,
    resolve: (value) => resolve(value),
    fetch: (signal) => {
      calls.push(signal as AbortSignal);
      return new Promise<string>((res, rej) => {
        resolve = res;
        signal?.addEventListener('abort', () => rej(signal.reason), { once: true });
      });
    },
  };
}

describe('listing cache: shared fetches and cancellation', () => {
  it('one reader giving up leaves the fetch running for the other', async () => {
    const cache = createListingCache();
    const f = manualFetch();
    const a = new AbortController();
    const first = cache.page(KEY, undefined, f.fetch, a.signal);
    const second = cache.page(KEY, undefined, f.fetch, new AbortController().signal);
    a.abort();
    await assert.rejects(first);
    assert.equal(f.calls[0].aborted, false);
    f.resolve('page');
    assert.equal(await second, 'page');
    assert.equal(f.calls.length, 1, 'one fetch for both');
  });

  it('the last reader giving up aborts the fetch, and the next read fetches anew', async () => {
    const cache = createListingCache();
    const f = manualFetch();
    const readers = [new AbortController(), new AbortController()];
    const reads = readers.map((r) => cache.page(KEY, undefined, f.fetch, r.signal));
    for (const r of readers) r.abort();
    await Promise.all(reads.map((p) => assert.rejects(p)));
    assert.equal(f.calls[0].aborted, true, 'the shared request is aborted');
    const again = cache.page(KEY, undefined, f.fetch);
    f.resolve('fresh');
    assert.equal(await again, 'fresh');
    assert.equal(f.calls.length, 2);
  });

  it('a reader without a signal keeps the fetch alive', async () => {
    const cache = createListingCache();
    const f = manualFetch();
    const unbounded = cache.page(KEY, undefined, f.fetch);
    const a = new AbortController();
    const bounded = cache.page(KEY, undefined, f.fetch, a.signal);
    a.abort();
    await assert.rejects(bounded);
    assert.equal(f.calls[0].aborted, false);
    f.resolve('page');
    assert.equal(await unbounded, 'page');
  });

  it('a derived value follows the same rule', async () => {
    const cache = createListingCache();
    const f = manualFetch();
    const a = new AbortController();
    const index = cache.derived('s1', 'protection', f.fetch, a.signal);
    a.abort();
    await assert.rejects(index);
    assert.equal(f.calls[0].aborted, true);
  });
});
