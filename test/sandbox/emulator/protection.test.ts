/** Containers, protected items, backup now and their error cases, state transitions on the simulated clock. */
import * as assert from 'node:assert/strict';
import type {
  AzureIaaSVMJob,
  AzureIaaSVMProtectedItem,
  IaasVMRecoveryPoint,
  ProtectedItemResource,
  ProtectedItemsGetOptionalParams,
  RecoveryServicesBackupClient,
} from '@azure/arm-recoveryservicesbackup';
import type { RunningSandbox } from '../../../src/sandbox';
import {
  collect,
  containerOf,
  headerCapture,
  isCode,
  itemArgs,
  itemOf,
  policyIdOf,
  putVmItem,
  type SandboxClients,
  STORY_VAULT,
  triggerBackup,
  useTestSandbox,
  vmIdOf,
  WEB_VM_01,
} from './helpers';

const { vault: VAULT, rg: RG } = STORY_VAULT;
/** Enables protection of a VM with a policy of the vault; the operation id. */
const enable = (
  b: RecoveryServicesBackupClient,
  vault: string,
  rg: string,
  vmRg: string,
  vm: string,
  policy = 'DefaultPolicy',
): Promise<string> => putVmItem(b, { vault, rg, vmRg, vm }, { policyId: policyIdOf(vault, rg, policy) });
const backupNow = (b: RecoveryServicesBackupClient, vmRg: string, vm: string): Promise<string> =>
  triggerBackup(b, { vault: VAULT, rg: RG, vmRg, vm });

describe('protection: containers, items, backup now, failures', () => {
  let sandbox: RunningSandbox;
  let c: SandboxClients;
  useTestSandbox({}, (f) => ({ sandbox, c } = f), { each: true });

  const webItem = (vm: string, options?: ProtectedItemsGetOptionalParams): Promise<ProtectedItemResource> =>
    c.backup.protectedItems.get(
      VAULT,
      RG,
      'Azure',
      containerOf('contoso-web-rg', vm),
      itemOf('contoso-web-rg', vm),
      options,
    );

  it('lists containers only with backupManagementType in $filter; gets one by percent-encoded, any-case name', async () => {
    await assert.rejects(
      collect(c.backup.backupProtectionContainers.list(VAULT, RG)),
      isCode('BMSUserErrorInvalidInput', 400),
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
      isCode('BMSUserErrorDataSourceObjectNotFound', 404),
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
    const full = await webItem('web-vm-01', { filter: "expand eq 'extendedinfo'" });
    assert.equal((full.properties as AzureIaaSVMProtectedItem).extendedInfo?.recoveryPointCount, 4);
    const points = await collect(c.backup.recoveryPoints.list(...itemArgs(WEB_VM_01)));
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
      isCode('BMSUserErrorVmNotInVaultRegion', 400),
    );
    await c.vaults.vaults.createOrUpdate(
      RG,
      'second-vault',
      { location: 'westeurope', sku: { name: 'Standard' } },
      { updateIntervalInMs: 10 },
    );
    await assert.rejects(
      enable(c.backup, 'second-vault', RG, 'contoso-web-rg', 'web-vm-01'),
      isCode('BMSUserErrorVmAlreadyProtected', 400),
    );
    await enable(c.backup, VAULT, RG, 'contoso-web-rg', 'app-linux-01');
    await assert.rejects(
      enable(c.backup, VAULT, RG, 'contoso-web-rg', 'app-linux-01'),
      isCode('BMSUserErrorConflictingProtectionOperation', 409),
    );
    await assert.rejects(
      enable(c.backup, VAULT, RG, 'contoso-web-rg', 'web-vm-02', 'NoSuchPolicy'),
      isCode('BMSUserErrorPolicyNotFound', 404),
    );
    await assert.rejects(webItem('web-vm-02'), isCode('BMSUserErrorDataSourceObjectNotFound', 404));
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
    sandbox.control.markVmBroken(vmIdOf('contoso-web-rg', 'web-vm-01'));
    const op = await backupNow(c.backup, 'contoso-web-rg', 'web-vm-01');
    sandbox.clock.advance(2_000);
    const jobId = (await c.backup.backupOperationStatuses.get(VAULT, RG, op)).properties as { jobId: string };
    sandbox.clock.advance(40_000);
    const job = (await c.backup.jobDetails.get(VAULT, RG, jobId.jobId)).properties as AzureIaaSVMJob;
    assert.equal(job.status, 'Failed');
    assert.equal(job.errorDetails?.[0]?.errorTitle, 'UserErrorVmProvisioningStateFailed');
    assert.equal(typeof job.errorDetails?.[0]?.errorCode, 'number');
    assert.equal(job.extendedInfo?.tasksList?.[0]?.status, 'Failed');
    const item = await webItem('web-vm-01');
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
    const before = await collect(c.backup.recoveryPoints.list(...itemArgs(WEB_VM_01)));
    sandbox.clock.advance(2 * 86_400e3);
    const after = await collect(c.backup.recoveryPoints.list(...itemArgs(WEB_VM_01)));
    assert.equal(after.length, before.length + 2);
    const scheduled = await collect(
      c.backup.backupJobs.list(VAULT, RG, { filter: "operation eq 'Backup' and status eq 'Completed'" }),
    );
    assert.ok(scheduled.filter((j) => (j.properties as AzureIaaSVMJob).isUserTriggered === false).length >= 4);
  });

  it('keeps an on-demand point for at most 99 calendar years (leap days included), one millisecond more is refused', async () => {
    const trigger = (expiry: Date): Promise<string> =>
      triggerBackup(c.backup, WEB_VM_01, { recoveryPointExpiryTimeInUTC: expiry });
    sandbox.clock.setSpeed(1e-6); // simulated time stands still between the two requests
    const max = sandbox.clock.now();
    max.setUTCFullYear(max.getUTCFullYear() + 99);
    await assert.rejects(trigger(new Date(max.getTime() + 1)), isCode('BMSUserErrorInvalidInput', 400));
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
      isCode('BMSUserErrorProtectionStopped', 400),
    );
    await assert.rejects(
      triggerBackup(c.backup, WEB_VM_01, { recoveryPointExpiryTimeInUTC: new Date('2001-01-01T00:00:00Z') }),
      isCode('BMSUserErrorInvalidInput', 400),
    );
    const status = await c.backup.backupStatus.get('northeurope', {
      resourceType: 'VM',
      resourceId: vmIdOf('contoso-data-rg', 'sql-vm-01'),
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
    await assert.rejects(webItem('web-vm-02'), isCode('BMSUserErrorDataSourceObjectNotFound', 404));
  });
});
