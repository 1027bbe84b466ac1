/**
 * The protection lifecycle after enable: resume after stop, change of policy, the Enhanced-policy rules (no switch
 * back to Standard, VMs that need Enhanced), Enhanced policies served as stored, and selective disk backup.
 */
import * as assert from 'node:assert/strict';
import type {
  AzureIaaSVMJob,
  AzureIaaSVMProtectedItem,
  AzureIaaSVMProtectionPolicy,
  RecoveryServicesBackupClient,
  SimpleSchedulePolicyV2,
} from '@azure/arm-recoveryservicesbackup';
import type { RunningSandbox } from '../../../src/sandbox';
import {
  containerOf,
  isCode,
  itemOf,
  policyIdOf,
  putVmItem,
  type SandboxClients,
  STORY_VAULT,
  useTestSandbox,
} from './helpers';

const { vault: VAULT, rg: RG } = STORY_VAULT;
const WEB = 'contoso-web-rg';
/** A PUT of the item (enable, resume, change policy, stop) through the SDK; the operation id it was given. */
const putItem = (
  b: RecoveryServicesBackupClient,
  vmRg: string,
  vm: string,
  properties: Record<string, unknown>,
  vault = VAULT,
  rg = RG,
): Promise<string> => putVmItem(b, { vault, rg, vmRg, vm }, properties);

const V2_DAILY = {
  backupManagementType: 'AzureIaasVM',
  policyType: 'V2',
  instantRpRetentionRangeInDays: 30,
  timeZone: 'UTC',
  schedulePolicy: {
    schedulePolicyType: 'SimpleSchedulePolicyV2',
    scheduleRunFrequency: 'Daily',
    dailySchedule: { scheduleRunTimes: ['2024-01-01T22:00:00Z'] },
  },
  retentionPolicy: {
    retentionPolicyType: 'LongTermRetentionPolicy',
    dailySchedule: { retentionTimes: ['2024-01-01T22:00:00Z'], retentionDuration: { count: 30, durationType: 'Days' } },
  },
};

