/** Vaults (modular SDK LROs) and the backup storage config, kept in sync. */
import * as assert from 'node:assert/strict';
import type { RunningSandbox } from '../../../src/sandbox';
import { collect, isCode, type SandboxClients, useTestSandbox } from './helpers';

describe('vaults and storage redundancy', () => {
  let sandbox: RunningSandbox;
  let c: SandboxClients;
  useTestSandbox({ speed: 50 }, (f) => ({ sandbox, c } = f));

  it('lists vaults by subscription and resource group, gets one case-insensitively', async () => {
    assert.deepEqual(
      (await collect(c.vaults.vaults.listByResourceGroup('contoso-backup-rg'))).map((v) => v.name),
      ['contoso-vault'],
    );
    assert.deepEqual(await collect(c.vaults.vaults.listByResourceGroup('contoso-web-rg')), []);
    const v = await c.vaults.vaults.get('CONTOSO-BACKUP-RG', 'Contoso-Vault');
    assert.equal(v.name, 'contoso-vault');
    assert.equal(v.location, 'westeurope');
    await assert.rejects(c.vaults.vaults.get('contoso-backup-rg', 'nope'), isCode('ResourceNotFound', 404));
    await assert.rejects(c.vaults.vaults.get('nope-rg', 'nope'), isCode('ResourceGroupNotFound', 404));
  });

  it('rejects invalid vault names with InvalidParameter and reports them unavailable', async () => {
    for (const name of ['a', '1vault', 'vault-', 'va_ult', 'x'.repeat(51)]) {
      await assert.rejects(
        c.vaults.vaults.createOrUpdate(
          'contoso-backup-rg',
          name,
          { location: 'westeurope', sku: { name: 'Standard' } },
          { updateIntervalInMs: 10 },
        ),
        isCode('InvalidParameter', 400),
        name,
      );
    }
    const r = await c.vaults.recoveryServices.checkNameAvailability('contoso-backup-rg', 'westeurope', {
      type: 'Microsoft.RecoveryServices/Vaults',
      name: 'vault-',
    });
    assert.equal(r.nameAvailable, false);
    assert.equal(r.reason, 'Invalid');
  });

  it('updates a vault with PATCH (202 → operationStatus → final GET on operationResults) and syncs the storage config', async () => {
    await c.vaults.vaults.createOrUpdate(
      'contoso-web-rg',
      'patch-vault',
      { location: 'westeurope', sku: { name: 'Standard' } },
      { updateIntervalInMs: 10 },
    );
    const updated = await c.vaults.vaults.update(
      'contoso-web-rg',
      'patch-vault',
      {
        tags: { env: 'test' },
        properties: {
          redundancySettings: { standardTierStorageRedundancy: 'ZoneRedundant', crossRegionRestore: 'Disabled' },
        },
      },
      { updateIntervalInMs: 10 },
    );
    assert.equal(updated.properties?.redundancySettings?.standardTierStorageRedundancy, 'ZoneRedundant');
    assert.deepEqual(updated.tags, { env: 'test' });
    const cfg = await c.backup.backupResourceStorageConfigsNonCRR.get('patch-vault', 'contoso-web-rg');
    assert.equal(cfg.properties?.storageType, 'ZoneRedundant');
    assert.equal(
      sandbox.requestLog
        .entries()
        .some((e) => e.method === 'GET' && /\/operationResults\//i.test(e.path) && e.status === 200),
      true,
    );
  });

  it('enables cross-region restore only with GeoRedundant storage (PUT storage config), mirrored on the vault', async () => {
    await assert.rejects(
      c.backup.backupResourceStorageConfigsNonCRR.update('patch-vault', 'contoso-web-rg', {
        properties: { crossRegionRestoreFlag: true },
      }),
      isCode('BMSUserErrorInvalidInput', 400),
    );
    const cfg = await c.backup.backupResourceStorageConfigsNonCRR.update('patch-vault', 'contoso-web-rg', {
      properties: { storageModelType: 'GeoRedundant', crossRegionRestoreFlag: true },
    });
    assert.equal(cfg.properties?.storageModelType, 'GeoRedundant');
    assert.equal(cfg.properties?.crossRegionRestoreFlag, true);
    const v = await c.vaults.vaults.get('contoso-web-rg', 'patch-vault');
    assert.equal(v.properties?.redundancySettings?.crossRegionRestore, 'Enabled');
  });

  it('locks redundancy once items are protected: StorageModelModifyError from both APIs, no-op writes still fine', async () => {
    const cfg = await c.backup.backupResourceStorageConfigsNonCRR.get('contoso-vault', 'contoso-backup-rg');
    assert.equal(cfg.properties?.storageTypeState, 'Locked');
    await assert.rejects(
      c.backup.backupResourceStorageConfigsNonCRR.patch('contoso-vault', 'contoso-backup-rg', {
        properties: { storageType: 'LocallyRedundant' },
      }),
      isCode('StorageModelModifyError', 400),
    );
    await assert.rejects(
      c.vaults.vaults.update(
        'contoso-backup-rg',
        'contoso-vault',
        { properties: { redundancySettings: { standardTierStorageRedundancy: 'LocallyRedundant' } } },
        { updateIntervalInMs: 10 },
      ),
      isCode('StorageModelModifyError', 400),
    );
    await c.backup.backupResourceStorageConfigsNonCRR.patch('contoso-vault', 'contoso-backup-rg', {
      properties: { storageType: 'GeoRedundant' },
    });
  });

  it('refuses to delete a vault that still protects items; deletes an empty one', async () => {
    await assert.rejects(
      c.vaults.vaults.delete('contoso-backup-rg', 'contoso-vault', { updateIntervalInMs: 10 }),
      isCode('ServiceResourceNotEmpty', 400),
    );
    await c.vaults.vaults.delete('contoso-web-rg', 'patch-vault', { updateIntervalInMs: 10 });
    assert.deepEqual(await collect(c.vaults.vaults.listByResourceGroup('contoso-web-rg')), []);
  });
});
