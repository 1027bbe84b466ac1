import * as assert from 'assert';
import {
  enhancedReasons,
  groupForProtection,
  groupRequests,
  suggestedVaultName,
} from '../../../src/coverage/regionPlan';
import type { VaultChoice } from '../../../src/coverage/types';
import { row } from './fixtures';

const vault = (name: string, location: string, subscriptionId = 'sub-a'): VaultChoice => ({
  id: `/subscriptions/${subscriptionId}/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/${name}`,
  name,
  resourceGroup: 'rg',
  subscriptionId,
  location,
  policies: [{ name: 'DefaultPolicy', summary: 'Daily' }],
});

describe('Coverage: planning bulk protection per region', () => {
  it("groups unprotected VMs by subscription and region and offers only that region's vaults", () => {
    const groups = groupForProtection(
      [
        row('web-01'),
        row('web-02'),
        row('sql-01', { location: 'northeurope', resourceGroup: 'data-rg' }),
        row('done', { protection: 'Protected' }),
        row('other', { subscriptionId: 'sub-b', subscriptionName: 'Sub B' }),
      ],
      [vault('weu-vault', 'westeurope'), vault('b-vault', 'westeurope', 'sub-b')],
    );
    assert.deepStrictEqual(
      groups.map((g) => [
        g.subscriptionName,
        g.location,
        g.vms.map((v) => v.name).join('+'),
        g.vaults.map((v) => v.name).join('+'),
      ]),
      [
        ['Sub A', 'northeurope', 'sql-01', ''],
        ['Sub A', 'westeurope', 'web-01+web-02', 'weu-vault'],
        ['Sub B', 'westeurope', 'other', 'b-vault'],
      ],
    );
    assert.strictEqual(groups[0].suggestedVaultName, 'northeurope-backup-vault');
    assert.strictEqual(groups[0].suggestedResourceGroup, 'data-rg');
  });

  it('suggests a free vault name', () => {
    assert.strictEqual(suggestedVaultName('westeurope', []), 'westeurope-backup-vault');
    assert.strictEqual(
      suggestedVaultName('westeurope', ['WestEurope-Backup-Vault', 'westeurope-backup-vault-2']),
      'westeurope-backup-vault-3',
    );
  });

  describe('VMs only an Enhanced policy protects', () => {
    const selection = [
      row('web-01'),
      row('tl-01', { enhancedReason: 'TrustedLaunch' }),
      row('ultra-01', { enhancedReason: 'UltraDisk' }),
      row('tl-02', { enhancedReason: 'TrustedLaunch' }),
    ];
    const withEnhanced: VaultChoice = {
      ...vault('weu-vault', 'westeurope'),
      policies: [
        { name: 'DefaultPolicy', summary: 'Daily' },
        { name: 'EnhancedPolicy', summary: 'Every 4 hours', enhanced: true },
        { name: 'Hourly', summary: 'Every hour', enhanced: true },
      ],
    };
    const ids = (names: string) => names.split('+').map((n) => row(n).vmId);

    it('are kept apart in their region group, with their reasons once each', () => {
      const [group] = groupForProtection(selection, [withEnhanced]);
      assert.deepStrictEqual(
        [group.vms.length, group.enhancedOnly.map((v) => v.name)],
        [4, ['tl-01', 'ultra-01', 'tl-02']],
      );
      assert.deepStrictEqual(enhancedReasons(group), ['TrustedLaunch', 'UltraDisk']);
    });

    it('get only an Enhanced policy, the chosen one or the first; the others the policy chosen for them', () => {
      const [group] = groupForProtection(selection, [withEnhanced]);
      const sent = (policy?: string, enhanced?: string) =>
        groupRequests(group, withEnhanced, policy, enhanced).requests.map((r) => [r.policyName, r.vmIds]);
      assert.deepStrictEqual(sent(), [
        ['DefaultPolicy', ids('web-01')],
        ['EnhancedPolicy', ids('tl-01+ultra-01+tl-02')],
      ]);
      assert.deepStrictEqual(sent('DefaultPolicy', 'Hourly'), [
        ['DefaultPolicy', ids('web-01')],
        ['Hourly', ids('tl-01+ultra-01+tl-02')],
      ]);
      // A Standard name asked for them is not one of their choices: the first Enhanced policy instead.
      assert.deepStrictEqual(sent('DefaultPolicy', 'DefaultPolicy')[1], [
        'EnhancedPolicy',
        ids('tl-01+ultra-01+tl-02'),
      ]);
      // One policy for all: one request.
      assert.deepStrictEqual(sent('Hourly', 'Hourly'), [['Hourly', ids('web-01+tl-01+ultra-01+tl-02')]]);
    });

    it('are left out, never sent a Standard policy, by a vault without an Enhanced policy', () => {
      const [group] = groupForProtection(selection, [vault('weu-vault', 'westeurope')]);
      const planned = groupRequests(group, group.vaults[0], 'DefaultPolicy', 'DefaultPolicy');
      assert.deepStrictEqual(
        planned.requests.map((r) => [r.policyName, r.vmIds]),
        [['DefaultPolicy', ids('web-01')]],
      );
      assert.deepStrictEqual(
        planned.leftOut.map((v) => v.name),
        ['tl-01', 'ultra-01', 'tl-02'],
      );
    });
  });
});
