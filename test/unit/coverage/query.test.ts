import * as assert from 'assert';
import { filterRows, NO_FILTER, sortRows } from '../../../src/coverage/query';
import { row } from './fixtures';

const rows = [
  row('web-02', { protection: 'Protected', vaultName: 'contoso-vault', lastBackupTime: 200 }),
  row('web-01', { protection: 'Protected', vaultName: 'contoso-vault', failing: true, lastBackupTime: 100 }),
  row('sql-01', { location: 'northeurope', resourceGroup: 'data-rg' }),
  row('etl-01', {
    location: 'northeurope',
    protection: 'Protected',
    stale: true,
    subscriptionId: 'sub-b',
    subscriptionName: 'Sub B',
    lastBackupTime: 50,
  }),
];
const names = (r: { name: string }[]) => r.map((x) => x.name);

describe('Coverage: filter, sort, page', () => {
  it('filters by status', () => {
    assert.deepStrictEqual(names(filterRows(rows, { ...NO_FILTER, status: 'unprotected' })), ['sql-01']);
    assert.deepStrictEqual(names(filterRows(rows, { ...NO_FILTER, status: 'failing' })), ['web-01']);
    assert.deepStrictEqual(names(filterRows(rows, { ...NO_FILTER, status: 'stale' })), ['etl-01']);
    assert.strictEqual(filterRows(rows, { ...NO_FILTER, status: 'protected' }).length, 3);
  });

  it('filters by subscription, region and text (name, group, vault, any casing)', () => {
    assert.deepStrictEqual(names(filterRows(rows, { ...NO_FILTER, subscriptionId: 'SUB-B' })), ['etl-01']);
    assert.deepStrictEqual(names(filterRows(rows, { ...NO_FILTER, location: 'northeurope' })), ['sql-01', 'etl-01']);
    assert.deepStrictEqual(names(filterRows(rows, { ...NO_FILTER, text: ' DATA-rg ' })), ['sql-01']);
    assert.deepStrictEqual(names(filterRows(rows, { ...NO_FILTER, text: 'contoso' })), ['web-02', 'web-01']);
  });

  it('sorts by name naturally, by status worst first, by last backup oldest first with none last', () => {
    assert.deepStrictEqual(names(sortRows(rows, { key: 'name', descending: false })), [
      'etl-01',
      'sql-01',
      'web-01',
      'web-02',
    ]);
    assert.deepStrictEqual(names(sortRows(rows, { key: 'status', descending: false })), [
      'web-01',
      'etl-01',
      'sql-01',
      'web-02',
    ]);
    assert.deepStrictEqual(names(sortRows(rows, { key: 'lastBackup', descending: false })), [
      'etl-01',
      'web-01',
      'web-02',
      'sql-01',
    ]);
    assert.deepStrictEqual(names(sortRows(rows, { key: 'name', descending: true })), [
      'web-02',
      'web-01',
      'sql-01',
      'etl-01',
    ]);
  });

  it('does not change the input when sorting', () => {
    const before = names(rows);
    sortRows(rows, { key: 'name', descending: false });
    assert.deepStrictEqual(names(rows), before);
  });

  it('filters and sorts 5,000 VMs within a few milliseconds', () => {
    const big = Array.from({ length: 5000 }, (_, i) =>
      row(`vm-${i}`, { protection: i % 2 ? 'Protected' : 'NotProtected' }),
    );
    const started = performance.now();
    const shown = sortRows(filterRows(big, { ...NO_FILTER, status: 'unprotected', text: 'vm-1' }), {
      key: 'name',
      descending: false,
    });
    assert.ok(shown.length > 0);
    assert.ok(performance.now() - started < 200);
  });
});
