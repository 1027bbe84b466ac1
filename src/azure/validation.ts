// Checks the forms run before calling Azure. Pure: each returns undefined when the value is fine, or a
// problem with a stable key (for localization), an English message and the values the message uses.
import type { PolicyInput } from './model';

export interface ValidationProblem {
  key: string;
  message: string;
  args?: Record<string, string | number>;
}

export type ValidationResult = ValidationProblem | undefined;

const DAY_MS = 24 * 60 * 60 * 1000;
/** The service keeps an on-demand recovery point for at most 99 years. */
export const MAX_RETAIN_YEARS = 99;

export const POLICY_LIMITS = {
  dailyDays: { min: 7, max: 9999 },
  weeklyWeeks: { min: 1, max: 5163 },
  monthlyMonths: { min: 1, max: 1188 },
  yearlyYears: { min: 1, max: 99 },
  instantRestoreDays: { min: 1, max: 5 },
  weeklyInstantRestoreDays: 5,
} as const;

export function validateVaultName(name: string): ValidationResult {
  if (name.length < 2 || name.length > 50) {
    return { key: 'vaultName.length', message: 'The vault name must be between 2 and 50 characters long.', args: { min: 2, max: 50 } };
  }
  if (!/^[A-Za-z]/.test(name)) {
    return { key: 'vaultName.start', message: 'The vault name must start with a letter.' };
  }
  if (!/^[A-Za-z0-9-]+$/.test(name)) {
    return { key: 'vaultName.characters', message: 'The vault name can contain only letters, digits and hyphens.' };
  }
  if (name.endsWith('-')) {
    return { key: 'vaultName.end', message: 'The vault name cannot end with a hyphen.' };
  }
  return undefined;
}

export function validatePolicyName(name: string): ValidationResult {
  if (name.length < 3 || name.length > 150) {
    return { key: 'policyName.length', message: 'The policy name must be between 3 and 150 characters long.', args: { min: 3, max: 150 } };
  }
  if (!/^[A-Za-z]/.test(name)) {
    return { key: 'policyName.start', message: 'The policy name must start with a letter.' };
  }
  if (!/^[A-Za-z0-9-]+$/.test(name)) {
    return { key: 'policyName.characters', message: 'The policy name can contain only letters, digits and hyphens.' };
  }
  if (name.endsWith('-')) {
    return { key: 'policyName.end', message: 'The policy name cannot end with a hyphen.' };
  }
  return undefined;
}

/** The first and last day (UTC) a backup-now recovery point may be kept until, as of `now`. */
export function retainUntilRange(now: Date = new Date()): { min: Date; max: Date } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const min = new Date(today + DAY_MS);
  const max = new Date(today);
  max.setUTCFullYear(max.getUTCFullYear() + MAX_RETAIN_YEARS);
  return { min, max };
}

/** Accepts a Date or a 'yyyy-mm-dd' string (what a date input gives). */
export function validateRetainUntil(value: Date | string, now: Date = new Date()): ValidationResult {
  const date = typeof value === 'string' ? parseDay(value) : value;
  if (!date || Number.isNaN(date.getTime())) {
    return { key: 'retainUntil.invalid', message: 'Enter a valid date (yyyy-mm-dd).' };
  }
  const { min, max } = retainUntilRange(now);
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  if (day < min.getTime()) {
    return { key: 'retainUntil.tooEarly', message: 'The retain-until date must be tomorrow or later.', args: { min: isoDay(min) } };
  }
  if (day > max.getTime()) {
    return {
      key: 'retainUntil.tooLate', message: `The retain-until date can be at most ${MAX_RETAIN_YEARS} years ahead.`,
      args: { max: isoDay(max), years: MAX_RETAIN_YEARS },
    };
  }
  return undefined;
}

function parseDay(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) {
    return undefined;
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  // Reject dates JavaScript silently rolls over, such as 2030-02-31.
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : undefined;
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function validateScheduleTime(time: string): ValidationResult {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m || Number(m[1]) > 23 || (m[2] !== '00' && m[2] !== '30')) {
    return { key: 'policy.time', message: 'The backup time must be HH:MM on the hour or half hour (e.g. 02:30).' };
  }
  return undefined;
}

function inRange(key: string, label: string, value: number | undefined, min: number, max: number): ValidationResult {
  if (value === undefined) {
    return undefined;
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    return { key, message: `${label} must be a whole number from ${min} to ${max}.`, args: { min, max } };
  }
  return undefined;
}

/** Ranges from the service's limits for standard (V1) VM policies. Returns the first problem found. */
export function validatePolicyInput(input: PolicyInput): ValidationResult {
  const L = POLICY_LIMITS;
  const weekly = input.schedule.frequency === 'Weekly';
  const r = input.retention;
  const checks: (() => ValidationResult)[] = [
    () => validatePolicyName(input.name),
    () => validateScheduleTime(input.schedule.time),
    () => (weekly && !(input.schedule.days?.length)
      ? { key: 'policy.weeklyDays', message: 'A weekly schedule needs at least one day.' } : undefined),
    () => (weekly
      ? (input.instantRestoreDays === L.weeklyInstantRestoreDays ? undefined
        : { key: 'policy.instantRestoreWeekly', message: 'A weekly schedule keeps instant restore snapshots for exactly 5 days.', args: { days: 5 } })
      : inRange('policy.instantRestore', 'Instant restore retention (days)', input.instantRestoreDays, L.instantRestoreDays.min, L.instantRestoreDays.max)),
    () => (!weekly && r.dailyDays === undefined
      ? { key: 'policy.dailyRequired', message: 'A daily schedule needs a daily retention.' } : undefined),
    () => (weekly && r.weeklyWeeks === undefined
      ? { key: 'policy.weeklyRequired', message: 'A weekly schedule needs a weekly retention.' } : undefined),
    () => inRange('policy.dailyDays', 'Daily retention (days)', r.dailyDays, L.dailyDays.min, L.dailyDays.max),
    () => inRange('policy.weeklyWeeks', 'Weekly retention (weeks)', r.weeklyWeeks, L.weeklyWeeks.min, L.weeklyWeeks.max),
    () => inRange('policy.monthlyMonths', 'Monthly retention (months)', r.monthlyMonths, L.monthlyMonths.min, L.monthlyMonths.max),
    () => inRange('policy.yearlyYears', 'Yearly retention (years)', r.yearlyYears, L.yearlyYears.min, L.yearlyYears.max),
    () => (!weekly && r.weeklyWeeks !== undefined && !(r.weeklyDays?.length)
      ? { key: 'policy.weeklyRetentionDays', message: 'Weekly retention needs at least one day.' } : undefined),
  ];
  for (const check of checks) {
    const problem = check();
    if (problem) {
      return problem;
    }
  }
  return undefined;
}
