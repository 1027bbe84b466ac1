/** Soft delete: deleted backup data kept for the vault's retention, undelete, purge, and a vault with soft delete off. */
import * as assert from 'node:assert/strict';
import type { AzureIaaSVMJob, AzureIaaSVMProtectedItem } from '@azure/arm-recoveryservicesbackup';
import type { RunningSandbox } from '../../../src/sandbox';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  clientsFor,
  collect,
  containerOf,
  isCode,
  itemOf,
  putVmItem,
  type SandboxClients,
  startTestSandbox,
  triggerBackup,
  useTestSandbox,
  WEB_VM_01,
} from './helpers';

const { vault: VAULT, rg: RG, vmRg: VM_RG, vm: VM } = WEB_VM_01;
const DAY = 24 * 3600e3;
describe('soft delete of backup data', () => {
  let sandbox: RunningSandbox;
  let c: SandboxClients;
  useTestSandbox({}, (f) => ({ sandbox, c } = f), { each: true });

  const item = async (): Promise<AzureIaaSVMProtectedItem> =>
    (await c.backup.protectedItems.get(VAULT, RG, 'Azure', containerOf(VM_RG, VM), itemOf(VM_RG, VM)))
      .properties as AzureIaaSVMProtectedItem;
  const points = async (): Promise<number> =>
    (await collect(c.backup.recoveryPoints.list(VAULT, RG, 'Azure', containerOf(VM_RG, VM), itemOf(VM_RG, VM)))).length;
  const deleteData = async (): Promise<void> => {
    await c.backup.protectedItems.delete(VAULT, RG, 'Azure', containerOf(VM_RG, VM), itemOf(VM_RG, VM));
    sandbox.clock.advance(15_000);
  };
  const lastJob = async (): Promise<AzureIaaSVMJob> =>
    (await collect(c.backup.backupJobs.list(VAULT, RG)))[0].properties as AzureIaaSVMJob;

  it('keeps deleted data for the retention period, flagged, then purges it', async () => {
    const before = await points();
    assert.ok(before > 0);
    await deleteData();
    const kept = await item();
    assert.equal(kept.isScheduledForDeferredDelete, true);
    assert.equal(kept.protectionState, 'ProtectionStopped');
    assert.equal(kept.softDeleteRetentionPeriodInDays, 14);
    assert.match(kept.deferredDeleteTimeRemaining ?? '', /^13\.23:59:\d\d$/);
    assert.equal(await points(), before);
    // The item is listed as well, as the portal shows soft-deleted items.
    const listed = await collect(c.backup.backupProtectedItems.list(VAULT, RG));
    assert.equal(
      (listed.find((i) => i.name === itemOf(VM_RG, VM))?.properties as AzureIaaSVMProtectedItem)
        .isScheduledForDeferredDelete,
      true,
    );
    // Neither backup now nor another delete nor a resume act on it.
    await assert.rejects(triggerBackup(c.backup, WEB_VM_01), isCode('BMSUserErrorProtectionStopped'));
    await assert.rejects(
      c.backup.protectedItems.delete(VAULT, RG, 'Azure', containerOf(VM_RG, VM), itemOf(VM_RG, VM)),
      isCode('BMSUserErrorItemAlreadySoftDeleted'),
    );
    await assert.rejects(
      putVmItem(c.backup, WEB_VM_01, {
        policyId: `/subscriptions/x/backupPolicies/DefaultPolicy`,
      }),
      isCode('BMSUserErrorSoftDeletedItem'),
    );
    sandbox.clock.advance(14 * DAY);
    await assert.rejects(item(), isCode('BMSUserErrorDataSourceObjectNotFound'));
  });

  it('undeletes: an Undelete job, then protection stopped with data retained, which resumes', async () => {
    await deleteData();
    await putVmItem(c.backup, WEB_VM_01, {
      protectionState: 'ProtectionStopped',
      isRehydrate: true,
    });
    sandbox.clock.advance(12_000);
    assert.equal((await lastJob()).operation, 'Undelete');
    const back = await item();
    assert.equal(back.isScheduledForDeferredDelete, undefined);
    assert.equal(back.protectionState, 'ProtectionStopped');
    await putVmItem(c.backup, WEB_VM_01, {
      policyId: `/subscriptions/x/resourceGroups/${RG}/providers/Microsoft.RecoveryServices/vaults/${VAULT}/backupPolicies/DefaultPolicy`,
    });
    sandbox.clock.advance(20_000);
    assert.equal((await item()).protectionState, 'Protected');
    // Nothing is left scheduled for purge: a month later the item is still there.
    sandbox.clock.advance(30 * DAY);
    assert.equal((await item()).protectionState, 'Protected');
  });

  it('deletes at once in a vault with soft delete off', async () => {
    await c.backup.backupResourceVaultConfigs.update(VAULT, RG, { properties: { softDeleteFeatureState: 'Disabled' } });
    await deleteData();
    await assert.rejects(item(), isCode('BMSUserErrorDataSourceObjectNotFound'));
  });

  it('keeps soft-deleted data for the vault retention across a restart, and purges it on time', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-softdelete-'));
    const dataFile = path.join(dir, 'state.json');
    let own = await startTestSandbox({ dataFile });
    try {
      c = clientsFor(own);
      sandbox = own;
      await c.backup.backupResourceVaultConfigs.update(VAULT, RG, {
        properties: { softDeleteRetentionPeriodInDays: 20 },
      });
      await deleteData();
      assert.equal((await item()).softDeleteRetentionPeriodInDays, 20);
      own.clock.advance(19 * DAY);
      await own.stop();
      own = await startTestSandbox({ dataFile });
      c = clientsFor(own);
      sandbox = own;
      assert.equal((await item()).isScheduledForDeferredDelete, true);
      own.clock.advance(1 * DAY);
      await assert.rejects(item(), isCode('BMSUserErrorDataSourceObjectNotFound'));
    } finally {
      await own.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
