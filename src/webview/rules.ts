// Field rules applied to what a form holds, for the host (authoritative check) and the webview (live feedback).
// Pure, no DOM, no vscode. The rules themselves and their keys live once, in the Azure layer's validation (also
// pure, so the webview bundle can use it); a key's message is in fieldMessages.ts, filled in by fieldMessage.
import type { HourlySchedule, PolicyInput, SecurityState } from '../azure/model';
import {
  SOFT_DELETE_DAYS,
  validateHourlySchedule,
  validateInstantRestoreDays,
  validatePolicyInput,
  validatePolicyName,
  validateResourceGroupName,
  validateRetainUntil,
  validateRetentionRange,
  validateScheduleTime,
  validateVaultName,
  validateVmName,
  type PolicyRangeField,
  type ValidationProblem,
} from '../azure/validation';

/** A rule's answer as the forms use it: the Azure layer's key and the values its message names. */
export type FieldProblem = Pick<ValidationProblem, 'key' | 'args'>;

/** The localized message of a problem: its key's text with each `{arg}` filled in. */
export function fieldMessage(strings: Readonly<Record<string, string>>, problem: FieldProblem): string {
  const text = strings[problem.key] ?? problem.key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    problem.args?.[name] !== undefined ? String(problem.args[name]) : whole,
  );
}

/** Only what the page needs to show a problem: the English message stays in the Azure layer. */
function asField(problem: ValidationProblem | undefined): FieldProblem | undefined {
  if (!problem) return undefined;
  return problem.args ? { key: problem.key, args: problem.args } : { key: problem.key };
}

/** 2-50 characters, starts with a letter, letters, digits and hyphens, not ending in a hyphen. */
export function vaultNameProblem(name: string): FieldProblem | undefined {
  return asField(validateVaultName(name));
}

export function policyNameProblem(name: string): FieldProblem | undefined {
  return asField(validatePolicyName(name));
}

export function resourceGroupProblem(name: string): FieldProblem | undefined {
  return asField(validateResourceGroupName(name));
}

/** 'YYYY-MM-DD' as a UTC date, or undefined when not a real calendar date. */
export function parseDateInput(value: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value ? date : undefined;
}

export type RetainUntilKey = 'retainUntil.invalid' | 'retainUntil.tooEarly' | 'retainUntil.tooLate';

/** Retain-until must be a real date after today and within 99 years: the Azure layer's rule and keys, on the form's strict input. */
export function retainUntilProblem(value: string, today: Date): RetainUntilKey | undefined {
  if (!parseDateInput(value)) return 'retainUntil.invalid';
  return validateRetainUntil(value, today)?.key as RetainUntilKey | undefined;
}

/** The date a form's retain-until stands for, or the key of its problem. */
export function readRetainUntil(value: string, today: Date): { date: Date } | { problem: RetainUntilKey } {
  const problem = retainUntilProblem(value, today);
  const date = parseDateInput(value);
  return problem || !date ? { problem: problem ?? 'retainUntil.invalid' } : { date };
}

/** V1 policies run on the hour or half hour. */
export function scheduleTimeProblem(time: string): FieldProblem | undefined {
  return asField(validateScheduleTime(time));
}

export function instantRestoreProblem(days: number, weekly: boolean, enhanced: boolean): FieldProblem | undefined {
  return asField(validateInstantRestoreDays(days, weekly, enhanced));
}

/** An Enhanced policy's hourly schedule: its interval, window start and window length. */
export function hourlyProblem(schedule: HourlySchedule): FieldProblem | undefined {
  return asField(validateHourlySchedule(schedule));
}

/**
 * A retention tier's count. An optional tier takes 0 for "not kept", so its message names 0 as the lowest value
 * the field accepts.
 */
export function retentionProblem(field: PolicyRangeField, value: number, optional: boolean): FieldProblem | undefined {
  if (optional && value === 0) return undefined;
  const problem = asField(validateRetentionRange(field, value));
  return problem && optional ? { ...problem, args: { ...problem.args, min: 0 } } : problem;
}

/** The first problem of a policy, on the form field that shows it. */
export interface PolicyProblem extends FieldProblem {
  field:
    | 'name'
    | 'frequency'
    | 'time'
    | 'intervalHours'
    | 'windowStart'
    | 'windowHours'
    | 'days'
    | 'instantRestoreDays'
    | 'dailyDays'
    | 'weeklyWeeks'
    | 'monthlyMonths'
    | 'yearlyYears';
}

