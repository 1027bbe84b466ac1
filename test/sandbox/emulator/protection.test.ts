/** Containers, protected items, backup now and their error cases, state transitions on the simulated clock. */
import * as assert from 'node:assert/strict';
import type {
  AzureIaaSVMJob,
  AzureIaaSVMProtectedItem,
  IaasVMRecoveryPoint,
  RecoveryServicesBackupClient,
} from '@azure/arm-recoveryservicesbackup';
import { RestError } from '@azure/core-rest-pipeline';
import { STORY_SUBSCRIPTION_ID, type RunningSandbox } from '../../../src/sandbox';
import {
  collect,
  containerOf,
  headerCapture,
  itemOf,
  operationIdOf,
  type SandboxClients,
  useTestSandbox,
} from './helpers';

const VAULT = 'contoso-vault';
const RG = 'contoso-backup-rg';
const vmId = (rg: string, name: string): string =>
  `/subscriptions/${STORY_SUBSCRIPTION_ID}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${name}`;
const isCode =
  (status: number, code: string) =>
  (e: unknown): boolean =>
    e instanceof RestError && e.statusCode === status && e.code === code;

async function enable(
  b: RecoveryServicesBackupClient,
  vault: string,
  rg: string,
  vmRg: string,
  vm: string,
  policy = 'DefaultPolicy',
): Promise<string> {
  const cap = headerCapture();
  const policyId = `/subscriptions/${STORY_SUBSCRIPTION_ID}/resourceGroups/${rg}/providers/Microsoft.RecoveryServices/vaults/${vault}/backupPolicies/${policy}`;
  await b.protectedItems.createOrUpdate(
    vault,
    rg,
    'Azure',
    containerOf(vmRg, vm),
    itemOf(vmRg, vm),
    {
      properties: {
        protectedItemType: 'Microsoft.Compute/virtualMachines',
        sourceResourceId: vmId(vmRg, vm),
        policyId,
      },
    },
    { onResponse: cap.onResponse },
  );
  return operationIdOf(cap.header('azure-asyncoperation'));
}

async function backupNow(b: RecoveryServicesBackupClient, vmRg: string, vm: string): Promise<string> {
  const cap = headerCapture();
  await b.backups.trigger(
    VAULT,
    RG,
    'Azure',
    containerOf(vmRg, vm),
    itemOf(vmRg, vm),
    { properties: { objectType: 'IaasVMBackupRequest' } },
    { onResponse: cap.onResponse },
  );
  return operationIdOf(cap.header('azure-asyncoperation'));
}

