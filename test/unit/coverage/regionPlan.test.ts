import * as assert from 'assert';
import { groupForProtection, suggestedVaultName } from '../../../src/coverage/regionPlan';
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
});
