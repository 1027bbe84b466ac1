/** When a VM policy runs next, and how long its scheduled recovery points are kept. */
import { arr, num, obj, str, type JsonObject } from './json';
import { DAY_MS, TIMINGS } from './timings';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Milliseconds after midnight UTC of an ISO date-time (only the time of day matters in schedules). */
function timeOfDay(value: unknown): number | undefined {
  const s = str(value);
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t % DAY_MS;
}

function startOfDay(t: number): number {
  return t - (t % DAY_MS);
}

/** The first of `times` (per day, on allowed weekdays) strictly after `after`. */
function nextDaily(after: number, times: number[], days?: Set<number>): number | undefined {
  if (times.length === 0) return undefined;
  for (let d = 0; d < 8; d++) {
    const day = startOfDay(after) + d * DAY_MS;
    if (days && !days.has(new Date(day).getUTCDay())) continue;
    for (const tod of [...times].sort((a, b) => a - b)) if (day + tod > after) return day + tod;
  }
  return undefined;
}

function weekdaySet(v: unknown): Set<number> | undefined {
  const list = arr(v);
  if (!list) return undefined;
  return new Set(list.map((d) => WEEKDAYS.indexOf(String(d))).filter((i) => i >= 0));
}

function runTimes(v: unknown): number[] {
  return (arr(v) ?? []).map(timeOfDay).filter((t): t is number => t !== undefined);
}

export function nextScheduledRun(policy: JsonObject, after: number): number | undefined {
  if (policy.backupManagementType !== 'AzureIaasVM') return undefined;
  const s = obj(policy.schedulePolicy);
  if (!s) return undefined;
  const freq = s.scheduleRunFrequency;
  if (s.schedulePolicyType === 'SimpleSchedulePolicy') {
    const times = runTimes(s.scheduleRunTimes);
    return freq === 'Weekly' ? nextDaily(after, times, weekdaySet(s.scheduleRunDays)) : nextDaily(after, times);
  }
  if (freq === 'Hourly') {
    const h = obj(s.hourlySchedule);
    const interval = num(h?.interval) ?? 4;
    const start = timeOfDay(h?.scheduleWindowStartTime) ?? 0;
    const duration = num(h?.scheduleWindowDuration) ?? 24;
    const times: number[] = [];
    for (let o = 0; o < duration; o += interval) times.push((start + o * 3600e3) % DAY_MS);
    return nextDaily(after, times);
  }
  if (freq === 'Weekly') {
    const w = obj(s.weeklySchedule);
    return nextDaily(after, runTimes(w?.scheduleRunTimes), weekdaySet(w?.scheduleRunDays));
  }
  return nextDaily(after, runTimes(obj(s.dailySchedule)?.scheduleRunTimes));
}

/** Retention of a scheduled recovery point: the daily rule, else weekly, else the default. */
export function scheduledRetentionMs(policy: JsonObject): number {
  const r = obj(policy.retentionPolicy);
  const daily = num(obj(obj(r?.dailySchedule)?.retentionDuration)?.count);
  if (daily) return daily * DAY_MS;
  const weekly = num(obj(obj(r?.weeklySchedule)?.retentionDuration)?.count);
  if (weekly) return weekly * 7 * DAY_MS;
  return TIMINGS.defaultBackupRetentionDays * DAY_MS;
}
