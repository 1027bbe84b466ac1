// Protection policy (backup SDK) ↔ domain Policy / PolicyInput. Only VM policies (AzureIaasVM) carry a
// schedule and retention here; other workloads are listed with their type only.
import type {
  AzureIaaSVMProtectionPolicy,
  LongTermRetentionPolicy,
  ProtectionPolicyResource,
  SimpleSchedulePolicy,
  SimpleSchedulePolicyV2,
} from '@azure/arm-recoveryservicesbackup';
import { idSegments } from '../ids';
import type { DayOfWeek, HourlySchedule, Policy, PolicyInput, PolicyRetention, PolicySchedule } from '../model';

export function toPolicy(resource: ProtectionPolicyResource): Policy {
  const id = resource.id ?? '';
  const seg = idSegments(id);
  const vaultId = id.replace(/\/backupPolicies\/[^/]*$/i, '');
  const props = resource.properties;
  const base: Policy = {
    id,
    name: resource.name ?? seg.get('backuppolicies') ?? '',
    vaultId,
    backupManagementType: props?.backupManagementType ?? 'Unknown',
    policyType: 'Unknown',
    protectedItemsCount: props?.protectedItemsCount ?? 0,
  };
  if (props?.backupManagementType !== 'AzureIaasVM') {
    const workloadType = (props as { workLoadType?: string } | undefined)?.workLoadType;
    return workloadType ? { ...base, workloadType } : base;
  }
  const vm = props as AzureIaaSVMProtectionPolicy;
  const hourly = toHourly(vm.schedulePolicy);
  return {
    ...base,
    policyType: vm.policyType === 'V1' || vm.policyType === 'V2' ? vm.policyType : 'V1',
    schedule: toSchedule(vm.schedulePolicy),
    ...(hourly ? { hourly } : {}),
    retention:
      vm.retentionPolicy?.retentionPolicyType === 'LongTermRetentionPolicy'
        ? toRetention(vm.retentionPolicy as LongTermRetentionPolicy)
        : undefined,
    instantRestoreDays: vm.instantRpRetentionRangeInDays,
    timeZone: vm.timeZone,
  };
}

function toSchedule(schedule: AzureIaaSVMProtectionPolicy['schedulePolicy']): PolicySchedule | undefined {
  if (schedule?.schedulePolicyType === 'SimpleSchedulePolicy') {
    const s = schedule as SimpleSchedulePolicy;
    return scheduleOf(s.scheduleRunFrequency, s.scheduleRunTimes?.[0], s.scheduleRunDays);
  }
  if (schedule?.schedulePolicyType === 'SimpleSchedulePolicyV2') {
    const s = schedule as SimpleSchedulePolicyV2;
    if (s.scheduleRunFrequency === 'Weekly') {
      return scheduleOf('Weekly', s.weeklySchedule?.scheduleRunTimes?.[0], s.weeklySchedule?.scheduleRunDays);
    }
    if (s.scheduleRunFrequency === 'Daily') {
      return scheduleOf('Daily', s.dailySchedule?.scheduleRunTimes?.[0], undefined);
    }
  }
  return undefined; // hourly (enhanced) schedules are shown as-is by the portal; not edited here
}

function toHourly(schedule: AzureIaaSVMProtectionPolicy['schedulePolicy']): HourlySchedule | undefined {
  if (schedule?.schedulePolicyType !== 'SimpleSchedulePolicyV2') return undefined;
  const s = schedule as SimpleSchedulePolicyV2;
  const h = s.hourlySchedule;
  if (s.scheduleRunFrequency !== 'Hourly' || h?.interval === undefined) return undefined;
  return {
    intervalHours: h.interval,
    windowStart: h.scheduleWindowStartTime ? clockTime(h.scheduleWindowStartTime) : '00:00',
    windowHours: h.scheduleWindowDuration ?? 24,
  };
}

function scheduleOf(
  frequency: string | undefined,
  time: Date | undefined,
  days: string[] | undefined,
): PolicySchedule | undefined {
  if (frequency !== 'Daily' && frequency !== 'Weekly') {
    return undefined;
  }
  return {
    frequency,
    time: time ? clockTime(time) : '00:00',
    ...(frequency === 'Weekly' ? { days: (days ?? []) as DayOfWeek[] } : {}),
  };
}

