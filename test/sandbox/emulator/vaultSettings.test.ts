/** The vault routes of the protection lifecycle: vaultconfig (soft delete), Resource Guard mappings, usage, engines, operations, version-shaped vault bodies. */
import * as assert from 'node:assert/strict';
import type { RunningSandbox } from '../../../src/sandbox';
import { armCode, collect, isCode, rawRequest, type SandboxClients, useTestSandbox } from './helpers';

const VAULT = 'contoso-vault';
const RG = 'contoso-backup-rg';
describe('vault settings and the lifecycle reads', () => {
  let c: SandboxClients;
  let sandbox: RunningSandbox;
  useTestSandbox({}, (f) => ({ sandbox, c } = f), { each: true });
  const vaultPath = (): string =>
    `/subscriptions/${sandbox.subscriptionIds()[0]}/resourceGroups/${RG}/providers/Microsoft.RecoveryServices/vaults/${VAULT}`;

  it('reads and changes soft delete through backupconfig/vaultconfig, and the vault shows the same', async () => {
    const before = await c.backup.backupResourceVaultConfigs.get(VAULT, RG);
    assert.equal(before.name, 'vaultconfig');
    assert.equal(before.properties?.softDeleteFeatureState, 'Enabled');
    assert.equal(before.properties?.softDeleteRetentionPeriodInDays, 14);
    assert.equal(before.properties?.storageTypeState, 'Locked');
    const patched = await c.backup.backupResourceVaultConfigs.update(VAULT, RG, {
      properties: { softDeleteFeatureState: 'Disabled' },
    });
    assert.equal(patched.properties?.softDeleteFeatureState, 'Disabled');
    const put = await c.backup.backupResourceVaultConfigs.put(VAULT, RG, {
      properties: { softDeleteFeatureState: 'Enabled', softDeleteRetentionPeriodInDays: 30 },
    });
    assert.equal(put.properties?.softDeleteRetentionPeriodInDays, 30);
    const vault = await c.vaults.vaults.get(RG, VAULT);
    assert.equal(vault.properties?.securitySettings?.softDeleteSettings?.softDeleteState, 'Enabled');
    assert.equal(vault.properties?.securitySettings?.softDeleteSettings?.softDeleteRetentionPeriodInDays, 30);
  });

  it('refuses a retention outside 14–180 days and leaving always-on, changing nothing', async () => {
    await assert.rejects(
      c.backup.backupResourceVaultConfigs.update(VAULT, RG, { properties: { softDeleteRetentionPeriodInDays: 7 } }),
      isCode('BMSUserErrorInvalidInput', 400),
    );
    await assert.rejects(
      c.backup.backupResourceVaultConfigs.update(VAULT, RG, {
        properties: { softDeleteFeatureState: 'Sometimes' as never },
      }),
      isCode('BMSUserErrorInvalidInput', 400),
    );
    // The CLI spells AlwaysOn; the service's enum AlwaysON.
    const on = await c.backup.backupResourceVaultConfigs.update(VAULT, RG, {
      properties: { softDeleteFeatureState: 'AlwaysOn' as never },
    });
    assert.equal(on.properties?.softDeleteFeatureState, 'AlwaysON');
    assert.equal(on.properties?.isSoftDeleteFeatureStateEditable, false);
    await assert.rejects(
      c.backup.backupResourceVaultConfigs.update(VAULT, RG, { properties: { softDeleteFeatureState: 'Disabled' } }),
      isCode('BMSUserErrorSoftDeleteAlwaysOn', 400),
    );
    assert.equal(
      (await c.backup.backupResourceVaultConfigs.get(VAULT, RG)).properties?.softDeleteFeatureState,
      'AlwaysON',
    );
  });

  it('lists no Resource Guard mappings (200, empty) and answers 404 for a named one', async () => {
    assert.deepEqual(await collect(c.backup.resourceGuardProxies.list(VAULT, RG)), []);
    await assert.rejects(c.backup.resourceGuardProxy.get(VAULT, RG, 'VaultProxy'), isCode('ResourceNotFound', 404));
  });

  it('counts protected VMs in the usage summary; lists no backup engines; lists the provider operations', async () => {
    const usage = await collect(
      c.backup.backupUsageSummaries.list(VAULT, RG, { filter: "type eq 'BackupProtectedItemCountSummary'" }),
    );
    assert.equal(usage.length, 1);
    assert.equal(usage[0].name?.value, 'AzureIaasVM');
    assert.equal(usage[0].currentValue, 1);
    assert.deepEqual(await collect(c.backup.backupEngines.list(VAULT, RG)), []);
    const operations = await collect(c.backup.operations.list());
    assert.ok(operations.some((o) => o.name === 'Microsoft.RecoveryServices/Vaults/backupconfig/write'));
  });

  it('answers a vault in the shape of the requested api-version', async () => {
    const old = await rawRequest(sandbox, 'GET', `${vaultPath()}?api-version=2022-10-01`, {
      headers: { authorization: 'Bearer t' },
    });
    const oldSettings = (
      old.json as { properties: { securitySettings: { softDeleteSettings: Record<string, unknown> } } }
    ).properties.securitySettings.softDeleteSettings;
    assert.equal(oldSettings.softDeleteState, 'Enabled');
    assert.equal('enhancedSecurityState' in oldSettings, false);
    const current = await rawRequest(sandbox, 'GET', `${vaultPath()}?api-version=2026-07-01`, {
      headers: { authorization: 'Bearer t' },
    });
    assert.equal(
      (current.json as { properties: { securitySettings: { softDeleteSettings: Record<string, unknown> } } }).properties
        .securitySettings.softDeleteSettings.enhancedSecurityState,
      'Enabled',
    );
    assert.equal(armCode(current.json), undefined);
  });
});
