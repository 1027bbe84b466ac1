// Field rules shared by the host (authoritative check) and the webview (live feedback). Pure, no DOM, no vscode.
// Each rule returns a message key of protocol.ts `FormStrings` or undefined when the value is fine.

export const limits = {
  vaultName: { min: 2, max: 50 },
  policyName: { min: 3, max: 150 },
  resourceGroup: { min: 1, max: 90 },
  dailyDays: { min: 7, max: 9999 },
  weeklyWeeks: { min: 1, max: 5163 },
  monthlyMonths: { min: 1, max: 1188 },
  yearlyYears: { min: 1, max: 99 },
  instantRestoreDaily: { min: 1, max: 5 },
  retainUntilMaxYears: 99,
} as const;

/** 2-50 characters, starts with a letter, letters, digits and hyphens, not ending in a hyphen. */
export function vaultNameProblem(name: string): 'vaultNameLength' | 'vaultNameChars' | undefined {
  if (name.length < limits.vaultName.min || name.length > limits.vaultName.max) return 'vaultNameLength';
  if (!/^[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]$/.test(name)) return 'vaultNameChars';
  return undefined;
}

export function policyNameProblem(name: string): 'policyNameInvalid' | undefined {
  return name.length >= limits.policyName.min && name.length <= limits.policyName.max && /^[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]$/.test(name)
    ? undefined : 'policyNameInvalid';
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
  const date = parseDateInput(value);
  if (!date) return 'retainUntilInvalid';
  const startOfToday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (date.getTime() <= startOfToday) return 'retainUntilPast';
  const max = Date.UTC(today.getUTCFullYear() + limits.retainUntilMaxYears, today.getUTCMonth(), today.getUTCDate());
  if (date.getTime() > max) return 'retainUntilTooFar';
  return undefined;
}

/** V1 policies run on the hour or half hour. */
export function scheduleTimeProblem(time: string): 'timeInvalid' | undefined {
  return /^([01]\d|2[0-3]):(00|30)$/.test(time) ? undefined : 'timeInvalid';
}

export function inRange(value: number, range: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}
