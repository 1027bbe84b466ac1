import * as assert from 'assert';
import { coverageTotals } from '../../../src/coverage/totals';
import { row } from './fixtures';

describe('Coverage: totals', () => {
  it('counts per subscription and per region', () => {
    const rows = [
      row('a', { protection: 'Protected' }),
      row('b'),
      row('c', { location: 'northeurope' }),
      row('d', {
        protection: 'Protected',
        failing: true,
        stale: true,
        subscriptionId: 'sub-b',
        subscriptionName: 'Sub B',
      }),
      row('e', { protection: 'Unknown', location: 'northeurope' }),
    ];
    const t = coverageTotals(rows);
    assert.deepStrictEqual(t.all, {
      total: 5,
      protected: 2,
      unprotected: 2,
      stopped: 0,
      unknown: 1,
      failing: 1,
      stale: 1,
    });
    assert.deepStrictEqual(
      t.bySubscription.map((s) => [s.name, s.total, s.protected]),
      [
        ['Sub A', 4, 1],
        ['Sub B', 1, 1],
      ],
    );
    assert.deepStrictEqual(
      t.byRegion.map((r) => [r.location, r.total, r.unprotected, r.unknown]),
      [
        ['northeurope', 2, 1, 1],
        ['westeurope', 3, 1, 0],
      ],
    );
  });

  it('stays fast at 5,000 VMs', () => {
    const rows = Array.from({ length: 5000 }, (_, i) =>
      row(`vm-${i}`, {
        protection: i % 3 ? 'Protected' : 'NotProtected',
        location: ['westeurope', 'northeurope', 'eastus'][i % 3],
      }),
    );
    const started = performance.now();
    const t = coverageTotals(rows);
    assert.strictEqual(t.all.total, 5000);
    assert.ok(performance.now() - started < 100);
  });
});
