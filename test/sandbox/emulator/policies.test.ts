/** Backup policies: list with $filter, get, create/update with validation, delete LRO. */
import * as assert from 'node:assert/strict';
import type { AzureIaaSVMProtectionPolicy, ProtectionPolicyResource } from '@azure/arm-recoveryservicesbackup';
import { collect, headerCapture, isCode, type SandboxClients, useTestSandbox } from './helpers';

const VAULT = 'contoso-vault';
const RG = 'contoso-backup-rg';
const RUN = new Date('2024-01-01T02:30:00Z');

function dailyPolicy(days: number, instant = 2, retentionTime = RUN): ProtectionPolicyResource {
  return {
    properties: {
      backupManagementType: 'AzureIaasVM',
      schedulePolicy: {
        schedulePolicyType: 'SimpleSchedulePolicy',
        scheduleRunFrequency: 'Daily',
        scheduleRunTimes: [RUN],
      },
      retentionPolicy: {
        retentionPolicyType: 'LongTermRetentionPolicy',
        dailySchedule: { retentionTimes: [retentionTime], retentionDuration: { count: days, durationType: 'Days' } },
      },
      instantRpRetentionRangeInDays: instant,
      timeZone: 'UTC',
    } as AzureIaaSVMProtectionPolicy,
  };
}

const WINDOW = new Date('2024-01-01T08:00:00Z');

/** An Enhanced hourly policy in the swagger's shape (IaaS_v2_hourly.json). */
function hourlyPolicy(
  hourly: { interval?: number; scheduleWindowDuration?: number } = {},
  instant = 14,
  retentionTime = WINDOW,
): ProtectionPolicyResource {
  return {
    properties: {
      backupManagementType: 'AzureIaasVM',
      policyType: 'V2',
      schedulePolicy: {
        schedulePolicyType: 'SimpleSchedulePolicyV2',
        scheduleRunFrequency: 'Hourly',
        hourlySchedule: { interval: 4, scheduleWindowStartTime: WINDOW, scheduleWindowDuration: 16, ...hourly },
      },
      retentionPolicy: {
        retentionPolicyType: 'LongTermRetentionPolicy',
        dailySchedule: { retentionTimes: [retentionTime], retentionDuration: { count: 30, durationType: 'Days' } },
      },
      instantRpRetentionRangeInDays: instant,
      timeZone: 'UTC',
    } as AzureIaaSVMProtectionPolicy,
  };
}