// Which field shows each problem of the Azure layer's policy check. The form has no weekly-retention days of its
// own (a daily schedule keeps Sunday's point), so their absence is shown on the weekly retention.
export const POLICY_PROBLEM_FIELDS: Record<string, PolicyProblem['field']> = {
  'policy.hourlyStandard': 'frequency',
  'policy.time': 'time',
  'policy.hourlyInterval': 'intervalHours',
  'policy.windowStart': 'windowStart',
  'policy.windowHours': 'windowHours',
  'policy.weeklyDays': 'days',
  'policy.instantRestore': 'instantRestoreDays',
  'policy.instantRestoreWeekly': 'instantRestoreDays',
  'policy.dailyRequired': 'dailyDays',
  'policy.dailyDays': 'dailyDays',
  'policy.weeklyRequired': 'weeklyWeeks',
  'policy.weeklyWeeks': 'weeklyWeeks',
  'policy.weeklyRetentionDays': 'weeklyWeeks',
  'policy.monthlyMonths': 'monthlyMonths',
  'policy.yearlyYears': 'yearlyYears',
};

export function policyProblem(input: PolicyInput): PolicyProblem | undefined {
  const problem = asField(validatePolicyInput(input));
  return problem && { field: POLICY_PROBLEM_FIELDS[problem.key] ?? 'name', ...problem };
}

/**
 * Whether `after` keeps some tier of recovery points for less time than `before` (or not at all): Azure then
 * deletes the existing points older than the new retention.
 */
export function retentionShrinks(before: PolicyInput, after: PolicyInput): boolean {
  const tiers = ['dailyDays', 'weeklyWeeks', 'monthlyMonths', 'yearlyYears'] as const;
  return tiers.some((tier) => {
    const was = before.retention[tier];
    const now = after.retention[tier];
    return was !== undefined && (now === undefined || now < was);
  });
}

/** What the vault security form holds now, and what the vault had when it opened. */
export interface SecurityChoice {
  softDelete: SecurityState;
  softDeleteRetentionDays: number;
  enhancedSecurity: SecurityState;
  confirmName: string;
}
export interface SecurityProblem {
  field: 'softDelete' | 'enhancedSecurity' | 'softDeleteRetentionDays' | 'confirmName';
  key: 'alwaysOnLocked' | 'retentionRange' | 'confirmName';
}

/** A setting that becomes always on now: it cannot be undone, so the vault's name is typed to confirm. */
export function becomesAlwaysOn(
  before: Pick<SecurityChoice, 'softDelete' | 'enhancedSecurity'>,
  after: Pick<SecurityChoice, 'softDelete' | 'enhancedSecurity'>,
): boolean {
  return (
    (after.softDelete === 'AlwaysOn' && before.softDelete !== 'AlwaysOn') ||
    (after.enhancedSecurity === 'AlwaysOn' && before.enhancedSecurity !== 'AlwaysOn')
  );
}

/** The first problem of the vault's security settings, on the field that shows it (its message: the form's string of `key`). */
export function securityProblem(
  vaultName: string,
  before: Pick<SecurityChoice, 'softDelete' | 'enhancedSecurity'>,
  after: SecurityChoice,
): SecurityProblem | undefined {
  if (before.softDelete === 'AlwaysOn' && after.softDelete !== 'AlwaysOn')
    return { field: 'softDelete', key: 'alwaysOnLocked' };
  if (before.enhancedSecurity === 'AlwaysOn' && after.enhancedSecurity !== 'AlwaysOn')
    return { field: 'enhancedSecurity', key: 'alwaysOnLocked' };
  const days = after.softDeleteRetentionDays;
  if (!Number.isInteger(days) || days < SOFT_DELETE_DAYS.min || days > SOFT_DELETE_DAYS.max)
    return { field: 'softDeleteRetentionDays', key: 'retentionRange' };
  if (becomesAlwaysOn(before, after) && after.confirmName !== vaultName)
    return { field: 'confirmName', key: 'confirmName' };
  return undefined;
}

export type VmNameKey = 'vmName.length' | 'vmName.characters' | 'vmName.end';

/** A new VM's name against Azure's rule for its OS (the Azure layer's keys); `max` is the length it allows. */
export function vmNameProblem(
  name: string,
  osType: 'Windows' | 'Linux' | 'Unknown',
): { key: VmNameKey; max: number } | undefined {
  const problem = validateVmName(name, osType);
  if (!problem) return undefined;
  return { key: problem.key as VmNameKey, max: osType === 'Windows' ? 15 : 64 };
}

/** The message of a VM-name problem, with its length filled in. */
export function vmNameMessage(
  strings: Readonly<Record<string, string>>,
  problem: { key: VmNameKey; max: number },
): string {
  return (strings[problem.key] ?? '').replace('{min}', '1').replace('{max}', String(problem.max));
}

/** Replacing a VM's disks is confirmed by typing the VM's name exactly. */
export function confirmNameProblem(typed: string, expected: string): 'restoreConfirmName' | undefined {
  return typed === expected ? undefined : 'restoreConfirmName';
}
