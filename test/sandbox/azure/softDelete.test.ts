// The vault's soft-delete setting as the Azure layer reads it: what "Stop protection (delete data)" tells the user
// happens to the deleted recovery points depends on it.
import * as assert from 'node:assert/strict';
import { clientsFor } from '../emulator/helpers';
import { useHarness } from './setup';

describe("Azure layer: a vault's soft-delete setting", () => {
  const h = useHarness();

  const ref = { resourceGroup: 'contoso-backup-rg', name: 'contoso-vault' };

  it('reads soft delete on, with its retention in days, from the vault', async () => {
    const vault = await h.service.getVault({ subscriptionId: h.subscriptionId, ...ref });
    assert.deepEqual(vault.softDelete, { enabled: true, retentionDays: 14 });
  });

  it('reads soft delete off once the vault turns it off', async () => {
    await clientsFor(h.sandbox).vaults.vaults.update(
      ref.resourceGroup,
      ref.name,
      { properties: { securitySettings: { softDeleteSettings: { softDeleteState: 'Disabled' } } } },
      { updateIntervalInMs: 10 },
    );
    const vault = await h.service.getVault({ subscriptionId: h.subscriptionId, ...ref });
    assert.equal(vault.softDelete?.enabled, false);
  });
});