describe('protection lifecycle: resume, change policy, Enhanced-policy rules, selective disks', () => {
  let sandbox: RunningSandbox;
  let c: SandboxClients;
  useTestSandbox({}, (f) => ({ sandbox, c } = f), { each: true });

  const item = async (vmRg: string, vm: string, vault = VAULT, rg = RG): Promise<AzureIaaSVMProtectedItem> =>
    (await c.backup.protectedItems.get(vault, rg, 'Azure', containerOf(vmRg, vm), itemOf(vmRg, vm)))
      .properties as AzureIaaSVMProtectedItem;
  const jobOf = async (op: string, vault = VAULT, rg = RG): Promise<AzureIaaSVMJob> => {
    sandbox.clock.advance(5_000);
    const status = await c.backup.backupOperationStatuses.get(vault, rg, op);
    assert.equal(status.status, 'Succeeded', JSON.stringify(status.error));
    return (await c.backup.jobDetails.get(vault, rg, (status.properties as { jobId: string }).jobId))
      .properties as AzureIaaSVMJob;
  };

  it('resumes an item stopped with data retained: a ConfigureBackup job, then Protected with the policy', async () => {
    await jobOf(await putItem(c.backup, WEB, 'web-vm-01', { protectionState: 'ProtectionStopped' }));
    sandbox.clock.advance(15_000);
    assert.equal((await item(WEB, 'web-vm-01')).protectionState, 'ProtectionStopped');
    const job = await jobOf(
      await putItem(c.backup, WEB, 'web-vm-01', { policyId: policyIdOf(VAULT, RG, 'DefaultPolicy') }),
    );
    assert.equal(job.operation, 'ConfigureBackup');
    sandbox.clock.advance(20_000);
    const resumed = await item(WEB, 'web-vm-01');
    assert.equal(resumed.protectionState, 'Protected');
    assert.equal(resumed.policyName, 'DefaultPolicy');
  });

  it('changes the policy of a protected item (Standard → Enhanced), and refuses Enhanced → Standard', async () => {
    const job = await jobOf(
      await putItem(c.backup, WEB, 'web-vm-01', { policyId: policyIdOf(VAULT, RG, 'EnhancedPolicy') }),
    );
    assert.equal(job.operation, 'ConfigureBackup');
    sandbox.clock.advance(20_000);
    assert.equal((await item(WEB, 'web-vm-01')).policyName, 'EnhancedPolicy');
    await assert.rejects(
      putItem(c.backup, WEB, 'web-vm-01', { policyId: policyIdOf(VAULT, RG, 'DefaultPolicy') }),
      isCode('UserErrorDirectPolicySwitchNotSupported', 400),
    );
    await c.backup.protectionPolicies.createOrUpdate(VAULT, RG, 'Enhanced-Nightly', {
      properties: V2_DAILY as AzureIaaSVMProtectionPolicy,
    });
    await jobOf(await putItem(c.backup, WEB, 'web-vm-01', { policyId: policyIdOf(VAULT, RG, 'Enhanced-Nightly') }));
    sandbox.clock.advance(20_000);
    assert.equal(
      (await item(WEB, 'web-vm-01')).policyName,
      'Enhanced-Nightly',
      'Enhanced → Enhanced is a plain change',
    );
  });

  it('a Trusted Launch VM takes only an Enhanced policy (at the 2023-06-01 api the SDK speaks)', async () => {
    const vm = await c.compute.virtualMachines.get('security-rg', 'tl-vm-01');
    assert.equal(vm.securityProfile?.securityType, 'TrustedLaunch');
    await assert.rejects(
      putItem(c.backup, 'security-rg', 'tl-vm-01', { policyId: policyIdOf(VAULT, RG, 'DefaultPolicy') }),
      isCode('BMSUserErrorEnhancedPolicyRequired', 400),
    );
    const job = await jobOf(
      await putItem(c.backup, 'security-rg', 'tl-vm-01', { policyId: policyIdOf(VAULT, RG, 'EnhancedPolicy') }),
    );
    assert.equal(job.operation, 'ConfigureBackup');
  });

  it('a VM with a Premium SSD v2 or Ultra data disk takes only an Enhanced policy', async () => {
    for (const [name, storageType] of [
      ['pv2-vm', 'PremiumV2_LRS'],
      ['ultra-vm', 'UltraSSD_LRS'],
    ]) {
      sandbox.control.addVm({ resourceGroup: WEB, name, dataDisks: [{ sizeGB: 64, storageType }] });
      const vm = await c.compute.virtualMachines.get(WEB, name);
      assert.equal(vm.storageProfile?.dataDisks?.[0].managedDisk?.storageAccountType, storageType);
      await c.backup.protectionContainers.refresh(VAULT, RG, 'Azure');
      sandbox.clock.advance(10_000);
      await assert.rejects(
        putItem(c.backup, WEB, name, { policyId: policyIdOf(VAULT, RG, 'DefaultPolicy') }),
        isCode('BMSUserErrorEnhancedPolicyRequired', 400),
      );
      await jobOf(await putItem(c.backup, WEB, name, { policyId: policyIdOf(VAULT, RG, 'EnhancedPolicy') }));
    }
  });

  it('stores an Enhanced policy as sent and serves it with its V2 schedule; refuses what the service refuses', async () => {
    const hourly = {
      ...V2_DAILY,
      instantRpRetentionRangeInDays: 7,
      schedulePolicy: {
        schedulePolicyType: 'SimpleSchedulePolicyV2',
        scheduleRunFrequency: 'Hourly',
        hourlySchedule: { interval: 6, scheduleWindowStartTime: '2024-01-01T08:00:00Z', scheduleWindowDuration: 12 },
      },
      retentionPolicy: {
        retentionPolicyType: 'LongTermRetentionPolicy',
        dailySchedule: {
          retentionTimes: ['2024-01-01T08:00:00Z'],
          retentionDuration: { count: 30, durationType: 'Days' },
        },
      },
    };
    await c.backup.protectionPolicies.createOrUpdate(VAULT, RG, 'Every-Six-Hours', {
      properties: hourly as AzureIaaSVMProtectionPolicy,
    });
    const got = (await c.backup.protectionPolicies.get(VAULT, RG, 'Every-Six-Hours'))
      .properties as AzureIaaSVMProtectionPolicy;
    assert.equal(got.policyType, 'V2');
    const schedule = got.schedulePolicy as SimpleSchedulePolicyV2;
    assert.equal(schedule.schedulePolicyType, 'SimpleSchedulePolicyV2');
    assert.deepEqual(
      {
        ...schedule.hourlySchedule,
        scheduleWindowStartTime: schedule.hourlySchedule?.scheduleWindowStartTime?.toISOString(),
      },
      { interval: 6, scheduleWindowStartTime: '2024-01-01T08:00:00.000Z', scheduleWindowDuration: 12 },
    );
    assert.equal(got.instantRpRetentionRangeInDays, 7);
    const put = (name: string, properties: unknown): Promise<unknown> =>
      c.backup.protectionPolicies.createOrUpdate(VAULT, RG, name, {
        properties: properties as AzureIaaSVMProtectionPolicy,
      });
    await put('Thirty-Days-Snapshots', V2_DAILY);
    await assert.rejects(
      put('Bad-Interval', {
        ...hourly,
        schedulePolicy: {
          ...hourly.schedulePolicy,
          hourlySchedule: { ...hourly.schedulePolicy.hourlySchedule, interval: 5 },
        },
      }),
      isCode('BMSUserErrorInvalidInput', 400),
    );
    await assert.rejects(
      put('Too-Many-Snapshot-Days', { ...V2_DAILY, instantRpRetentionRangeInDays: 31 }),
      isCode('BMSUserErrorInvalidInput', 400),
    );
    await assert.rejects(
      put('V1-Schedule-In-V2', {
        ...V2_DAILY,
        schedulePolicy: {
          schedulePolicyType: 'SimpleSchedulePolicy',
          scheduleRunFrequency: 'Daily',
          scheduleRunTimes: ['2024-01-01T22:00:00Z'],
        },
      }),
      isCode('BMSUserErrorInvalidInput', 400),
    );
  });

  it('stores selective disk backup on the item and echoes it; keeps it across a policy change; refuses unknown LUNs', async () => {
    const selective = { diskExclusionProperties: { diskLunList: [1], isInclusionList: true } };
    await c.vaults.vaults.createOrUpdate(
      RG,
      'north-vault',
      { location: 'northeurope', sku: { name: 'Standard' } },
      { updateIntervalInMs: 10 },
    );
    await c.backup.protectionContainers.refresh('north-vault', RG, 'Azure');
    sandbox.clock.advance(10_000);
    await assert.rejects(
      putItem(
        c.backup,
        'contoso-data-rg',
        'sql-vm-01',
        {
          policyId: policyIdOf('north-vault', RG, 'DefaultPolicy'),
          extendedProperties: { diskExclusionProperties: { diskLunList: [7], isInclusionList: true } },
        },
        'north-vault',
      ),
      isCode('BMSUserErrorInvalidInput', 400),
    );
    await jobOf(
      await putItem(
        c.backup,
        'contoso-data-rg',
        'sql-vm-01',
        { policyId: policyIdOf('north-vault', RG, 'DefaultPolicy'), extendedProperties: selective },
        'north-vault',
      ),
      'north-vault',
    );
    assert.deepEqual((await item('contoso-data-rg', 'sql-vm-01', 'north-vault')).extendedProperties, selective);
    sandbox.clock.advance(20_000);
    await jobOf(
      await putItem(
        c.backup,
        'contoso-data-rg',
        'sql-vm-01',
        { policyId: policyIdOf('north-vault', RG, 'EnhancedPolicy') },
        'north-vault',
      ),
      'north-vault',
    );
    assert.deepEqual(
      (await item('contoso-data-rg', 'sql-vm-01', 'north-vault')).extendedProperties,
      selective,
      'a change that does not name the disks keeps them',
    );
    assert.equal(
      (await item(WEB, 'web-vm-01')).extendedProperties,
      undefined,
      'an item backing up every disk says nothing',
    );
  });
});