function toRetention(r: LongTermRetentionPolicy): PolicyRetention {
  return {
    dailyDays: r.dailySchedule?.retentionDuration?.count,
    weeklyWeeks: r.weeklySchedule?.retentionDuration?.count,
    weeklyDays: r.weeklySchedule?.daysOfTheWeek as DayOfWeek[] | undefined,
    monthlyMonths: r.monthlySchedule?.retentionDuration?.count,
    yearlyYears: r.yearlySchedule?.retentionDuration?.count,
  };
}

/** 'HH:MM' of a schedule time. The service keeps only the time of day, in the policy's time zone. */
export function clockTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

/** A schedule time as the service wants it: an arbitrary date with the wanted time of day. */
export function scheduleDate(time: string): Date {
  const [h, m] = time.split(':').map(Number);
  return new Date(Date.UTC(2024, 0, 1, h, m));
}

/** The schedule in the service's shape: SimpleSchedulePolicy for Standard, SimpleSchedulePolicyV2 for Enhanced. */
function toSchedulePolicy(input: PolicyInput, at: Date[]): SimpleSchedulePolicy | SimpleSchedulePolicyV2 {
  const s = input.schedule;
  if (input.policyType !== 'V2') {
    return {
      schedulePolicyType: 'SimpleSchedulePolicy',
      scheduleRunFrequency: s.frequency,
      scheduleRunTimes: at,
      ...(s.frequency === 'Weekly' ? { scheduleRunDays: s.days ?? [] } : {}),
    };
  }
  const base = { schedulePolicyType: 'SimpleSchedulePolicyV2' as const, scheduleRunFrequency: s.frequency };
  if (s.frequency === 'Hourly') {
    return {
      ...base,
      hourlySchedule: {
        interval: s.intervalHours,
        scheduleWindowStartTime: at[0],
        scheduleWindowDuration: s.windowHours,
      },
    };
  }
  if (s.frequency === 'Weekly')
    return { ...base, weeklySchedule: { scheduleRunDays: s.days ?? [], scheduleRunTimes: at } };
  return { ...base, dailySchedule: { scheduleRunTimes: at } };
}

/**
 * A VM policy from the form's input: Standard (V1) or Enhanced (V2). Monthly and yearly points follow the schedule's
 * own days; an hourly schedule's points are kept at its window's start, as the service expects.
 */
export function toPolicyResource(input: PolicyInput): ProtectionPolicyResource {
  const s = input.schedule;
  const at = [scheduleDate(s.frequency === 'Hourly' ? s.windowStart : s.time)];
  const weekly = s.frequency === 'Weekly';
  const runDays = weekly ? (s.days ?? []) : undefined;
  const r = input.retention;
  // Weekly schedules can only keep monthly/yearly points on a run day: use the weekly format then.
  const dayFormat = weekly
    ? {
        retentionScheduleFormatType: 'Weekly' as const,
        retentionScheduleWeekly: { daysOfTheWeek: runDays?.slice(0, 1), weeksOfTheMonth: ['First' as const] },
      }
    : {
        retentionScheduleFormatType: 'Daily' as const,
        retentionScheduleDaily: { daysOfTheMonth: [{ date: 1, isLast: false }] },
      };
  const retention: LongTermRetentionPolicy = { retentionPolicyType: 'LongTermRetentionPolicy' };
  if (!weekly && r.dailyDays) {
    retention.dailySchedule = { retentionTimes: at, retentionDuration: { count: r.dailyDays, durationType: 'Days' } };
  }
  if (r.weeklyWeeks) {
    retention.weeklySchedule = {
      daysOfTheWeek: weekly ? runDays : (r.weeklyDays ?? ['Sunday']),
      retentionTimes: at,
      retentionDuration: { count: r.weeklyWeeks, durationType: 'Weeks' },
    };
  }
  if (r.monthlyMonths) {
    retention.monthlySchedule = {
      ...dayFormat,
      retentionTimes: at,
      retentionDuration: { count: r.monthlyMonths, durationType: 'Months' },
    };
  }
  if (r.yearlyYears) {
    retention.yearlySchedule = {
      ...dayFormat,
      monthsOfYear: ['January'],
      retentionTimes: at,
      retentionDuration: { count: r.yearlyYears, durationType: 'Years' },
    };
  }
  const policy: AzureIaaSVMProtectionPolicy = {
    backupManagementType: 'AzureIaasVM',
    policyType: input.policyType === 'V2' ? 'V2' : 'V1',
    schedulePolicy: toSchedulePolicy(input, at),
    retentionPolicy: retention,
    instantRpRetentionRangeInDays: input.instantRestoreDays,
    timeZone: input.timeZone,
  };
  return { properties: policy };
}
