// Field rules shared by the host (authoritative check) and the webview (live feedback). Pure, no DOM, no vscode.
// Each rule returns a message key of protocol.ts `FormStrings` or undefined when the value is fine. The service's
// rules themselves live once, in the Azure layer's validation (also pure, so the webview bundle can use it).
import type { PolicyInput } from '../azure/model';
import {
  MAX_RETAIN_YEARS, POLICY_LIMITS, validatePolicyInput, validatePolicyName, validateRetainUntil, validateScheduleTime, validateVaultName, validateVmName,
} from '../azure/validation';

export const limits = {
  vaultName: { min: 2, max: 50 },
  policyName: { min: 3, max: 150 },
  resourceGroup: { min: 1, max: 90 },
  dailyDays: POLICY_LIMITS.dailyDays,
  weeklyWeeks: POLICY_LIMITS.weeklyWeeks,
  monthlyMonths: POLICY_LIMITS.monthlyMonths,
  yearlyYears: POLICY_LIMITS.yearlyYears,
  instantRestoreDaily: POLICY_LIMITS.instantRestoreDays,
  retainUntilMaxYears: MAX_RETAIN_YEARS,
} as const;

/** 2-50 characters, starts with a letter, letters, digits and hyphens, not ending in a hyphen. */
export function vaultNameProblem(name: string): 'vaultNameLength' | 'vaultNameChars' | undefined {
  const problem = validateVaultName(name);
  if (!problem) return undefined;
  return problem.key === 'vaultName.length' ? 'vaultNameLength' : 'vaultNameChars';
}

export function policyNameProblem(name: string): 'policyNameInvalid' | undefined {
  return validatePolicyName(name) ? 'policyNameInvalid' : undefined;
}

export function resourceGroupProblem(name: string): 'resourceGroupInvalid' | undefined {
  return name.length >= limits.resourceGroup.min && name.length <= limits.resourceGroup.max && /^[-\w._()]*[-\w_()]$/.test(name)
    ? undefined : 'resourceGroupInvalid';
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
export function scheduleTimeProblem(time: string): 'timeInvalid' | undefined {
  return validateScheduleTime(time) ? 'timeInvalid' : undefined;
}

/** The message for a number outside its range; a range of one value (weekly instant restore) says that value. */
export function rangeMessage(strings: Readonly<Record<string, string>>, range: { min: number; max: number }): string {
  return range.min === range.max
    ? strings.exactInvalid.replace(/\{value\}/g, String(range.min))
    : strings.rangeInvalid.replace('{min}', String(range.min)).replace('{max}', String(range.max));
}

export function inRange(value: number, range: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}

/** The first problem of a policy, on the form field that shows it: the message key and, for ranges, the range. */
export interface PolicyProblem {
  field: 'name' | 'time' | 'days' | 'instantRestoreDays' | 'dailyDays' | 'weeklyWeeks' | 'monthlyMonths' | 'yearlyYears';
  key: 'policyNameInvalid' | 'timeInvalid' | 'required' | 'rangeInvalid';
  range?: { min: number; max: number };
}

// Which field shows each problem of the Azure layer's policy check. The form has no weekly-retention days of its
// own (a daily schedule keeps Sunday's point), so their absence is shown on the weekly retention.
export const POLICY_PROBLEM_FIELDS: Record<string, PolicyProblem['field']> = {
  'policy.time': 'time', 'policy.weeklyDays': 'days', 'policy.instantRestore': 'instantRestoreDays', 'policy.instantRestoreWeekly': 'instantRestoreDays',
  'policy.dailyRequired': 'dailyDays', 'policy.dailyDays': 'dailyDays', 'policy.weeklyRequired': 'weeklyWeeks', 'policy.weeklyWeeks': 'weeklyWeeks',
  'policy.weeklyRetentionDays': 'weeklyWeeks', 'policy.monthlyMonths': 'monthlyMonths', 'policy.yearlyYears': 'yearlyYears',
};

export function policyProblem(input: PolicyInput): PolicyProblem | undefined {
  const problem = validatePolicyInput(input);
  if (!problem) return undefined;
  if (problem.key.startsWith('policyName.')) return { field: 'name', key: 'policyNameInvalid' };
  const field = POLICY_PROBLEM_FIELDS[problem.key] ?? 'name';
  if (field === 'time') return { field, key: 'timeInvalid' };
  const { min, max, days } = problem.args ?? {};
  if (typeof days === 'number') return { field, key: 'rangeInvalid', range: { min: days, max: days } };
  return typeof min === 'number' && typeof max === 'number' ? { field, key: 'rangeInvalid', range: { min, max } } : { field, key: 'required' };
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

export type VmNameKey = 'vmName.length' | 'vmName.characters' | 'vmName.end';

/** A new VM's name against Azure's rule for its OS (the Azure layer's keys); `max` is the length it allows. */
export function vmNameProblem(name: string, osType: 'Windows' | 'Linux' | 'Unknown'): { key: VmNameKey; max: number } | undefined {
  const problem = validateVmName(name, osType);
  if (!problem) return undefined;
  return { key: problem.key as VmNameKey, max: osType === 'Windows' ? 15 : 64 };
}

/** The message of a VM-name problem, with its length filled in. */
export function vmNameMessage(strings: Readonly<Record<string, string>>, problem: { key: VmNameKey; max: number }): string {
  return (strings[problem.key] ?? '').replace('{min}', '1').replace('{max}', String(problem.max));
}

/** Replacing a VM's disks is confirmed by typing the VM's name exactly. */
export function confirmNameProblem(typed: string, expected: string): 'restoreConfirmName' | undefined {
  return typed === expected ? undefined : 'restoreConfirmName';
}
