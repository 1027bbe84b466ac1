// The Backup policy form (create, edit, view): its messages, payload check and strings (page: src/webview-ui/forms/policy.ts).
// Type-only, so the payload check loads without vscode; `npm run l10n` finds strings in files that import vscode.
import type * as vscode from 'vscode';
import type { DayOfWeek, PolicyInput } from '../../azure/model';
import { isObj, onlyKeys, str, typedInt, type Obj } from '../shape';
import { defineForm } from './contract';

export interface PolicyInit {
  vaultName: string;
  mode: 'create' | 'edit' | 'view';
  policy: PolicyInput;
  timeZones: string[];
  /** Create: the names of the vault's policies, any workload (a new policy may not take one, in any case). */
  takenNames?: string[];
  /** Edit: how many items the policy protects (its changes apply to them all). */
  protectedItems?: number;
}
export type PolicySubmit = PolicyInput;

const days: readonly DayOfWeek[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function optionalInt(o: Obj, key: string): { ok: boolean; value?: number } {
  if (o[key] === undefined) return { ok: true };
  const value = typedInt(o[key]);
  return { ok: value !== undefined, value };
}

function dayList(v: unknown): DayOfWeek[] | undefined {
  if (!Array.isArray(v) || v.length > 7) return undefined;
  const out = v.filter((d): d is DayOfWeek => typeof d === 'string' && (days as readonly string[]).includes(d));
  return out.length === v.length ? out : undefined;
}

/** An hourly schedule's fields, each of its type (their ranges are the rules' to judge). */
function parseHourly(s: Obj): PolicyInput['schedule'] | undefined {
  if (!onlyKeys(s, ['frequency', 'intervalHours', 'windowStart', 'windowHours'])) return undefined;
  const intervalHours = typedInt(s.intervalHours);
  const windowStart = str(s.windowStart);
  const windowHours = typedInt(s.windowHours);
  if (intervalHours === undefined || windowStart === undefined || windowHours === undefined) return undefined;
  return { frequency: 'Hourly', intervalHours, windowStart, windowHours };
}

function parseSchedule(s: unknown): PolicyInput['schedule'] | undefined {
  if (!isObj(s)) return undefined;
  if (s.frequency === 'Hourly') return parseHourly(s);
  if (!onlyKeys(s, ['frequency', 'time', 'days']) || (s.frequency !== 'Daily' && s.frequency !== 'Weekly'))
    return undefined;
  const time = str(s.time);
  const days = s.days === undefined ? undefined : dayList(s.days);
  if (time === undefined || (s.days !== undefined && days === undefined)) return undefined;
  return { frequency: s.frequency, time, ...(days ? { days } : {}) };
}

export function parsePolicyInput(p: unknown): PolicyInput | undefined {
  const keys = ['name', 'policyType', 'schedule', 'timeZone', 'instantRestoreDays', 'retention'];
  if (!isObj(p) || !onlyKeys(p, keys)) return undefined;
  const name = str(p.name);
  const timeZone = str(p.timeZone, 100, 1);
  const instantRestoreDays = typedInt(p.instantRestoreDays);
  const schedule = parseSchedule(p.schedule);
  const r = p.retention;
  if (name === undefined || timeZone === undefined || instantRestoreDays === undefined || !schedule || !isObj(r))
    return undefined;
  if (p.policyType !== undefined && p.policyType !== 'V1' && p.policyType !== 'V2') return undefined;
  if (!onlyKeys(r, ['dailyDays', 'weeklyWeeks', 'weeklyDays', 'monthlyMonths', 'yearlyYears'])) return undefined;
  const daily = optionalInt(r, 'dailyDays');
  const weekly = optionalInt(r, 'weeklyWeeks');
  const monthly = optionalInt(r, 'monthlyMonths');
  const yearly = optionalInt(r, 'yearlyYears');
  const weeklyDays = r.weeklyDays === undefined ? undefined : dayList(r.weeklyDays);
  if (!daily.ok || !weekly.ok || !monthly.ok || !yearly.ok || (r.weeklyDays !== undefined && weeklyDays === undefined))
    return undefined;
  return {
    name,
    ...(p.policyType !== undefined ? { policyType: p.policyType } : {}),
    timeZone,
    instantRestoreDays,
    schedule,
    retention: {
      ...(daily.value !== undefined ? { dailyDays: daily.value } : {}),
      ...(weekly.value !== undefined ? { weeklyWeeks: weekly.value } : {}),
      ...(weeklyDays ? { weeklyDays } : {}),
      ...(monthly.value !== undefined ? { monthlyMonths: monthly.value } : {}),
      ...(yearly.value !== undefined ? { yearlyYears: yearly.value } : {}),
    },
  };
}

type L10n = Pick<typeof vscode, 'l10n'>;

export const policyForm = defineForm<PolicyInit, PolicySubmit>()({
  kind: 'policy',
  parseSubmit: parsePolicyInput,
  strings: (vscode: L10n) => ({
    submit: vscode.l10n.t('Save policy'),
    name: vscode.l10n.t('Policy name'),
    policyType: vscode.l10n.t('Policy type'),
    V1: vscode.l10n.t('Standard: once a day or week, instant restore up to 5 days'),
    V2: vscode.l10n.t('Enhanced: up to every 4 hours, instant restore up to 30 days'),
    frequency: vscode.l10n.t('Frequency'),
    Hourly: vscode.l10n.t('Hourly'),
    Daily: vscode.l10n.t('Daily'),
    Weekly: vscode.l10n.t('Weekly'),
    time: vscode.l10n.t('Time'),
    intervalHours: vscode.l10n.t('Back up every'),
    // The page fills in {hours} for each interval it offers.
    everyHours: vscode.l10n.t('{0} hours', '{hours}'),
    windowStart: vscode.l10n.t('Backup window starts at'),
    windowHours: vscode.l10n.t('Backup window length (hours)'),
    timeZone: vscode.l10n.t('Time zone'),
    days: vscode.l10n.t('Days'),
    instantRestoreDays: vscode.l10n.t('Retain instant recovery snapshots (days)'),
    dailyDays: vscode.l10n.t('Retention of daily backup points (days)'),
    weeklyWeeks: vscode.l10n.t('Retention of weekly backup points (weeks, 0 = none)'),
    monthlyMonths: vscode.l10n.t('Retention of monthly backup points (months, 0 = none)'),
    yearlyYears: vscode.l10n.t('Retention of yearly backup points (years, 0 = none)'),
    readOnly: vscode.l10n.t('This policy is shown read-only.'),
    // The page fills in {name} and {count}: one translation serves the host's message and the page's.
    policyNameTaken: vscode.l10n.t('A policy named {0} already exists in this vault.', '{name}'),
    editExisting: vscode.l10n.t('Edit {0} instead', '{name}'),
    usedByOne: vscode.l10n.t('This policy protects 1 item. Changes apply to it.'),
    usedByMany: vscode.l10n.t('This policy protects {0} items. Changes apply to all of them.', '{count}'),
    retentionShrinks: vscode.l10n.t('Existing recovery points older than the new retention are deleted.'),
    Sunday: vscode.l10n.t('Sunday'),
    Monday: vscode.l10n.t('Monday'),
    Tuesday: vscode.l10n.t('Tuesday'),
    Wednesday: vscode.l10n.t('Wednesday'),
    Thursday: vscode.l10n.t('Thursday'),
    Friday: vscode.l10n.t('Friday'),
    Saturday: vscode.l10n.t('Saturday'),
  }),
});
