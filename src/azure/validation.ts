// Checks the forms run before calling Azure. Pure: each returns undefined when the value is fine, or a
// problem with a stable key (for localization), an English message and the values the message uses.
import type { PolicyInput, RestoreRequest } from './model';
import { idKey } from './ids';

export interface ValidationProblem {
  key: string;
  message: string;
  args?: Record<string, string | number>;
}

export type ValidationResult = ValidationProblem | undefined;

const DAY_MS = 24 * 60 * 60 * 1000;
/** The service keeps an on-demand recovery point for at most 99 years. */
export const MAX_RETAIN_YEARS = 99;
/** Azure Backup keeps soft-deleted data for 14 to 180 days. */
export const SOFT_DELETE_DAYS = { min: 14, max: 180 } as const;

export const POLICY_LIMITS = {
  dailyDays: { min: 7, max: 9999 },
  weeklyWeeks: { min: 1, max: 5163 },
  monthlyMonths: { min: 1, max: 1188 },
  yearlyYears: { min: 1, max: 99 },
  instantRestoreDays: { min: 1, max: 5 },
  weeklyInstantRestoreDays: 5,
  /** Enhanced (V2) policies keep snapshots longer, whatever their schedule. */
  enhancedInstantRestoreDays: { min: 1, max: 30 },
  hourlyIntervals: [4, 6, 8, 12],
  /** An hourly schedule's window, in whole hours. */
  windowHours: { min: 4, max: 24 },
} as const;

