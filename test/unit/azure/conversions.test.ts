import * as assert from 'node:assert/strict';
import type {
  AzureIaaSVMProtectionPolicy,
  LongTermRetentionPolicy,
  ProtectedItemResource,
} from '@azure/arm-recoveryservicesbackup';
import { toBackupItem } from '../../../src/azure/convert/items';
import { toBackupJob } from '../../../src/azure/convert/jobs';
import { clockTime, toPolicy, toPolicyResource } from '../../../src/azure/convert/policies';
import { formatFilterDate, meaningfulDate, parseIsoDuration } from '../../../src/azure/convert/time';
import { jobFilterString } from '../../../src/azure/operations/jobs';
import { operationIdFromUrl } from '../../../src/azure/ids';
import { parseRetryAfter } from '../../../src/azure/polling';

const VAULT = '/subscriptions/s1/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/vault1';

describe('conversions', () => {
  it('parses ISO-8601 durations of the service', () => {
    assert.equal(parseIsoDuration('PT4M8.8931801S'), 248_893);
    assert.equal(parseIsoDuration('PT0S'), 0);
    assert.equal(parseIsoDuration('P1DT2H'), 26 * 3600_000);
    assert.equal(parseIsoDuration('PT1H30M'), 90 * 60_000);
    assert.equal(parseIsoDuration('garbage'), undefined);
    assert.equal(parseIsoDuration('PT'), undefined);
    assert.equal(parseIsoDuration(undefined), undefined);
  });

  it('maps the 2001-01-01 sentinel and year 1 to undefined', () => {
    assert.equal(meaningfulDate(new Date('2001-01-01T00:00:00Z')), undefined);
    assert.equal(meaningfulDate('0001-01-01T00:00:00'), undefined);
    assert.equal(meaningfulDate('not a date'), undefined);
    assert.equal(meaningfulDate('2024-05-01T10:00:00Z')?.toISOString(), '2024-05-01T10:00:00.000Z');
  });

  it('formats filter dates as yyyy-MM-dd hh:mm:ss tt in UTC', () => {
    assert.equal(formatFilterDate(new Date('2024-01-01T00:00:00Z')), '2024-01-01 12:00:00 AM');
    assert.equal(formatFilterDate(new Date('2024-01-01T12:05:09Z')), '2024-01-01 12:05:09 PM');
    assert.equal(formatFilterDate(new Date('2024-11-30T23:59:59Z')), '2024-11-30 11:59:59 PM');
    assert.equal(formatFilterDate(new Date('2024-03-04T09:00:00Z')), '2024-03-04 09:00:00 AM');
  });

  it('builds the job filter with sorted keys and quoted values', () => {
    assert.equal(jobFilterString({}), undefined);
    assert.equal(
      jobFilterString({
        status: 'InProgress',
        operation: 'Backup',
        startTime: new Date('2024-01-01T00:00:00Z'),
        endTime: new Date('2024-01-31T13:00:00Z'),
      }),
      "endTime eq '2024-01-31 01:00:00 PM' and operation eq 'Backup' and startTime eq '2024-01-01 12:00:00 AM' and status eq 'InProgress'",
    );
  });

  it('takes the operation id from an async-operation URL', () => {
    assert.equal(operationIdFromUrl(`https://x${VAULT}/backupOperations/abc-123?api-version=2023-06-01`), 'abc-123');
    assert.equal(operationIdFromUrl(`${VAULT}/backupFabrics/Azure/operationResults/op%201`), 'op 1');
    assert.equal(operationIdFromUrl(undefined), undefined);
  });

  it('reads Retry-After as seconds or an HTTP date, ignoring zero', () => {
    assert.equal(parseRetryAfter('2'), 2000);
    assert.equal(parseRetryAfter('0'), undefined);
    assert.equal(parseRetryAfter(new Date(10_000 + 3000).toUTCString(), 10_000), 3000);
    assert.equal(parseRetryAfter(undefined), undefined);
  });

  it('maps a VM backup item, with the IRPending sentinel as "initial backup pending"', () => {
    const resource: ProtectedItemResource = {
      id: `${VAULT}/backupFabrics/Azure/protectionContainers/IaasVMContainer;iaasvmcontainerv2;rg1;vm1/protectedItems/VM;iaasvmcontainerv2;rg1;vm1`,
      name: 'VM;iaasvmcontainerv2;rg1;vm1',
      properties: {
        protectedItemType: 'Microsoft.Compute/virtualMachines',
        sourceResourceId: '/subscriptions/s1/resourceGroups/RG1/providers/Microsoft.Compute/virtualMachines/VM1',
        protectionState: 'IRPending',
        lastBackupStatus: '',
        policyId: `${VAULT}/backupPolicies/DefaultPolicy`,
        containerName: 'iaasvmcontainerv2;rg1;vm1',
      },
    };
    (resource.properties as unknown as Record<string, unknown>).lastBackupTime = new Date('2001-01-01T00:00:00Z');
    (resource.properties as unknown as Record<string, unknown>).healthStatus = 'Passed';
    const item = toBackupItem(resource);
    assert.ok(item);
    assert.equal(item.initialBackupPending, true);
    assert.equal(item.lastBackupTime, undefined);
    assert.equal(item.policyName, 'DefaultPolicy');
    assert.equal(item.vaultName, 'vault1');
    assert.equal(item.vaultResourceGroup, 'rg-backup');
    assert.equal(item.containerName, 'IaasVMContainer;iaasvmcontainerv2;rg1;vm1');
    assert.equal(item.healthStatus, 'Passed');
    assert.equal(toBackupItem({ properties: { protectedItemType: 'AzureFileShareProtectedItem' } }), undefined);
  });

  it("dates a soft-deleted item's purge its retention after the delete, not at the delete", () => {
    const soft = (props: Record<string, unknown>) =>
      toBackupItem({
        id: `${VAULT}/backupFabrics/Azure/protectionContainers/IaasVMContainer;iaasvmcontainerv2;rg1;vm1/protectedItems/VM;iaasvmcontainerv2;rg1;vm1`,
        properties: {
          protectedItemType: 'Microsoft.Compute/virtualMachines',
          protectionState: 'ProtectionStopped',
          isScheduledForDeferredDelete: true,
          ...props,
        },
      });
    const item = soft({
      deferredDeleteTimeInUTC: '2026-12-03T10:00:00Z',
      softDeleteRetentionPeriodInDays: 14,
      deferredDeleteTimeRemaining: '13.23:00:00',
    });
    assert.equal(item?.softDeleted, true);
    assert.equal(item?.deferredDeleteTime?.toISOString(), '2026-12-03T10:00:00.000Z');
    assert.equal(item?.purgeTime?.toISOString(), '2026-12-17T10:00:00.000Z');
    // Without the retention, the time the service says remains, from when it was read.
    const before = Date.now();
    const fromRemaining =
      soft({
        deferredDeleteTimeInUTC: '2026-12-03T10:00:00Z',
        deferredDeleteTimeRemaining: '2.01:00:30',
      })?.purgeTime?.getTime() ?? 0;
    const span = ((2 * 24 + 1) * 3600 + 30) * 1000;
    assert.ok(fromRemaining >= before + span && fromRemaining <= Date.now() + span, String(fromRemaining));
    assert.equal(soft({})?.purgeTime, undefined, 'no date is made up');
  });

  it('maps a job: numeric actionsInfo means cancellable, duration parsed, error taken from errorDetails', () => {
    const job = toBackupJob({
      id: `${VAULT}/backupJobs/1111`,
      name: '1111',
      properties: {
        jobType: 'AzureIaaSVMJob',
        operation: 'Backup',
        status: 'Failed',
        entityFriendlyName: 'vm1',
        duration: 'PT1M',
        actionsInfo: [1 as unknown as 'Cancellable'],
        errorDetails: [
          {
            errorCode: 400,
            errorTitle: 'UserErrorBackupOperationInProgress',
            errorString: 'Another backup is running',
          } as never,
        ],
        extendedInfo: {
          progressPercentage: 40,
          tasksList: [{ taskId: 'Take Snapshot', status: 'Completed' }],
          propertyBag: { 'VM Name': 'vm1' },
        },
      },
    });
    assert.equal(job.cancellable, true);
    assert.equal(job.durationMs, 60_000);
    assert.equal(job.status, 'Failed');
    assert.equal(job.errorCode, 'UserErrorBackupOperationInProgress');
    assert.equal(job.errorMessage, 'Another backup is running');
    assert.equal(job.tasks?.[0].name, 'Take Snapshot');
    assert.equal(job.properties?.['VM Name'], 'vm1');
    assert.equal(job.vaultName, 'vault1');
  });

  it('turns a policy input into the service shape and back', () => {
    const resource = toPolicyResource({
      name: 'weekly',
      schedule: { frequency: 'Weekly', time: '22:30', days: ['Saturday', 'Sunday'] },
      timeZone: 'UTC',
      instantRestoreDays: 5,
      retention: { weeklyWeeks: 12, monthlyMonths: 6, yearlyYears: 2 },
    });
    const back = toPolicy({ ...resource, id: `${VAULT}/backupPolicies/weekly`, name: 'weekly' });
    assert.equal(back.vaultId, VAULT);
    assert.equal(back.policyType, 'V1');
    assert.deepEqual(back.schedule, { frequency: 'Weekly', time: '22:30', days: ['Saturday', 'Sunday'] });
    assert.equal(back.retention?.weeklyWeeks, 12);
    assert.deepEqual(back.retention?.weeklyDays, ['Saturday', 'Sunday']);
    assert.equal(back.retention?.monthlyMonths, 6);
    assert.equal(back.retention?.yearlyYears, 2);
    assert.equal(back.retention?.dailyDays, undefined);
    assert.equal(clockTime(new Date('2024-01-01T02:00:00Z')), '02:00');
  });

  it('sends an Enhanced hourly policy in the V2 shape, its points kept at the window start, and reads it back', () => {
    const resource = toPolicyResource({
      name: 'hourly',
      policyType: 'V2',
      schedule: { frequency: 'Hourly', intervalHours: 6, windowStart: '07:30', windowHours: 18 },
      timeZone: 'UTC',
      instantRestoreDays: 14,
      retention: { dailyDays: 30, weeklyWeeks: 4, weeklyDays: ['Sunday'] },
    });
    const props = resource.properties as AzureIaaSVMProtectionPolicy;
    assert.equal(props.policyType, 'V2');
    assert.deepEqual(props.schedulePolicy, {
      schedulePolicyType: 'SimpleSchedulePolicyV2',
      scheduleRunFrequency: 'Hourly',
      hourlySchedule: {
        interval: 6,
        scheduleWindowStartTime: new Date('2024-01-01T07:30:00Z'),
        scheduleWindowDuration: 18,
      },
    });
    const retention = props.retentionPolicy as LongTermRetentionPolicy;
    assert.deepEqual(retention.dailySchedule?.retentionTimes, [new Date('2024-01-01T07:30:00Z')]);
    assert.equal(props.instantRpRetentionRangeInDays, 14);
    const back = toPolicy({ ...resource, id: `${VAULT}/backupPolicies/hourly`, name: 'hourly' });
    assert.equal(back.policyType, 'V2');
    assert.deepEqual(back.hourly, { intervalHours: 6, windowStart: '07:30', windowHours: 18 });
    assert.equal(back.schedule, undefined);
  });

  it('sends Enhanced daily and weekly schedules in their V2 objects', () => {
    const base = { name: 'e', policyType: 'V2' as const, timeZone: 'UTC', instantRestoreDays: 7 };
    const daily = toPolicyResource({
      ...base,
      schedule: { frequency: 'Daily', time: '22:00' },
      retention: { dailyDays: 30 },
    });
    assert.deepEqual((daily.properties as AzureIaaSVMProtectionPolicy).schedulePolicy, {
      schedulePolicyType: 'SimpleSchedulePolicyV2',
      scheduleRunFrequency: 'Daily',
      dailySchedule: { scheduleRunTimes: [new Date('2024-01-01T22:00:00Z')] },
    });
    const weekly = toPolicyResource({
      ...base,
      schedule: { frequency: 'Weekly', time: '21:30', days: ['Friday'] },
      retention: { weeklyWeeks: 8 },
    });
    assert.deepEqual((weekly.properties as AzureIaaSVMProtectionPolicy).schedulePolicy, {
      schedulePolicyType: 'SimpleSchedulePolicyV2',
      scheduleRunFrequency: 'Weekly',
      weeklySchedule: { scheduleRunDays: ['Friday'], scheduleRunTimes: [new Date('2024-01-01T21:30:00Z')] },
    });
    const back = toPolicy({ ...weekly, id: `${VAULT}/backupPolicies/e`, name: 'e' });
    assert.deepEqual(
      [back.policyType, back.schedule],
      ['V2', { frequency: 'Weekly', time: '21:30', days: ['Friday'] }],
    );
  });
});
