/** The article's workflow end to end through the real SDK clients. */
import * as assert from 'node:assert/strict';
import type {
  AzureIaaSVMJob,
  AzureIaaSVMProtectedItem,
  OperationStatusJobExtendedInfo,
} from '@azure/arm-recoveryservicesbackup';
import { RestError } from '@azure/core-rest-pipeline';
import type { RunningSandbox } from '../../../src/sandbox';
import {
  collect,
  containerOf,
  headerCapture,
  itemOf,
  operationIdOf,
  putVmItem,
  type SandboxClients,
  triggerBackup,
  useTestSandbox,
  vmIdOf,
} from './helpers';

const RG = 'article-rg';
const VAULT = 'article-vault';
const VM_RG = 'contoso-web-rg';
const VM = 'web-vm-02';
const WEB_VM_02 = { vault: VAULT, rg: RG, vmRg: VM_RG, vm: VM };
const VM_ID = vmIdOf(VM_RG, VM);

describe('article workflow: vault → redundancy → discover → enable → backup now → stop → delete', () => {
  let sandbox: RunningSandbox;
  let c: SandboxClients;
  useTestSandbox({}, (f) => ({ sandbox, c } = f));

  async function followOperation(opId: string): Promise<string> {
    for (let i = 0; i < 20; i++) {
      const status = await c.backup.backupOperationStatuses.get(VAULT, RG, opId);
      if (status.status !== 'InProgress') {
        assert.equal(status.status, 'Succeeded', JSON.stringify(status.error));
        const info = status.properties as OperationStatusJobExtendedInfo;
        assert.equal(info.objectType, 'OperationStatusJobExtendedInfo');
        assert.ok(info.jobId);
        return info.jobId;
      }
      sandbox.clock.advance(1_000);
    }
    throw new Error('operation never finished');
  }

  async function job(jobId: string): Promise<AzureIaaSVMJob> {
    return (await c.backup.jobDetails.get(VAULT, RG, jobId)).properties as AzureIaaSVMJob;
  }

  it('creates the resource group and the vault, with built-in policies', async () => {
    await c.resources.resourceGroups.createOrUpdate(RG, { location: 'westeurope' });
    const check = await c.vaults.recoveryServices.checkNameAvailability(RG, 'westeurope', {
      type: 'Microsoft.RecoveryServices/Vaults',
      name: VAULT,
    });
    assert.equal(check.nameAvailable, true);
    const vault = await c.vaults.vaults.createOrUpdate(
      RG,
      VAULT,
      { location: 'westeurope', sku: { name: 'Standard' }, properties: {} },
      { updateIntervalInMs: 10 },
    );
    assert.equal(vault.name, VAULT);
    assert.equal(vault.properties?.provisioningState, 'Succeeded');
    assert.equal(vault.properties?.redundancySettings?.standardTierStorageRedundancy, 'GeoRedundant');
    const taken = await c.vaults.recoveryServices.checkNameAvailability(RG, 'westeurope', {
      type: 'Microsoft.RecoveryServices/Vaults',
      name: VAULT.toUpperCase(),
    });
    assert.equal(taken.nameAvailable, false);
    assert.equal(taken.reason, 'AlreadyExists');
    const policy = await c.backup.protectionPolicies.get(VAULT, RG, 'DefaultPolicy');
    assert.equal(policy.properties?.backupManagementType, 'AzureIaasVM');
  });

  it('sets storage replication to LRS, visible in both the storage config and the vault', async () => {
    const before = await c.backup.backupResourceStorageConfigsNonCRR.get(VAULT, RG);
    assert.equal(before.properties?.storageModelType, 'GeoRedundant');
    assert.equal(before.properties?.storageTypeState, 'Unlocked');
    await c.backup.backupResourceStorageConfigsNonCRR.patch(VAULT, RG, {
      properties: { storageType: 'LocallyRedundant' },
    });
    const after = await c.backup.backupResourceStorageConfigsNonCRR.get(VAULT, RG);
    assert.equal(after.properties?.storageType, 'LocallyRedundant');
    const vault = await c.vaults.vaults.get(RG, VAULT);
    assert.equal(vault.properties?.redundancySettings?.standardTierStorageRedundancy, 'LocallyRedundant');
  });

  it('discovers VMs with refresh: operationResults 202 then 204, then lists protectable items of the region', async () => {
    assert.deepEqual(
      await collect(
        c.backup.backupProtectableItems.list(VAULT, RG, { filter: "backupManagementType eq 'AzureIaasVM'" }),
      ),
      [],
    );
    const refresh = headerCapture();
    await c.backup.protectionContainers.refresh(VAULT, RG, 'Azure', { onResponse: refresh.onResponse });
    assert.equal(refresh.status(), 202);
    const op = operationIdOf(refresh.header('location'));
    const poll = headerCapture();
    await c.backup.protectionContainerRefreshOperationResults.get(VAULT, RG, 'Azure', op, {
      onResponse: poll.onResponse,
    });
    assert.equal(poll.status(), 202);
    sandbox.clock.advance(5_000);
    await c.backup.protectionContainerRefreshOperationResults.get(VAULT, RG, 'Azure', op, {
      onResponse: poll.onResponse,
    });
    assert.equal(poll.status(), 204);
    const items = await collect(
      c.backup.backupProtectableItems.list(VAULT, RG, { filter: "backupManagementType eq 'AzureIaasVM'" }),
    );
    // West Europe VMs not protected anywhere; web-vm-01 is protected by contoso-vault, North Europe VMs are elsewhere.
    assert.deepEqual(items.map((i) => i.properties?.friendlyName).sort(), [
      'app-linux-01',
      'legacy-linux-02',
      'tl-vm-01',
      'web-vm-02',
    ]);
    assert.equal(
      items.find((i) => i.properties?.friendlyName === VM)?.properties?.protectableItemType,
      'Microsoft.Compute/virtualMachines',
    );
    assert.equal(items.find((i) => i.properties?.friendlyName === VM)?.name, `iaasvmcontainerv2;${VM_RG};${VM}`);
  });

  it('enables protection with DefaultPolicy and follows the async operation to a completed ConfigureBackup job', async () => {
    const policy = await c.backup.protectionPolicies.get(VAULT, RG, 'DefaultPolicy');
    const cap = headerCapture();
    await putVmItem(c.backup, WEB_VM_02, { policyId: policy.id }, cap);
    assert.equal(cap.status(), 202);
    assert.match(cap.header('azure-asyncoperation'), /\/operationsStatus\//);
    assert.match(cap.header('location'), /\/operationResults\//);
    const opId = operationIdOf(cap.header('azure-asyncoperation'));
    const itemStatus = await c.backup.protectedItemOperationStatuses.get(
      VAULT,
      RG,
      'Azure',
      containerOf(VM_RG, VM),
      itemOf(VM_RG, VM),
      opId,
    );
    assert.equal(itemStatus.status, 'InProgress');
    const jobId = await followOperation(opId);
    const configure = await job(jobId);
    assert.equal(configure.operation, 'ConfigureBackup');
    assert.equal(configure.jobType, 'AzureIaaSVMJob');
    sandbox.clock.advance(15_000);
    assert.equal((await job(jobId)).status, 'Completed');
    const item = await c.backup.protectedItems.get(VAULT, RG, 'Azure', containerOf(VM_RG, VM), itemOf(VM_RG, VM));
    assert.equal(item.name, itemOf(VM_RG, VM));
    assert.equal((item.properties as AzureIaaSVMProtectedItem).protectionState, 'IRPending');
    assert.equal(item.properties?.protectedItemType, 'Microsoft.Compute/virtualMachines');
    const storage = await c.backup.backupResourceStorageConfigsNonCRR.get(VAULT, RG);
    assert.equal(storage.properties?.storageTypeState, 'Locked');
    const status = await c.backup.backupStatus.get('westeurope', {
      resourceType: 'VM',
      resourceId: VM_ID.toUpperCase(),
    });
    assert.equal(status.protectionStatus, 'Protected');
    assert.match(status.vaultId ?? '', /\/Vaults\/article-vault$/);
    assert.equal(status.policyName, 'DefaultPolicy');
  });

  it('backs up now with an expiry: job Completed with tasks, item Protected, recovery point carries the expiry', async () => {
    const expiry = new Date(sandbox.clock.now().getTime() + 10 * 86_400e3);
    expiry.setUTCMilliseconds(0);
    const cap = headerCapture();
    await triggerBackup(c.backup, WEB_VM_02, { recoveryPointExpiryTimeInUTC: expiry }, cap);
    assert.equal(cap.status(), 202);
    const jobId = await followOperation(operationIdOf(cap.header('azure-asyncoperation')));
    sandbox.clock.advance(15_000);
    const running = await job(jobId);
    assert.equal(running.operation, 'Backup');
    assert.equal(running.status, 'InProgress');
    const tasks = running.extendedInfo?.tasksList ?? [];
    assert.deepEqual(
      tasks.map((t) => t.taskId),
      ['Take Snapshot', 'Transfer data to vault'],
    );
    assert.equal(tasks[0].status, 'Completed');
    assert.equal(tasks[1].status, 'InProgress');
    assert.ok((running.extendedInfo?.progressPercentage ?? 0) > 0);
    assert.equal(running.extendedInfo?.propertyBag?.['Recovery Point Expiry Time in UTC'], expiry.toISOString());
    sandbox.clock.advance(30_000);
    const done = await job(jobId);
    assert.equal(done.status, 'Completed');
    assert.ok(done.endTime instanceof Date);
    const item = await c.backup.protectedItems.get(VAULT, RG, 'Azure', containerOf(VM_RG, VM), itemOf(VM_RG, VM));
    assert.equal((item.properties as AzureIaaSVMProtectedItem).protectionState, 'Protected');
    assert.equal((item.properties as AzureIaaSVMProtectedItem).lastBackupStatus, 'Completed');
    const points = await collect(
      c.backup.recoveryPoints.list(VAULT, RG, 'Azure', containerOf(VM_RG, VM), itemOf(VM_RG, VM)),
    );
    assert.equal(points.length, 1);
    const rp = points[0].properties as {
      objectType: string;
      recoveryPointType?: string;
      recoveryPointProperties?: { expiryTime?: string };
    };
    assert.equal(rp.objectType, 'IaasVMRecoveryPoint');
    assert.equal(rp.recoveryPointType, 'AppConsistent');
    assert.equal(rp.recoveryPointProperties?.expiryTime, expiry.toISOString());
    const one = await c.backup.recoveryPoints.get(
      VAULT,
      RG,
      'Azure',
      containerOf(VM_RG, VM),
      itemOf(VM_RG, VM),
      points[0].name ?? '',
    );
    assert.equal(one.name, points[0].name);
  });

  it('stops protection retaining data: DisableBackup job, ProtectionStopped, recovery points kept', async () => {
    const cap = headerCapture();
    await putVmItem(c.backup, WEB_VM_02, { policyId: '', protectionState: 'ProtectionStopped' }, cap);
    const jobId = await followOperation(operationIdOf(cap.header('azure-asyncoperation')));
    assert.equal((await job(jobId)).operation, 'DisableBackup');
    const item = await c.backup.protectedItems.get(VAULT, RG, 'Azure', containerOf(VM_RG, VM), itemOf(VM_RG, VM));
    assert.equal((item.properties as AzureIaaSVMProtectedItem).protectionState, 'ProtectionStopped');
    assert.equal(
      (await collect(c.backup.recoveryPoints.list(VAULT, RG, 'Azure', containerOf(VM_RG, VM), itemOf(VM_RG, VM))))
        .length,
      1,
    );
  });

  it('deletes backup data through vault-level operation headers; soft delete keeps the item until its retention ends, then it is gone (404)', async () => {
    const cap = headerCapture();
    await c.backup.protectedItems.delete(VAULT, RG, 'Azure', containerOf(VM_RG, VM), itemOf(VM_RG, VM), {
      onResponse: cap.onResponse,
    });
    assert.equal(cap.status(), 202);
    assert.match(cap.header('azure-asyncoperation'), /\/vaults\/article-vault\/backupOperations\//);
    assert.match(cap.header('location'), /\/vaults\/article-vault\/backupOperationResults\//);
    const opId = operationIdOf(cap.header('azure-asyncoperation'));
    const poll = headerCapture();
    await c.backup.backupOperationResults.get(VAULT, RG, opId, { onResponse: poll.onResponse });
    assert.equal(poll.status(), 202);
    const jobId = await followOperation(opId);
    assert.equal((await job(jobId)).operation, 'DeleteBackupData');
    await c.backup.backupOperationResults.get(VAULT, RG, opId, { onResponse: poll.onResponse });
    assert.equal(poll.status(), 204);
    // A new vault has soft delete on (14 days): the item stays, flagged, and the vault cannot be deleted yet.
    const kept = (await c.backup.protectedItems.get(VAULT, RG, 'Azure', containerOf(VM_RG, VM), itemOf(VM_RG, VM)))
      .properties as AzureIaaSVMProtectedItem;
    assert.equal(kept.isScheduledForDeferredDelete, true);
    await assert.rejects(
      c.vaults.vaults.delete(RG, VAULT, { updateIntervalInMs: 10 }),
      (e: unknown) => e instanceof RestError && e.code === 'ServiceResourceNotEmpty',
    );
    sandbox.clock.advance(14 * 24 * 3600e3);
    await assert.rejects(
      c.backup.protectedItems.get(VAULT, RG, 'Azure', containerOf(VM_RG, VM), itemOf(VM_RG, VM)),
      (e: unknown) =>
        e instanceof RestError && e.statusCode === 404 && e.code === 'BMSUserErrorDataSourceObjectNotFound',
    );
    const jobs = await collect(c.backup.backupJobs.list(VAULT, RG));
    assert.deepEqual(
      jobs.map((j) => j.properties?.operation),
      ['DeleteBackupData', 'DisableBackup', 'Backup', 'ConfigureBackup'],
    );
    // The vault is empty again, so it can be deleted.
    await c.vaults.vaults.delete(RG, VAULT, { updateIntervalInMs: 10 });
    await assert.rejects(
      c.vaults.vaults.get(RG, VAULT),
      (e: unknown) => e instanceof RestError && e.code === 'ResourceNotFound',
    );
  });
});
