/** The policies every new vault starts with, as Azure creates them: DefaultPolicy, EnhancedPolicy, HourlyLogBackup. */
import type { PolicyRecord } from './model';

const RUN_TIME = '2024-01-01T02:30:00Z';

function longTermDaily(days: number, time: string): Record<string, unknown> {
  return {
    retentionPolicyType: 'LongTermRetentionPolicy',
    dailySchedule: { retentionTimes: [time], retentionDuration: { count: days, durationType: 'Days' } },
  };
}

export function defaultPolicies(vaultKey: string): PolicyRecord[] {
  return [
    {
      vaultKey,
      name: 'DefaultPolicy',
      properties: {
        backupManagementType: 'AzureIaasVM',
        policyType: 'V1',
        instantRPDetails: {},
        schedulePolicy: {
          schedulePolicyType: 'SimpleSchedulePolicy',
          scheduleRunFrequency: 'Daily',
          scheduleRunTimes: [RUN_TIME],
          scheduleWeeklyFrequency: 0,
        },
        retentionPolicy: longTermDaily(30, RUN_TIME),
        instantRpRetentionRangeInDays: 2,
        timeZone: 'UTC',
      },
    },
    {
      vaultKey,
      name: 'EnhancedPolicy',
      properties: {
        backupManagementType: 'AzureIaasVM',
        policyType: 'V2',
        instantRPDetails: {},
        schedulePolicy: {
          schedulePolicyType: 'SimpleSchedulePolicyV2',
          scheduleRunFrequency: 'Hourly',
          hourlySchedule: { interval: 4, scheduleWindowStartTime: '2024-01-01T08:00:00Z', scheduleWindowDuration: 12 },
        },
        retentionPolicy: longTermDaily(30, '2024-01-01T08:00:00Z'),
        instantRpRetentionRangeInDays: 7,
        timeZone: 'UTC',
      },
    },
    {
      vaultKey,
      name: 'HourlyLogBackup',
      properties: {
        backupManagementType: 'AzureWorkload',
        workLoadType: 'SQLDataBase',
        settings: { timeZone: 'UTC', issqlcompression: false, isCompression: false },
        subProtectionPolicy: [
          {
            policyType: 'Full',
            schedulePolicy: {
              schedulePolicyType: 'SimpleSchedulePolicy',
              scheduleRunFrequency: 'Daily',
              scheduleRunTimes: [RUN_TIME],
              scheduleWeeklyFrequency: 0,
            },
            retentionPolicy: longTermDaily(30, RUN_TIME),
          },
          {
            policyType: 'Log',
            schedulePolicy: { schedulePolicyType: 'LogSchedulePolicy', scheduleFrequencyInMins: 60 },
            retentionPolicy: {
              retentionPolicyType: 'SimpleRetentionPolicy',
              retentionDuration: { count: 30, durationType: 'Days' },
            },
          },
        ],
        makePolicyConsistent: false,
      },
    },
  ];
}