export function validateVaultName(name: string): ValidationResult {
  if (name.length < 2 || name.length > 50) {
    return {
      key: 'vaultName.length',
      message: 'The vault name must be between 2 and 50 characters long.',
      args: { min: 2, max: 50 },
    };
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
    return {
      key: 'policyName.length',
      message: 'The policy name must be between 3 and 150 characters long.',
      args: { min: 3, max: 150 },
    };
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

/** Azure's resource group names: 1-90 characters; letters, digits, underscores, hyphens, periods and parentheses; not ending with a period. */
export function validateResourceGroupName(name: string): ValidationResult {
  if (name.length < 1 || name.length > 90) {
    return {
      key: 'resourceGroup.length',
      message: 'The resource group name must be between 1 and 90 characters long.',
      args: { min: 1, max: 90 },
    };
  }
  if (!/^[-\w._()]+$/.test(name)) {
    return {
      key: 'resourceGroup.characters',
      message:
        'The resource group name can contain only letters, digits, underscores, hyphens, periods and parentheses.',
    };
  }
  if (name.endsWith('.')) {
    return { key: 'resourceGroup.end', message: 'The resource group name cannot end with a period.' };
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
    return {
      key: 'retainUntil.tooEarly',
      message: 'The retain-until date must be tomorrow or later.',
      args: { min: isoDay(min) },
    };
  }
  if (day > max.getTime()) {
    return {
      key: 'retainUntil.tooLate',
      message: `The retain-until date can be at most ${MAX_RETAIN_YEARS} years ahead.`,
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

const onHourOrHalf = (time: string): boolean => {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  return !!m && Number(m[1]) <= 23 && (m[2] === '00' || m[2] === '30');
};

export function validateScheduleTime(time: string): ValidationResult {
  if (!onHourOrHalf(time)) {
    return { key: 'policy.time', message: 'The backup time must be HH:MM on the hour or half hour (e.g. 02:30).' };
  }
  return undefined;
}

/** An hourly schedule: every 4, 6, 8 or 12 hours, in a window opening on the hour or half hour, 4 to 24 hours long. */
export function validateHourlySchedule(schedule: {
  intervalHours: number;
  windowStart: string;
  windowHours: number;
}): ValidationResult {
  const L = POLICY_LIMITS;
  if (!(L.hourlyIntervals as readonly number[]).includes(schedule.intervalHours)) {
    return {
      key: 'policy.hourlyInterval',
      message: 'An hourly schedule backs up every 4, 6, 8 or 12 hours.',
      args: { intervals: L.hourlyIntervals.join(', ') },
    };
  }
  if (!onHourOrHalf(schedule.windowStart)) {
    return {
      key: 'policy.windowStart',
      message: 'The backup window must start at HH:MM on the hour or half hour (e.g. 08:00).',
    };
  }
  return inRange(
    'policy.windowHours',
    'The backup window (hours)',
    schedule.windowHours,
    L.windowHours.min,
    L.windowHours.max,
  );
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

/** A policy's numbers with a range of their own. */
export type PolicyRangeField = 'dailyDays' | 'weeklyWeeks' | 'monthlyMonths' | 'yearlyYears';

const RANGE_RULES: Record<PolicyRangeField, { key: string; label: string }> = {
  dailyDays: { key: 'policy.dailyDays', label: 'Daily retention (days)' },
  weeklyWeeks: { key: 'policy.weeklyWeeks', label: 'Weekly retention (weeks)' },
  monthlyMonths: { key: 'policy.monthlyMonths', label: 'Monthly retention (months)' },
  yearlyYears: { key: 'policy.yearlyYears', label: 'Yearly retention (years)' },
};

/** A retention tier's count within the service's limits (undefined: the tier is not kept, nothing to check). */
export function validateRetentionRange(field: PolicyRangeField, value: number | undefined): ValidationResult {
  const { key, label } = RANGE_RULES[field];
  const { min, max } = POLICY_LIMITS[field];
  return inRange(key, label, value, min, max);
}

/** Instant restore snapshots: Enhanced 1-30 days; Standard 1-5 days for a daily schedule, exactly 5 for a weekly one. */
export function validateInstantRestoreDays(
  days: number | undefined,
  weekly: boolean,
  enhanced = false,
): ValidationResult {
  const L = POLICY_LIMITS;
  if (enhanced) {
    const { min, max } = L.enhancedInstantRestoreDays;
    return inRange('policy.instantRestore', 'Instant restore retention (days)', days, min, max);
  }
  if (!weekly) {
    return inRange(
      'policy.instantRestore',
      'Instant restore retention (days)',
      days,
      L.instantRestoreDays.min,
      L.instantRestoreDays.max,
    );
  }
  return days === L.weeklyInstantRestoreDays
    ? undefined
    : {
        key: 'policy.instantRestoreWeekly',
        message: 'A weekly schedule keeps instant restore snapshots for exactly 5 days.',
        args: { days: L.weeklyInstantRestoreDays },
      };
}

/** Ranges from the service's limits for Standard (V1) and Enhanced (V2) VM policies. Returns the first problem found. */
export function validatePolicyInput(input: PolicyInput): ValidationResult {
  const s = input.schedule;
  const weekly = s.frequency === 'Weekly';
  const enhanced = input.policyType === 'V2';
  const r = input.retention;
  const checks: (() => ValidationResult)[] = [
    () => validatePolicyName(input.name),
    () =>
      s.frequency === 'Hourly' && !enhanced
        ? { key: 'policy.hourlyStandard', message: 'Only an Enhanced policy can back up every few hours.' }
        : undefined,
    () => (s.frequency === 'Hourly' ? validateHourlySchedule(s) : validateScheduleTime(s.time)),
    () =>
      s.frequency === 'Weekly' && !s.days?.length
        ? { key: 'policy.weeklyDays', message: 'A weekly schedule needs at least one day.' }
        : undefined,
    () => validateInstantRestoreDays(input.instantRestoreDays, weekly, enhanced),
    () =>
      !weekly && r.dailyDays === undefined
        ? { key: 'policy.dailyRequired', message: 'A daily schedule needs a daily retention.' }
        : undefined,
    () =>
      weekly && r.weeklyWeeks === undefined
        ? { key: 'policy.weeklyRequired', message: 'A weekly schedule needs a weekly retention.' }
        : undefined,
    () => validateRetentionRange('dailyDays', r.dailyDays),
    () => validateRetentionRange('weeklyWeeks', r.weeklyWeeks),
    () => validateRetentionRange('monthlyMonths', r.monthlyMonths),
    () => validateRetentionRange('yearlyYears', r.yearlyYears),
    () =>
      !weekly && r.weeklyWeeks !== undefined && !r.weeklyDays?.length
        ? { key: 'policy.weeklyRetentionDays', message: 'Weekly retention needs at least one day.' }
        : undefined,
  ];
  for (const check of checks) {
    const problem = check();
    if (problem) {
      return problem;
    }
  }
  return undefined;
}

/** Azure's VM names: 1–64 characters (15 for Windows, its computer-name limit); letters, digits, hyphens, underscores, periods; not ending with a period or hyphen. */
export function validateVmName(name: string, osType: 'Windows' | 'Linux' | 'Unknown' = 'Unknown'): ValidationResult {
  const max = osType === 'Windows' ? 15 : 64;
  if (name.length < 1 || name.length > max) {
    return {
      key: 'vmName.length',
      message: `The virtual machine name must be between 1 and ${max} characters long.`,
      args: { min: 1, max },
    };
  }
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) {
    return {
      key: 'vmName.characters',
      message: 'The virtual machine name can contain only letters, digits, hyphens, underscores and periods.',
    };
  }
  if (/[.-]$/.test(name)) {
    return { key: 'vmName.end', message: 'The virtual machine name cannot end with a period or a hyphen.' };
  }
  return undefined;
}

/** The request field a restore problem is about (the form puts the message next to it). */
export type RestoreField =
  'region' | 'vmName' | 'targetResourceGroup' | 'virtualNetworkId' | 'subnetId' | 'stagingStorageAccountId' | 'zone';

export interface RestoreProblem extends ValidationProblem {
  field: RestoreField;
  /** The AzureError code the restore is refused with. */
  code: 'InvalidRestoreRequest' | 'InvalidVmName' | 'RestoreTargetInOtherRegion';
}

/** What is known about the chosen targets once read (absent: not checked). */
export interface RestoreTargetFacts {
  /** The recovery point's OS: Windows names are shorter. */
  osType?: 'Windows' | 'Linux' | 'Unknown';
  stagingAccountLocation?: string;
  virtualNetworkLocation?: string;
}

const ID_SHAPES: Record<'virtualNetworkId' | 'subnetId' | 'stagingStorageAccountId', RegExp> = {
  virtualNetworkId:
    /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+$/i,
  subnetId:
    /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i,
  stagingStorageAccountId:
    /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Storage\/storageAccounts\/[^/]+$/i,
};
const LABELS: Record<RestoreField, string> = {
  region: 'the region',
  vmName: 'a virtual machine name',
  targetResourceGroup: 'a target resource group',
  virtualNetworkId: 'a virtual network',
  subnetId: 'a subnet',
  stagingStorageAccountId: 'a staging storage account',
  zone: 'an availability zone',
};

function normRegion(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, '').toLowerCase();
}

function required(request: RestoreRequest): RestoreProblem | undefined {
  const values: [RestoreField, string | undefined][] = [
    ['region', request.region],
    ['stagingStorageAccountId', request.stagingStorageAccountId],
  ];
  if (request.kind === 'newVm') {
    values.push(
      ['vmName', request.vmName],
      ['targetResourceGroup', request.targetResourceGroup],
      ['virtualNetworkId', request.virtualNetworkId],
      ['subnetId', request.subnetId],
    );
  } else if (request.kind === 'restoreDisks') {
    values.push(['targetResourceGroup', request.targetResourceGroup]);
  }
  for (const [field, value] of values) {
    if (!value || !value.trim()) {
      return {
        key: `restore.${field}.required`,
        field,
        code: 'InvalidRestoreRequest',
        message: `A restore of this kind needs ${LABELS[field]}.`,
      };
    }
    const shape = ID_SHAPES[field as keyof typeof ID_SHAPES];
    if (shape && !shape.test(value)) {
      return {
        key: `restore.${field}.invalid`,
        field,
        code: 'InvalidRestoreRequest',
        message: `'${value}' is not the resource id of ${LABELS[field]}.`,
      };
    }
  }
  return undefined;
}

/**
 * Checks a restore request before it is sent: each kind's required fields and id shapes, the new VM's name and
 * zone, the subnet inside the chosen network, and, once the targets' regions are known, that they are the source's.
 */
export function validateRestoreRequest(
  request: RestoreRequest,
  facts: RestoreTargetFacts = {},
): RestoreProblem | undefined {
  const missing = required(request);
  if (missing) return missing;
  if (request.kind === 'newVm') {
    const name = validateVmName(request.vmName, facts.osType);
    if (name) return { ...name, field: 'vmName', code: 'InvalidVmName' };
    if (!idKey(request.subnetId).startsWith(`${idKey(request.virtualNetworkId)}/subnets/`)) {
      return {
        key: 'restore.subnetId.otherNetwork',
        field: 'subnetId',
        code: 'InvalidRestoreRequest',
        message: 'The subnet must belong to the chosen virtual network.',
      };
    }
    if (request.zone !== undefined && !['1', '2', '3'].includes(request.zone)) {
      return {
        key: 'restore.zone.invalid',
        field: 'zone',
        code: 'InvalidRestoreRequest',
        message: 'The availability zone must be 1, 2 or 3.',
      };
    }
    if (
      facts.virtualNetworkLocation !== undefined &&
      normRegion(facts.virtualNetworkLocation) !== normRegion(request.region)
    ) {
      return {
        key: 'restore.virtualNetworkId.region',
        field: 'virtualNetworkId',
        code: 'RestoreTargetInOtherRegion',
        message: `The virtual network is in ${facts.virtualNetworkLocation}; the new VM must be in the source's region, ${request.region}.`,
        args: { location: facts.virtualNetworkLocation, region: request.region },
      };
    }
  }
  if (
    facts.stagingAccountLocation !== undefined &&
    normRegion(facts.stagingAccountLocation) !== normRegion(request.region)
  ) {
    return {
      key: 'restore.stagingStorageAccountId.region',
      field: 'stagingStorageAccountId',
      code: 'RestoreTargetInOtherRegion',
      message: `The staging storage account is in ${facts.stagingAccountLocation}; it must be in the source's region, ${request.region}.`,
      args: { location: facts.stagingAccountLocation, region: request.region },
    };
  }
  return undefined;
}
