import * as assert from 'assert';
import { NO_FILTER } from '../../../src/coverage/query';
import { CoverageRowStore } from '../../../src/coverage/rowStore';
import type { CoverageSort } from '../../../src/coverage/types';
import { row } from './fixtures';

const byName: CoverageSort = { key: 'name', descending: false };
const names = (rows: { name: string }[]): string[] => rows.map((r) => r.name);

function storeOf(count: number): CoverageRowStore {
  const store = new CoverageRowStore();
  store.replace(
    Array.from({ length: count }, (_, i) =>
      row(`vm-${String(i).padStart(5, '0')}`, i % 2 ? { protection: 'Protected', vaultName: 'v1' } : {}),
    ),
  );
  return store;
}

describe('Coverage: the rows held in the host', () => {
  it('answers a window of the filtered, sorted view with its total', () => {
    const store = storeOf(1000);
    const w = store.window({ ...NO_FILTER, status: 'unprotected' }, { key: 'name', descending: true }, 10, 3);
    assert.deepStrictEqual([w.total, w.offset, names(w.rows)], [500, 10, ['vm-00978', 'vm-00976', 'vm-00974']]);
  });

  it('clamps a window past the end to the last rows', () => {
    const w = storeOf(50).window(NO_FILTER, byName, 1_000_000, 20);
    assert.deepStrictEqual([w.offset, w.rows.length, w.rows[19].name], [30, 20, 'vm-00049']);
    assert.deepStrictEqual(storeOf(0).window(NO_FILTER, byName, 5, 20), { version: 1, offset: 0, total: 0, rows: [] });
  });

  it('moves the version on with new data, and the view follows the new rows', () => {
    const store = storeOf(10);
    const before = store.window(NO_FILTER, byName, 0, 5);
    store.replace([row('only')]);
    const after = store.window(NO_FILTER, byName, 0, 5);
    assert.deepStrictEqual([before.version, after.version, names(after.rows)], [1, 2, ['only']]);
  });

  it('selects every unprotected VM of the filter, not only those drawn', () => {
    const store = storeOf(1000);
    const all = store.unprotected({ ...NO_FILTER, status: 'all' });
    const some = store.unprotected({ ...NO_FILTER, text: 'vm-009' });
    assert.strictEqual(all.length, 500);
    assert.ok(all.every((r) => r.protection === 'NotProtected'));
    assert.deepStrictEqual(some.length, 50);
    assert.deepStrictEqual(store.unprotected({ ...NO_FILTER, status: 'protected' }), []);
  });

  it('looks up rows by id whatever their case, leaving unknown ids out', () => {
    const store = storeOf(4);
    const id = store.all[2].vmId;
    assert.deepStrictEqual(names(store.lookup([id.toUpperCase(), '/subscriptions/x/gone'])), ['vm-00002']);
  });

  it('filters and windows 50,000 VMs again in well under the sort time once sorted', () => {
    const store = storeOf(50_000);
    store.window(NO_FILTER, { key: 'status', descending: false }, 0, 100);
    const started = performance.now();
    const w = store.window({ ...NO_FILTER, text: 'vm-4' }, { key: 'status', descending: false }, 0, 100);
    const took = performance.now() - started;
    assert.strictEqual(w.total, 10_000);
    assert.ok(took < 1000, `${took} ms`);
  });
});
