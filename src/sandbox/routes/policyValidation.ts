/**
 * Validation of VM backup policies, with the limits of AZURE-BACKUP-API.md section 5:
 * structure errors → 400 BMSUserErrorInvalidInput, retention errors → 400 BMSUserErrorPolicyRetentionInvalid.
 */
import { errors } from '../http/errors';
import { arr, num, obj, str, type JsonObject } from '../state/json';
import { DAY_MS } from '../state/timings';

export const POLICY_NAME = /^[A-Za-z][-A-Za-z0-9]{1,148}[A-Za-z0-9]$/;

const RETENTION_LIMITS: Record<string, [string, number, number]> = {
  dailySchedule: ['Days', 7, 9999],
  weeklySchedule: ['Weeks', 1, 5163],
  monthlySchedule: ['Months', 1, 1188],
  yearlySchedule: ['Years', 1, 99],
};

function timeOfDay(value: unknown, field: string): number {
  const s = str(value);
  const t = s ? Date.parse(s) : NaN;
  if (Number.isNaN(t)) throw errors.invalidInput(`${field} must be a date-time`);
  return t % DAY_MS;
}

function singleRunTime(list: unknown, field: string): number {
  const times = arr(list);
  if (!times || times.length !== 1) throw errors.invalidInput(`${field} must hold exactly one time`);
  return timeOfDay(times[0], field);
}

/** The schedule's run time of day (an hourly schedule's window start), which the retention times must match. */
function validateSchedule(schedule: JsonObject | undefined, v2: boolean): { runTime: number; weekly: boolean } {
  if (!schedule) throw errors.invalidInput('schedulePolicy is required');
  const type = schedule.schedulePolicyType;
  if (type !== (v2 ? 'SimpleSchedulePolicyV2' : 'SimpleSchedulePolicy')) {
    throw errors.invalidInput(`schedulePolicyType '${String(type)}' does not match policyType ${v2 ? 'V2' : 'V1'}`);
  }
  const freq = str(schedule.scheduleRunFrequency);
  if (!v2) {
    if (freq !== 'Daily' && freq !== 'Weekly')
      throw errors.invalidInput(
        `scheduleRunFrequency '${String(freq)}' is not valid for a V1 policy (Daily or Weekly)`,
      );
    if (freq === 'Weekly' && !arr(schedule.scheduleRunDays)?.length)
      throw errors.invalidInput('scheduleRunDays is required for a weekly schedule');
    return { runTime: singleRunTime(schedule.scheduleRunTimes, 'scheduleRunTimes'), weekly: freq === 'Weekly' };
  }
  if (freq === 'Hourly') {
    const h = obj(schedule.hourlySchedule);
    if (![4, 6, 8, 12].includes(num(h?.interval) ?? 0))
      throw errors.invalidInput('hourlySchedule.interval must be 4, 6, 8 or 12');
    const windowStart = timeOfDay(h?.scheduleWindowStartTime, 'hourlySchedule.scheduleWindowStartTime');
    const duration = num(h?.scheduleWindowDuration) ?? 0;
    if (!Number.isInteger(duration) || duration < 4 || duration > 24)
      throw errors.invalidInput('hourlySchedule.scheduleWindowDuration must be 4..24 hours');
    return { runTime: windowStart, weekly: false };
  }
  if (freq === 'Daily')
    return {
      runTime: singleRunTime(obj(schedule.dailySchedule)?.scheduleRunTimes, 'dailySchedule.scheduleRunTimes'),
      weekly: false,
    };
  if (freq === 'Weekly') {
    const w = obj(schedule.weeklySchedule);
    if (!arr(w?.scheduleRunDays)?.length) throw errors.invalidInput('weeklySchedule.scheduleRunDays is required');
    return { runTime: singleRunTime(w?.scheduleRunTimes, 'weeklySchedule.scheduleRunTimes'), weekly: true };
  }
  throw errors.invalidInput(`scheduleRunFrequency '${String(freq)}' is not valid (Hourly, Daily or Weekly)`);
}

function validateRetention(retention: JsonObject | undefined, schedule: { runTime: number; weekly: boolean }): void {
  if (!retention) throw errors.retentionInvalid('retentionPolicy is required');
  if (retention.retentionPolicyType !== 'LongTermRetentionPolicy')
    throw errors.retentionInvalid(
      `retentionPolicyType '${String(retention.retentionPolicyType)}' is not supported for Azure VMs`,
    );
  let rules = 0;
  for (const [field, [unit, min, max]] of Object.entries(RETENTION_LIMITS)) {
    const rule = obj(retention[field]);
    if (!rule) continue;
    rules++;
    const d = obj(rule.retentionDuration);
    const count = num(d?.count);
    if (count === undefined || !Number.isInteger(count) || count < min || count > max || d?.durationType !== unit) {
      throw errors.retentionInvalid(`${field}.retentionDuration must be ${min}..${max} ${unit}`);
    }
    const times = arr(rule.retentionTimes);
    if (times && times.some((t) => timeOfDay(t, `${field}.retentionTimes`) !== schedule.runTime)) {
      throw errors.retentionInvalid(`${field}.retentionTimes must equal the schedule run time`);
    }
  }
  if (rules === 0) throw errors.retentionInvalid('at least one retention rule is required');
  if (!schedule.weekly && !obj(retention.dailySchedule))
    throw errors.retentionInvalid('a daily or hourly schedule needs a daily retention rule');
  if (schedule.weekly && obj(retention.dailySchedule))
    throw errors.retentionInvalid('a weekly schedule cannot have a daily retention rule');
}

/** Validates a policy PUT body's properties; returns the properties to store. */
export function validatePolicy(name: string, body: unknown): JsonObject {
  if (!POLICY_NAME.test(name))
    throw errors.invalidInput(
      `policy name '${name}' must be 3-150 characters, start with a letter, and contain only letters, digits and hyphens`,
    );
  const props = obj(obj(body)?.properties);
  if (!props) throw errors.invalidInput('properties are required');
  if (props.backupManagementType !== 'AzureIaasVM') {
    throw errors.invalidInput(
      `backupManagementType '${String(props.backupManagementType)}' is not supported by the sandbox (AzureIaasVM)`,
    );
  }
  const policyType = str(props.policyType) ?? 'V1';
  if (policyType !== 'V1' && policyType !== 'V2') throw errors.invalidInput(`policyType '${policyType}' is invalid`);
  const v2 = policyType === 'V2';
  const schedule = validateSchedule(obj(props.schedulePolicy), v2);
  validateRetention(obj(props.retentionPolicy), schedule);
  const instant = num(props.instantRpRetentionRangeInDays) ?? (v2 ? 7 : 2);
  if (
    !Number.isInteger(instant) ||
    instant < 1 ||
    instant > (v2 ? 30 : 5) ||
    (!v2 && schedule.weekly && instant !== 5)
  ) {
    throw errors.invalidInput(
      `instantRpRetentionRangeInDays ${instant} is out of range (${v2 ? '1-30' : schedule.weekly ? '5 for weekly' : '1-5'})`,
    );
  }
  const stored: JsonObject = {
    ...props,
    policyType,
    instantRpRetentionRangeInDays: instant,
    timeZone: str(props.timeZone) ?? 'UTC',
    instantRPDetails: obj(props.instantRPDetails) ?? {},
  };
  delete stored.protectedItemsCount;
  return stored;
}