describe('protection: containers, items, backup now, failures', () => {
  let sandbox: RunningSandbox;
  let c: SandboxClients;
  useTestSandbox(
    {},
    (s, clients) => {
      sandbox = s;
      c = clients;
    },
    { each: true },
  );

  it('lists containers only with backupManagementType in $filter; gets one by percent-encoded, any-case name', async () => {
    await assert.rejects(
      collect(c.backup.backupProtectionContainers.list(VAULT, RG)),
      isCode(400, 'BMSUserErrorInvalidInput'),
    );
    const list = await collect(
      c.backup.backupProtectionContainers.list(VAULT, RG, {
        filter: "backupManagementType eq 'AzureIaasVM' and status eq 'Registered'",
      }),
    );
    assert.deepEqual(
      list.map((x) => x.name),
      ['IaasVMContainer;iaasvmcontainerv2;contoso-web-rg;web-vm-01'],
    );
    assert.equal(list[0].properties?.containerType, 'Microsoft.Compute/virtualMachines');
    const got = await c.backup.protectionContainers.get(
      VAULT,
      RG,
      'Azure',
      'iaasvmcontainer;IAASVMCONTAINERV2;Contoso-Web-RG;WEB-VM-01',
    );
    assert.equal(got.name, 'IaasVMContainer;iaasvmcontainerv2;contoso-web-rg;web-vm-01');
    await assert.rejects(
      c.backup.protectionContainers.get(VAULT, RG, 'Azure', containerOf('contoso-web-rg', 'web-vm-02')),
      isCode(404, 'BMSUserErrorDataSourceObjectNotFound'),
    );
  });

  it('lists protected items with $filter and reads the story item with extended info', async () => {
    const items = await collect(
      c.backup.backupProtectedItems.list(VAULT, RG, {
        filter: "backupManagementType eq 'AzureIaasVM' and itemType eq 'VM'",
      }),
    );
    assert.equal(items.length, 1);
    const p = items[0].properties as AzureIaaSVMProtectedItem;
    assert.equal(p.protectedItemType, 'Microsoft.Compute/virtualMachines');
    assert.equal(p.protectionState, 'Protected');
    assert.ok(p.lastBackupTime instanceof Date);
    assert.deepEqual(
      await collect(c.backup.backupProtectedItems.list(VAULT, RG, { filter: "policyName eq 'EnhancedPolicy'" })),
      [],
    );
    const full = await c.backup.protectedItems.get(
      VAULT,
      RG,
      'Azure',
      containerOf('contoso-web-rg', 'web-vm-01'),
      itemOf('contoso-web-rg', 'web-vm-01'),
      { filter: "expand eq 'extendedinfo'" },
    );
    assert.equal((full.properties as AzureIaaSVMProtectedItem).extendedInfo?.recoveryPointCount, 4);
    const points = await collect(
      c.backup.recoveryPoints.list(
        VAULT,
        RG,
        'Azure',
        containerOf('contoso-web-rg', 'web-vm-01'),
        itemOf('contoso-web-rg', 'web-vm-01'),
      ),
    );
    assert.equal(points.length, 4, 'three daily points and an archived monthly one');
    const times = points.map((x) => (x.properties as IaasVMRecoveryPoint).recoveryPointTime?.getTime() ?? 0);
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
  });

  it('refuses a VM of another region, a VM protected by another vault, and a second configure while one runs', async () => {
    await assert.rejects(
      enable(c.backup, VAULT, RG, 'contoso-data-rg', 'sql-vm-01'),
      isCode(400, 'BMSUserErrorVmNotInVaultRegion'),
    );
    await c.vaults.vaults.createOrUpdate(
      RG,
      'second-vault',
      { location: 'westeurope', sku: { name: 'Standard' } },
      { updateIntervalInMs: 10 },
    );
    await assert.rejects(
      enable(c.backup, 'second-vault', RG, 'contoso-web-rg', 'web-vm-01'),
      isCode(400, 'BMSUserErrorVmAlreadyProtected'),
    );
    await enable(c.backup, VAULT, RG, 'contoso-web-rg', 'app-linux-01');
    await assert.rejects(
      enable(c.backup, VAULT, RG, 'contoso-web-rg', 'app-linux-01'),
      isCode(409, 'BMSUserErrorConflictingProtectionOperation'),
    );
    await assert.rejects(
      enable(c.backup, VAULT, RG, 'contoso-web-rg', 'web-vm-02', 'NoSuchPolicy'),
      isCode(404, 'BMSUserErrorPolicyNotFound'),
    );
    await assert.rejects(
      c.backup.protectedItems.get(
        VAULT,
        RG,
        'Azure',
        containerOf('contoso-web-rg', 'web-vm-02'),
        itemOf('contoso-web-rg', 'web-vm-02'),
      ),
      isCode(404, 'BMSUserErrorDataSourceObjectNotFound'),
    );
  });

  it('a second backup while one runs: 202, operation Failed with UserErrorBackupOperationInProgress, no second job', async () => {
    const first = await backupNow(c.backup, 'contoso-web-rg', 'web-vm-01');
    sandbox.clock.advance(2_000);
    const ok = await c.backup.backupOperationStatuses.get(VAULT, RG, first);
    assert.equal(ok.status, 'Succeeded');
    const second = await backupNow(c.backup, 'contoso-web-rg', 'web-vm-01');
    const failed = await c.backup.backupOperationStatuses.get(VAULT, RG, second);
    assert.equal(failed.status, 'Failed');
    assert.equal(failed.error?.code, 'UserErrorBackupOperationInProgress');
    const running = await collect(
      c.backup.backupJobs.list(VAULT, RG, { filter: "operation eq 'Backup' and status eq 'InProgress'" }),
    );
    assert.equal(running.length, 1);
  });

  it('a broken VM fails its backup job with error details; the item reports the failure', async () => {
    sandbox.control.markVmBroken(vmId('contoso-web-rg', 'web-vm-01'));
    const op = await backupNow(c.backup, 'contoso-web-rg', 'web-vm-01');
    sandbox.clock.advance(2_000);
    const jobId = (await c.backup.backupOperationStatuses.get(VAULT, RG, op)).properties as { jobId: string };
    sandbox.clock.advance(40_000);
    const job = (await c.backup.jobDetails.get(VAULT, RG, jobId.jobId)).properties as AzureIaaSVMJob;
    assert.equal(job.status, 'Failed');
    assert.equal(job.errorDetails?.[0]?.errorTitle, 'UserErrorVmProvisioningStateFailed');
    assert.equal(typeof job.errorDetails?.[0]?.errorCode, 'number');
    assert.equal(job.extendedInfo?.tasksList?.[0]?.status, 'Failed');
    const item = await c.backup.protectedItems.get(
      VAULT,
      RG,
      'Azure',
      containerOf('contoso-web-rg', 'web-vm-01'),
      itemOf('contoso-web-rg', 'web-vm-01'),
    );
    assert.equal((item.properties as AzureIaaSVMProtectedItem).lastBackupStatus, 'Failed');
    assert.equal((item.properties as AzureIaaSVMProtectedItem).healthStatus, 'ActionRequired');
  });

  it('a VM whose agent is not ready yields a CrashConsistent recovery point; Linux with agent FileSystemConsistent', async () => {
    for (const vm of ['legacy-linux-02', 'app-linux-01']) await enable(c.backup, VAULT, RG, 'contoso-web-rg', vm);
    sandbox.clock.advance(20_000);
    for (const vm of ['legacy-linux-02', 'app-linux-01']) await backupNow(c.backup, 'contoso-web-rg', vm);
    sandbox.clock.advance(45_000);
    const typeOf = async (vm: string): Promise<string | undefined> => {
      const points = await collect(
        c.backup.recoveryPoints.list(
          VAULT,
          RG,
          'Azure',
          containerOf('contoso-web-rg', vm),
          itemOf('contoso-web-rg', vm),
        ),
      );
      return (points[0]?.properties as IaasVMRecoveryPoint | undefined)?.recoveryPointType;
    };
    assert.equal(await typeOf('legacy-linux-02'), 'CrashConsistent');
    assert.equal(await typeOf('app-linux-01'), 'FileSystemConsistent');
  });

  it('runs scheduled backups as simulated days pass (DefaultPolicy daily)', async () => {
    const before = await collect(
      c.backup.recoveryPoints.list(
        VAULT,
        RG,
        'Azure',
        containerOf('contoso-web-rg', 'web-vm-01'),
        itemOf('contoso-web-rg', 'web-vm-01'),
      ),
    );
    sandbox.clock.advance(2 * 86_400e3);
    const after = await collect(
      c.backup.recoveryPoints.list(
        VAULT,
        RG,
        'Azure',
        containerOf('contoso-web-rg', 'web-vm-01'),
        itemOf('contoso-web-rg', 'web-vm-01'),
      ),
    );
    assert.equal(after.length, before.length + 2);
    const scheduled = await collect(
      c.backup.backupJobs.list(VAULT, RG, { filter: "operation eq 'Backup' and status eq 'Completed'" }),
    );
    assert.ok(scheduled.filter((j) => (j.properties as AzureIaaSVMJob).isUserTriggered === false).length >= 4);
  });

  it('keeps an on-demand point for at most 99 calendar years (leap days included), one millisecond more is refused', async () => {
    const trigger = (expiry: Date): Promise<void> =>
      c.backup.backups.trigger(
        VAULT,
        RG,
        'Azure',
        containerOf('contoso-web-rg', 'web-vm-01'),
        itemOf('contoso-web-rg', 'web-vm-01'),
        { properties: { objectType: 'IaasVMBackupRequest', recoveryPointExpiryTimeInUTC: expiry } },
      );
    sandbox.clock.setSpeed(1e-6); // simulated time stands still between the two requests
    const max = sandbox.clock.now();
    max.setUTCFullYear(max.getUTCFullYear() + 99);
    await assert.rejects(trigger(new Date(max.getTime() + 1)), isCode(400, 'BMSUserErrorInvalidInput'));
    await trigger(max);
  });

  it('rejects backup of a stopped item and bad backup requests; backupStatus reports unprotected VMs', async () => {
    const cap = headerCapture();
    await c.backup.protectedItems.createOrUpdate(
      VAULT,
      RG,
      'Azure',
      containerOf('contoso-web-rg', 'web-vm-01'),
      itemOf('contoso-web-rg', 'web-vm-01'),
      { properties: { protectedItemType: 'Microsoft.Compute/virtualMachines', protectionState: 'ProtectionStopped' } },
      { onResponse: cap.onResponse },
    );
    await assert.rejects(
      backupNow(c.backup, 'contoso-web-rg', 'web-vm-01'),
      isCode(400, 'BMSUserErrorProtectionStopped'),
    );
    await assert.rejects(
      c.backup.backups.trigger(
        VAULT,
        RG,
        'Azure',
        containerOf('contoso-web-rg', 'web-vm-01'),
        itemOf('contoso-web-rg', 'web-vm-01'),
        {
          properties: {
            objectType: 'IaasVMBackupRequest',
            recoveryPointExpiryTimeInUTC: new Date('2001-01-01T00:00:00Z'),
          },
        },
      ),
      isCode(400, 'BMSUserErrorInvalidInput'),
    );
    const status = await c.backup.backupStatus.get('northeurope', {
      resourceType: 'VM',
      resourceId: vmId('contoso-data-rg', 'sql-vm-01'),
    });
    assert.equal(status.protectionStatus, 'NotProtected');
    assert.equal(status.vaultId, undefined);
  });

  it('with failOperations, async operations end Failed with an ARM error and change nothing', async () => {
    sandbox.setFaults({ failOperations: true });
    const op = await enable(c.backup, VAULT, RG, 'contoso-web-rg', 'web-vm-02');
    const status = await c.backup.backupOperationStatuses.get(VAULT, RG, op);
    assert.equal(status.status, 'Failed');
    assert.ok(status.error?.code);
    await assert.rejects(
      c.backup.protectedItems.get(
        VAULT,
        RG,
        'Azure',
        containerOf('contoso-web-rg', 'web-vm-02'),
        itemOf('contoso-web-rg', 'web-vm-02'),
      ),
      isCode(404, 'BMSUserErrorDataSourceObjectNotFound'),
    );
  });
});