describe('backup policies', () => {
  let c: SandboxClients;
  useTestSandbox({}, (f) => ({ c } = f));

  it('lists built-in policies, filtered by backupManagementType, with protectedItemsCount', async () => {
    const vm = await collect(
      c.backup.backupPolicies.list(VAULT, RG, { filter: "backupManagementType eq 'AzureIaasVM'" }),
    );
    assert.deepEqual(vm.map((p) => p.name).sort(), ['DefaultPolicy', 'EnhancedPolicy']);
    const def = vm.find((p) => p.name === 'DefaultPolicy')?.properties as AzureIaaSVMProtectionPolicy;
    assert.equal(def.protectedItemsCount, 1);
    assert.equal(def.policyType, 'V1');
    assert.ok(
      def.schedulePolicy &&
        'scheduleRunTimes' in def.schedulePolicy &&
        def.schedulePolicy.scheduleRunTimes?.[0] instanceof Date,
    );
    const enhanced = vm.find((p) => p.name === 'EnhancedPolicy')?.properties as AzureIaaSVMProtectionPolicy;
    assert.equal(enhanced.policyType, 'V2');
    const workload = await collect(
      c.backup.backupPolicies.list(VAULT, RG, { filter: "backupManagementType eq 'AzureWorkload'" }),
    );
    assert.deepEqual(
      workload.map((p) => p.name),
      ['HourlyLogBackup'],
    );
  });

  it('creates and updates a valid daily policy (200 with the body)', async () => {
    const created = await c.backup.protectionPolicies.createOrUpdate(VAULT, RG, 'Daily-14', dailyPolicy(14));
    assert.equal(created.name, 'Daily-14');
    assert.equal((created.properties as AzureIaaSVMProtectionPolicy).protectedItemsCount, 0);
    const updated = await c.backup.protectionPolicies.createOrUpdate(VAULT, RG, 'daily-14', dailyPolicy(21));
    assert.equal(updated.name, 'Daily-14');
    const got = await c.backup.protectionPolicies.get(VAULT, RG, 'DAILY-14');
    const retention = (got.properties as AzureIaaSVMProtectionPolicy).retentionPolicy;
    assert.ok(retention && 'dailySchedule' in retention);
    assert.equal(retention.dailySchedule?.retentionDuration?.count, 21);
  });

  it('rejects invalid policies with BMSUserErrorInvalidInput or BMSUserErrorPolicyRetentionInvalid', async () => {
    await assert.rejects(
      c.backup.protectionPolicies.createOrUpdate(VAULT, RG, 'short-retention', dailyPolicy(3)),
      isCode('BMSUserErrorPolicyRetentionInvalid', 400),
    );
    await assert.rejects(
      c.backup.protectionPolicies.createOrUpdate(VAULT, RG, 'too-long', dailyPolicy(10_000)),
      isCode('BMSUserErrorPolicyRetentionInvalid', 400),
    );
    await assert.rejects(
      c.backup.protectionPolicies.createOrUpdate(
        VAULT,
        RG,
        'time-mismatch',
        dailyPolicy(30, 2, new Date('2024-01-01T05:00:00Z')),
      ),
      isCode('BMSUserErrorPolicyRetentionInvalid', 400),
    );
    await assert.rejects(
      c.backup.protectionPolicies.createOrUpdate(VAULT, RG, 'instant-too-long', dailyPolicy(30, 9)),
      isCode('BMSUserErrorInvalidInput', 400),
    );
    await assert.rejects(
      c.backup.protectionPolicies.createOrUpdate(VAULT, RG, '9-bad-name', dailyPolicy(30)),
      isCode('BMSUserErrorInvalidInput', 400),
    );
    await assert.rejects(
      c.backup.protectionPolicies.get(VAULT, RG, 'no-such-policy'),
      isCode('BMSUserErrorPolicyNotFound', 404),
    );
  });

  it('creates and updates an Enhanced hourly policy, answering in the V2 shape', async () => {
    const created = await c.backup.protectionPolicies.createOrUpdate(VAULT, RG, 'Hourly-4', hourlyPolicy());
    const props = created.properties as AzureIaaSVMProtectionPolicy;
    assert.equal(props.policyType, 'V2');
    assert.equal(props.instantRpRetentionRangeInDays, 14);
    assert.deepEqual(props.schedulePolicy, {
      schedulePolicyType: 'SimpleSchedulePolicyV2',
      scheduleRunFrequency: 'Hourly',
      hourlySchedule: { interval: 4, scheduleWindowStartTime: WINDOW, scheduleWindowDuration: 16 },
    });
    await c.backup.protectionPolicies.createOrUpdate(
      VAULT,
      RG,
      'hourly-4',
      hourlyPolicy({ interval: 8, scheduleWindowDuration: 24 }, 30),
    );
    const got = (await c.backup.protectionPolicies.get(VAULT, RG, 'Hourly-4'))
      .properties as AzureIaaSVMProtectionPolicy;
    assert.equal(got.instantRpRetentionRangeInDays, 30);
    assert.deepEqual(
      got.schedulePolicy && 'hourlySchedule' in got.schedulePolicy ? got.schedulePolicy.hourlySchedule : undefined,
      { interval: 8, scheduleWindowStartTime: WINDOW, scheduleWindowDuration: 24 },
    );
  });

  it("refuses an Enhanced policy outside the service's limits", async () => {
    const refusals: [string, ProtectionPolicyResource, string][] = [
      ['interval-5', hourlyPolicy({ interval: 5 }), 'BMSUserErrorInvalidInput'],
      ['window-3', hourlyPolicy({ scheduleWindowDuration: 3 }), 'BMSUserErrorInvalidInput'],
      ['window-25', hourlyPolicy({ scheduleWindowDuration: 25 }), 'BMSUserErrorInvalidInput'],
      ['instant-31', hourlyPolicy({}, 31), 'BMSUserErrorInvalidInput'],
      // Points are kept at the window's start, as a daily schedule's at its run time.
      ['retention-time', hourlyPolicy({}, 14, new Date('2024-01-01T09:00:00Z')), 'BMSUserErrorPolicyRetentionInvalid'],
    ];
    for (const [name, body, code] of refusals)
      await assert.rejects(c.backup.protectionPolicies.createOrUpdate(VAULT, RG, name, body), isCode(code, 400), name);
    const standardHourly = dailyPolicy(30);
    Object.assign(standardHourly.properties as AzureIaaSVMProtectionPolicy, { policyType: 'V2' });
    await assert.rejects(
      c.backup.protectionPolicies.createOrUpdate(VAULT, RG, 'v2-with-v1-schedule', standardHourly),
      isCode('BMSUserErrorInvalidInput', 400),
    );
  });

  it('deletes an unused policy (200, then 204 when absent, as the swagger declares); refuses one in use with BMSUserErrorPolicyObjectInUse', async () => {
    const capture = headerCapture();
    await c.backup.protectionPolicies.beginDeleteAndWait(VAULT, RG, 'Daily-14', {
      updateIntervalInMs: 10,
      onResponse: capture.onResponse,
    });
    assert.equal(capture.status(), 200);
    await c.backup.protectionPolicies.beginDeleteAndWait(VAULT, RG, 'Daily-14', {
      updateIntervalInMs: 10,
      onResponse: capture.onResponse,
    });
    assert.equal(capture.status(), 204);
    await assert.rejects(
      c.backup.protectionPolicies.get(VAULT, RG, 'Daily-14'),
      isCode('BMSUserErrorPolicyNotFound', 404),
    );
    await assert.rejects(
      c.backup.protectionPolicies.beginDeleteAndWait(VAULT, RG, 'DefaultPolicy', { updateIntervalInMs: 10 }),
      isCode('BMSUserErrorPolicyObjectInUse', 400),
    );
    assert.equal((await c.backup.protectionPolicies.get(VAULT, RG, 'DefaultPolicy')).name, 'DefaultPolicy');
  });
});
