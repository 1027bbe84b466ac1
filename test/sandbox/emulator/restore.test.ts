/** Restore (a new VM, restored disks, replaced disks), file recovery and the resources a restore needs, through the real SDK clients. */
import * as assert from 'node:assert/strict';
import { NetworkManagementClient } from '@azure/arm-network';
import type {
  AzureIaaSVMJob,
  AzureIaaSVMProtectedItem,
  IaasVMRecoveryPoint,
  OperationStatusProvisionILRExtendedInfo,
  RestoreRequestResource,
} from '@azure/arm-recoveryservicesbackup';
import { StorageManagementClient } from '@azure/arm-storage';
import { STORY_SUBSCRIPTION_ID, type RunningSandbox } from '../../../src/sandbox';
import {
  collect,
  containerOf,
  isCode,
  itemOf,
  operationIdOf,
  rawRequest,
  type SandboxClients,
  sandboxCredential,
  useTestSandbox,
  WEB_VM_01,
} from './helpers';

const { vault: VAULT, rg: RG, vmRg: VM_RG, vm: VM } = WEB_VM_01;
const SUB = `/subscriptions/${STORY_SUBSCRIPTION_ID}`;
const VM_ID = `${SUB}/resourceGroups/${VM_RG}/providers/Microsoft.Compute/virtualMachines/${VM}`;
const STAGING = `${SUB}/resourceGroups/${VM_RG}/providers/Microsoft.Storage/storageAccounts/contosowebstaging`;
const VNET = `${SUB}/resourceGroups/${VM_RG}/providers/Microsoft.Network/virtualNetworks/contoso-web-vnet`;
describe('restore and file recovery', () => {
  let sandbox: RunningSandbox;
  let c: SandboxClients;
  useTestSandbox({}, (f) => ({ sandbox, c } = f), { each: true });

  const container = containerOf(VM_RG, VM);
  const item = itemOf(VM_RG, VM);
  const newestPoint = async (): Promise<string> =>
    (await collect(c.backup.recoveryPoints.list(VAULT, RG, 'Azure', container, item)))[0].name ?? '';

  /** Starts a restore and returns its Restore job id, read from the operation as a client does. */
  async function restore(properties: Record<string, unknown>, point?: string): Promise<string> {
    const rp = point ?? (await newestPoint());
    let asyncUrl = '';
    const body = {
      properties: {
        objectType: 'IaasVMRestoreRequest',
        recoveryPointId: rp,
        sourceResourceId: VM_ID,
        region: 'westeurope',
        storageAccountId: STAGING,
        ...properties,
      },
    } as RestoreRequestResource;
    await c.backup.restores.beginTrigger(VAULT, RG, 'Azure', container, item, rp, body, {
      onResponse: (r) => {
        asyncUrl ||= r.headers.get('azure-asyncoperation') ?? '';
      },
    });
    const status = await c.backup.backupOperationStatuses.get(VAULT, RG, operationIdOf(asyncUrl));
    return (status.properties as { jobId: string }).jobId;
  }
  const job = async (id: string): Promise<AzureIaaSVMJob> =>
    (await c.backup.jobDetails.get(VAULT, RG, id)).properties as AzureIaaSVMJob;

  it('serves the networks, staging storage accounts and disks a restore needs', async () => {
    const network = new NetworkManagementClient(sandboxCredential, STORY_SUBSCRIPTION_ID, {
      endpoint: sandbox.endpoint,
      tlsOptions: { ca: sandbox.ca },
      credentials: { scopes: [`${sandbox.endpoint}/.default`] },
    });
    const storage = new StorageManagementClient(sandboxCredential, STORY_SUBSCRIPTION_ID, {
      endpoint: sandbox.endpoint,
      tlsOptions: { ca: sandbox.ca },
      credentials: { scopes: [`${sandbox.endpoint}/.default`] },
    });
    const vnets = await collect(network.virtualNetworks.listAll());
    assert.deepEqual(
      vnets.map((n) => `${n.name}@${n.location}`),
      ['contoso-data-vnet@northeurope', 'contoso-web-vnet@westeurope'],
    );
    assert.deepEqual(
      (await collect(network.subnets.list(VM_RG, 'contoso-web-vnet'))).map((s) => s.name),
      ['default', 'restore'],
    );
    const accounts = await collect(storage.storageAccounts.list());
    assert.deepEqual(
      accounts.map((a) => `${a.name}@${a.location}`),
      ['contosodatastaging@northeurope', 'contosowebstaging@westeurope'],
    );
    const disks = await collect(c.compute.disks.listByResourceGroup(VM_RG));
    assert.ok(disks.some((d) => d.name === 'web-vm-01_OsDisk_1' && d.managedBy?.toLowerCase() === VM_ID.toLowerCase()));
    assert.ok(disks.some((d) => d.name === 'web-vm-01_DataDisk_0'));
  });

  it('creates a new VM (AlternateLocation): a Restore job, then the VM in the target group, subnet and zone', async () => {
    const jobId = await restore({
      recoveryType: 'AlternateLocation',
      targetResourceGroupId: `${SUB}/resourceGroups/${VM_RG}`,
      targetVirtualMachineId: `${SUB}/resourceGroups/${VM_RG}/providers/Microsoft.Compute/virtualMachines/web-restored`,
      virtualNetworkId: VNET,
      subnetId: `${VNET}/subnets/restore`,
      zones: ['2'],
      encryptionDetails: { encryptionEnabled: false },
    });
    const running = (await c.backup.jobDetails.get(VAULT, RG, jobId)).properties as AzureIaaSVMJob;
    assert.equal(running.operation, 'Restore');
    assert.equal(running.status, 'InProgress');
    await assert.rejects(c.compute.virtualMachines.get(VM_RG, 'web-restored'), isCode('ResourceNotFound'));
    sandbox.clock.advance(61_000);
    const done = await job(jobId);
    assert.equal(done.status, 'Completed');
    assert.equal(done.extendedInfo?.propertyBag?.['Target VM Name'], 'web-restored');
    assert.equal(done.extendedInfo?.tasksList?.[0].status, 'Completed');
    const vm = await c.compute.virtualMachines.get(VM_RG, 'web-restored');
    assert.deepEqual(vm.zones, ['2']);
    assert.equal(vm.hardwareProfile?.vmSize, 'Standard_D2s_v5');
    assert.equal(vm.storageProfile?.dataDisks?.length, 1);
    // A second VM of the same name is refused before anything runs.
    await assert.rejects(
      restore({
        recoveryType: 'AlternateLocation',
        targetResourceGroupId: `${SUB}/resourceGroups/${VM_RG}`,
        targetVirtualMachineId: `${SUB}/resourceGroups/${VM_RG}/providers/Microsoft.Compute/virtualMachines/web-restored`,
        subnetId: `${VNET}/subnets/default`,
      }),
      isCode('BMSUserErrorVmNameAlreadyExists'),
    );
  });

  it('restores disks (RestoreDisks) into the target group, with the template to create a VM from them', async () => {
    const jobId = await restore({ recoveryType: 'RestoreDisks', targetResourceGroupId: `${SUB}/resourceGroups/${RG}` });
    sandbox.clock.advance(61_000);
    const done = await job(jobId);
    assert.equal(done.status, 'Completed');
    const bag = done.extendedInfo?.propertyBag ?? {};
    assert.equal(bag['Job Type'], 'Recover disks');
    assert.match(bag['Template Blob Uri'] ?? '', /^https:\/\/contosowebstaging\.blob\.core\.windows\.net\/.+\.json$/);
    const disks = (await collect(c.compute.disks.listByResourceGroup(RG))).map((d) => d.name ?? '');
    assert.equal(disks.length, 2);
    assert.ok(disks.every((d) => d.startsWith('web-vm-01-')));
    assert.deepEqual((bag['Restored disks'] ?? '').split(', ').sort(), [...disks].sort());
  });

  it("replaces the VM's disks (OriginalLocation), keeping the old ones unattached", async () => {
    const jobId = await restore({ recoveryType: 'OriginalLocation' });
    sandbox.clock.advance(61_000);
    assert.equal((await job(jobId)).status, 'Completed');
    const vm = await c.compute.virtualMachines.get(VM_RG, VM);
    assert.match(vm.storageProfile?.osDisk?.name ?? '', /^web-vm-01-osdisk-\d{14}$/);
    const old = await c.compute.disks.get(VM_RG, 'web-vm-01_OsDisk_1');
    assert.equal(old.managedBy, undefined);
    assert.equal(old.diskState, 'Unattached');
  });

  it('refuses what the service refuses, before anything runs', async () => {
    const other = `${SUB}/resourceGroups/contoso-data-rg/providers/Microsoft.Storage/storageAccounts/contosodatastaging`;
    await assert.rejects(
      restore({ recoveryType: 'RestoreDisks', storageAccountId: other }),
      isCode('BMSUserErrorRestoreTargetInOtherRegion'),
    );
    await assert.rejects(
      restore({
        recoveryType: 'AlternateLocation',
        targetResourceGroupId: `${SUB}/resourceGroups/${VM_RG}`,
        targetVirtualMachineId: `${SUB}/resourceGroups/${VM_RG}/providers/Microsoft.Compute/virtualMachines/web-new`,
        subnetId: `${VNET}/subnets/nope`,
      }),
      isCode('BMSUserErrorRestoreTargetNotFound'),
    );
    await assert.rejects(
      restore({ recoveryType: 'OriginalLocation' }, '123'),
      isCode('BMSUserErrorRecoveryPointNotFound'),
    );
    await assert.rejects(restore({ recoveryType: 'Elsewhere' }), isCode('BMSUserErrorInvalidInput'));
    await restore({ recoveryType: 'OriginalLocation' });
    await assert.rejects(restore({ recoveryType: 'OriginalLocation' }), isCode('BMSUserErrorRestoreInProgress'));
    const restoreJobs = (await collect(c.backup.backupJobs.list(VAULT, RG))).filter(
      (j) => j.properties?.operation === 'Restore',
    );
    assert.equal(restoreJobs.length, 1);
  });

  it("lists the story's archived point as Azure does and refuses a restore or file recovery from it", async () => {
    const points = await collect(c.backup.recoveryPoints.list(VAULT, RG, 'Azure', container, item));
    const archived = points.filter((p) =>
      (p.properties as IaasVMRecoveryPoint).recoveryPointTierDetails?.some(
        (t) => t.type === 'ArchivedRP' && t.status === 'Valid',
      ),
    );
    assert.equal(archived.length, 1);
    const [point] = archived;
    assert.equal(point, points.at(-1), 'the oldest');
    assert.deepEqual(
      (point.properties as IaasVMRecoveryPoint).recoveryPointTierDetails?.map((t) => `${t.type}:${t.status}`),
      ['InstantRP:Deleted', 'HardenedRP:Deleted', 'ArchivedRP:Valid'],
    );
    const full = await c.backup.protectedItems.get(VAULT, RG, 'Azure', container, item, {
      filter: "expand eq 'extendedinfo'",
    });
    const info = (full.properties as AzureIaaSVMProtectedItem).extendedInfo;
    assert.equal(
      info?.oldestRecoveryPointInArchive?.getTime(),
      (point.properties as IaasVMRecoveryPoint).recoveryPointTime?.getTime(),
    );
    assert.ok(
      (info?.oldestRecoveryPointInVault?.getTime() ?? 0) > (info?.oldestRecoveryPointInArchive?.getTime() ?? 0),
    );
    const name = point.name ?? '';
    await assert.rejects(
      restore({ recoveryType: 'RestoreDisks', targetResourceGroupId: `${SUB}/resourceGroups/${RG}` }, name),
      isCode('BMSUserErrorRecoveryPointInArchiveTier'),
    );
    await assert.rejects(
      c.backup.itemLevelRecoveryConnections.provision(VAULT, RG, 'Azure', container, item, name, {
        properties: { objectType: 'IaasVMILRRegistrationRequest', recoveryPointId: name, virtualMachineId: VM_ID },
      }),
      isCode('BMSUserErrorRecoveryPointInArchiveTier'),
    );
    const restoreJobs = (await collect(c.backup.backupJobs.list(VAULT, RG))).filter(
      (j) => j.properties?.operation === 'Restore',
    );
    assert.equal(restoreJobs.length, 0, 'nothing ran');
  });

  it('restores for a client outside the SDKs, at another api-version: 202, the operation, then the Restore job', async () => {
    const version = 'api-version=2025-02-01';
    const vaultPath = `${SUB}/resourceGroups/${RG}/providers/Microsoft.RecoveryServices/vaults/${VAULT}`;
    const rp = await newestPoint();
    const headers = { Authorization: 'Bearer x', 'Content-Type': 'application/json' };
    const body = JSON.stringify({
      properties: {
        objectType: 'IaasVMRestoreRequest',
        recoveryType: 'RestoreDisks',
        recoveryPointId: rp,
        sourceResourceId: VM_ID,
        region: 'westeurope',
        storageAccountId: STAGING,
        targetResourceGroupId: `${SUB}/resourceGroups/${RG}`,
      },
    });
    const path = `${vaultPath}/backupFabrics/Azure/protectionContainers/${container}/protectedItems/${item}/recoveryPoints/${rp}/restore`;
    const accepted = await rawRequest(sandbox, 'POST', `${path}?${version}`, { headers, body });
    assert.equal(accepted.status, 202, JSON.stringify(accepted.json));
    const asyncUrl = String(accepted.headers['azure-asyncoperation'] ?? '');
    const status = await rawRequest(
      sandbox,
      'GET',
      `${vaultPath}/backupOperations/${operationIdOf(asyncUrl)}?${version}`,
      { headers },
    );
    const jobId = (status.json as { properties?: { jobId?: string } }).properties?.jobId ?? '';
    assert.ok(jobId, JSON.stringify(status.json));
    sandbox.clock.advance(120_000);
    const done = await rawRequest(sandbox, 'GET', `${vaultPath}/backupJobs/${jobId}?${version}`, { headers });
    const props = (done.json as { properties: { operation: string; status: string } }).properties;
    assert.deepEqual([props.operation, props.status], ['Restore', 'Completed']);
  });

  it('provisions file recovery: the operation hands out the script, the point shows a session; revoke ends it', async () => {
    const rp = await newestPoint();
    let asyncUrl = '';
    await c.backup.itemLevelRecoveryConnections.provision(
      VAULT,
      RG,
      'Azure',
      container,
      item,
      rp,
      {
        properties: {
          objectType: 'IaasVMILRRegistrationRequest',
          recoveryPointId: rp,
          virtualMachineId: VM_ID,
          initiatorName: 'vscode',
          renewExistingRegistration: true,
        },
      },
      {
        onResponse: (r) => {
          asyncUrl ||= r.headers.get('azure-asyncoperation') ?? '';
        },
      },
    );
    sandbox.clock.advance(6_000);
    const status = await c.backup.backupOperationStatuses.get(VAULT, RG, operationIdOf(asyncUrl));
    assert.equal(status.status, 'Succeeded');
    const info = status.properties as OperationStatusProvisionILRExtendedInfo;
    assert.equal(info.objectType, 'OperationStatusProvisionILRExtendedInfo');
    const script = info.recoveryTarget?.clientScripts?.[0];
    assert.equal(script?.scriptExtension, '.ps1');
    assert.equal(script?.osType, 'Windows');
    assert.match(Buffer.from(script?.scriptContent ?? '', 'base64').toString('utf8'), /file recovery for web-vm-01/);
    const point = await c.backup.recoveryPoints.get(VAULT, RG, 'Azure', container, item, rp);
    assert.equal((point.properties as { isInstantIlrSessionActive?: boolean }).isInstantIlrSessionActive, true);
    await c.backup.itemLevelRecoveryConnections.revoke(VAULT, RG, 'Azure', container, item, rp);
    sandbox.clock.advance(6_000);
    const after = await c.backup.recoveryPoints.get(VAULT, RG, 'Azure', container, item, rp);
    assert.equal((after.properties as { isInstantIlrSessionActive?: boolean }).isInstantIlrSessionActive, false);
  });

  it("reads and sets the vault's backup encryption settings", async () => {
    const config = await c.backup.backupResourceEncryptionConfigs.get(VAULT, RG);
    assert.equal(config.properties?.encryptionAtRestType, 'MicrosoftManaged');
    await c.backup.backupResourceEncryptionConfigs.update(VAULT, RG, {
      properties: { encryptionAtRestType: 'CustomerManaged', keyUri: 'https://contoso-kv.vault.azure.net/keys/backup' },
    });
    assert.equal(
      (await c.backup.backupResourceEncryptionConfigs.get(VAULT, RG)).properties?.keyUri,
      'https://contoso-kv.vault.azure.net/keys/backup',
    );
    await assert.rejects(
      c.backup.backupResourceEncryptionConfigs.update(VAULT, RG, {
        properties: { encryptionAtRestType: 'CustomerManaged' },
      }),
      isCode('BMSUserErrorInvalidInput'),
    );
  });
});
