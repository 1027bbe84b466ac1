// A VM whose protection was stopped (data retained) is not protected on the coverage page: not in the totals,
// not under the "Protected" filter, not "Healthy", and the exports say so.
import * as assert from 'node:assert/strict';
import { joinVmsWithItems } from '../../../src/azure/convert/join';
import { toCsv, toJson } from '../../../src/coverage/export';
import { matchesStatus } from '../../../src/coverage/query';
import { toCoverageRow } from '../../../src/coverage/status';
import { coverageTotals } from '../../../src/coverage/totals';
import type { ExportColumn } from '../../../src/coverage/export';
import { DAY, item, NOW, vm } from './fixtures';

function rows() {
  const web = vm('web');
  const legacy = vm('legacy');
  const vms = joinVmsWithItems(
    [web, legacy],
    [
      {
        items: [
          { ...item({ sourceResourceId: web.id, friendlyName: 'web' }) },
          // Stopped three weeks ago: its last backup is old, its health still reads Passed on the service.
          {
            ...item({
              sourceResourceId: legacy.id,
              friendlyName: 'legacy',
              protectionState: 'ProtectionStopped',
              policyName: undefined,
              lastBackupTime: new Date(NOW - 21 * DAY),
              lastRecoveryPoint: new Date(NOW - 21 * DAY),
            }),
          },
        ],
      },
    ],
  );
  return vms.map((v) => toCoverageRow(v, 'Sub A', () => 'Daily', NOW));
}

describe('Coverage: protection stopped', () => {
  it('gives the stopped VM its own state, with its vault and last backup but no health, failing or stale', () => {
    const legacy = rows()[1];
    assert.equal(legacy.protection, 'ProtectionStopped');
    assert.equal(legacy.vaultName, 'v1');
    assert.equal(legacy.lastBackupTime, NOW - 21 * DAY);
    assert.equal(legacy.health, undefined);
    assert.equal(legacy.stale, false);
    assert.equal(legacy.failing, false);
  });

  it('does not count it as protected, nor list it under the Protected filter', () => {
    const all = rows();
    const totals = coverageTotals(all).all;
    assert.equal(totals.total, 2);
    assert.equal(totals.protected, 1);
    assert.equal((totals as unknown as Record<string, number>).stopped, 1);
    assert.deepEqual(
      all.filter((r) => matchesStatus(r, 'protected')).map((r) => r.name),
      ['web'],
    );
    assert.deepEqual(
      all.filter((r) => matchesStatus(r, 'stopped' as never)).map((r) => r.name),
      ['legacy'],
    );
  });

  it('exports ProtectionStopped, not Protected, in CSV and JSON', () => {
    const all = rows();
    const headers = Object.fromEntries(['protection'].map((k) => [k, k])) as Record<ExportColumn, string>;
    const csv = toCsv(all, new Proxy(headers, { get: (_, k) => String(k) }));
    const legacyLine = csv.split('\r\n').find((l) => l.includes(',legacy,'));
    assert.ok(legacyLine, csv);
    assert.match(legacyLine, /,ProtectionStopped,/);
    assert.doesNotMatch(legacyLine, /,Protected,/);
    const json = JSON.parse(toJson(all, new Date(NOW))) as {
      virtualMachines: { name: string; protection: string; health: string }[];
    };
    assert.deepEqual(
      json.virtualMachines.map((v) => [v.name, v.protection, v.health]),
      [
        ['web', 'Protected', 'Passed'],
        ['legacy', 'ProtectionStopped', ''],
      ],
    );
  });
});
