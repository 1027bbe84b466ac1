// Field rules shared by the host (authoritative check) and the webview (live feedback). Pure, no DOM, no vscode.
// Each rule returns a message key of protocol.ts `FormStrings` or undefined when the value is fine. The service's
// rules themselves live once, in the Azure layer's validation (also pure, so the webview bundle can use it).
import {
  MAX_RETAIN_YEARS, POLICY_LIMITS, validatePolicyName, validateRetainUntil, validateScheduleTime, validateVaultName,
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

/** Retain-until must be a real date after today and within 99 years. */
export function retainUntilProblem(value: string, today: Date): 'retainUntilInvalid' | 'retainUntilPast' | 'retainUntilTooFar' | undefined {
  if (!parseDateInput(value)) return 'retainUntilInvalid';
  const problem = validateRetainUntil(value, today);
  if (!problem) return undefined;
  if (problem.key === 'retainUntil.tooEarly') return 'retainUntilPast';
  return problem.key === 'retainUntil.tooLate' ? 'retainUntilTooFar' : 'retainUntilInvalid';
}

/** V1 policies run on the hour or half hour. */
export function scheduleTimeProblem(time: string): 'timeInvalid' | undefined {
  return validateScheduleTime(time) ? 'timeInvalid' : undefined;
}

export function inRange(value: number, range: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}
