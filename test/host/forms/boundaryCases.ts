// Issue #7's form inputs at their boundaries, one row per value: for every rule of every form with free text, the
// last value the rule allows and the first it refuses (plus garbage where a field takes any text). The limits are
// the service's (AZURE-BACKUP-API.md: vault and policy names, retention ranges, instant restore; a retain-until date
// from tomorrow to 99 years ahead), written out here rather than taken from the code under test.
// Rows run in order: later rows of a form may rely on what an accepted row did (see the retain-until rows).
import { dayFromToday, restoreSource, VAULT, type FormUnderTest, type Payload } from './formTargets';

/** Refused: this message of the form's strings (a range fills {min} and {max}, or {days} when it is one value) on this field. */
export interface Refused {
  field: string;
  key: string;
  range?: { min: number; max: number };
}
/** Refused with the service's own words (a name Azure says is taken). */
export interface RefusedByService {
  field: string;
  text: string;
}
/**
 * 'passes': the form's check lets it through (it may reach Azure; what Azure then says is not the field's rule).
 * 'accepted': and Azure took it: the form's write reached the sandbox and succeeded.
 */
export type Expect = Refused | RefusedByService | 'passes' | 'accepted';

export interface BoundaryCase {
  form: FormUnderTest;
  rule: string;
  input: string;
  /** Merged into the form's valid payload: nested objects merged, `undefined` removes a key. A function runs when the row does. */
  change: Payload | (() => Payload);
  expect: Expect;
}

const RANGE_KEYS: Record<string, string> = {
  instantRestoreDays: 'policy.instantRestore',
  dailyDays: 'policy.dailyDays',
  weeklyWeeks: 'policy.weeklyWeeks',
  monthlyMonths: 'policy.monthlyMonths',
  yearlyYears: 'policy.yearlyYears',
  windowHours: 'policy.windowHours',
};
const range = (field: string, min: number, max: number): Refused => ({
  field,
  key: field === 'instantRestoreDays' && min === max ? 'policy.instantRestoreWeekly' : RANGE_KEYS[field],
  range: { min, max },
});

/** 99 calendar years after today (UTC), and `days` more. */
function retainMax(days: number): string {
  const d = new Date(`${dayFromToday(0)}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 99);
  return new Date(d.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

// Vault names: 2-50 characters, a letter first, letters, digits and hyphens, no hyphen last, unique in the group.
// The same rules in two forms: the name of a new vault, and the new vault of "Enable backup" from a VM.
const length = 'vaultName.length';
const start = 'vaultName.start';
const chars = 'vaultName.characters';
const end = 'vaultName.end';
export const refusedNames: [rule: string, input: string, value: string, key: string | undefined][] = [
  ['2-50 characters', 'empty', '', length],
  ['2-50 characters', '1 character', 'v', length],
  ['2-50 characters', '51 characters', 'v'.repeat(51), length],
  ['a letter first', 'a digit first', '1vault', start],
  ['a letter first', 'a hyphen first', '-vault', start],
  ['letters, digits and hyphens', 'an underscore', 'forms_vault', chars],
  ['letters, digits and hyphens', 'a dot', 'forms.vault', chars],
  ['letters, digits and hyphens', 'a space', 'forms vault', chars],
  ['letters, digits and hyphens', 'a letter outside ASCII', 'vaultö', chars],
  ['no hyphen last', 'a hyphen last', 'vault-', end],
  ['unique in the resource group', 'the name of a vault there', VAULT, undefined],
];
const vaultNameRows = (
  form: FormUnderTest,
  field: string,
  key: string,
  valid: [string, string, Expect][],
): BoundaryCase[] => [
  ...refusedNames.map(([rule, input, value, message]): BoundaryCase => ({
    form,
    rule: `vault name: ${rule}`,
    input,
    change: { [key]: value },
    expect: message ? { field, key: message } : { field, text: 'Resource already exists with the same name.' },
  })),
  ...valid.map(([input, value, expect]): BoundaryCase => ({
    form,
    rule: 'vault name',
    input,
    change: { [key]: value },
    expect,
  })),
];

const weekly: Payload = {
  instantRestoreDays: 5,
  schedule: { frequency: 'Weekly', days: ['Monday'] },
  retention: { dailyDays: undefined, weeklyWeeks: 4, weeklyDays: ['Monday'] },
};
/** One row of a form: `row('createVault')(rule, input, change, expect)`. */
const row =
  (form: FormUnderTest) =>
  (rule: string, input: string, change: BoundaryCase['change'], expect: Expect): BoundaryCase => ({
    form,
    rule,
    input,
    change,
    expect,
  });
const vault = row('createVault');
const policy = row('createPolicy');
const edit = row('editPolicy');
const restore = row('restore');
const time = 'policy.time';
/** An Enhanced policy backing up every 4 hours from 08:00 for 12 hours (the daily schedule's time removed). */
const hourly = (schedule: Payload = {}, more: Payload = {}): Payload => ({
  policyType: 'V2',
  schedule: {
    frequency: 'Hourly',
    time: undefined,
    intervalHours: 4,
    windowStart: '08:00',
    windowHours: 12,
    ...schedule,
  },
  ...more,
});
const enhancedDaily: Payload = { policyType: 'V2' };

export const BOUNDARY_CASES: BoundaryCase[] = [
  ...vaultNameRows('createVault', 'name', 'name', [
    ['2 characters', 'ab', 'passes'],
    ['letters, digits and hyphens, a digit last', 'A-b-9', 'passes'],
    ['50 characters', 'v'.repeat(50), 'accepted'],
  ]),
  vault(
    'resource group: 1-90 characters',
    'empty',
    { resourceGroup: '' },
    { field: 'resourceGroup', key: 'resourceGroup.length' },
  ),
  vault(
    'resource group: 1-90 characters',
    '91 characters',
    { resourceGroup: 'g'.repeat(91), newResourceGroup: true },
    { field: 'resourceGroup', key: 'resourceGroup.length' },
  ),
  vault(
    'resource group: 1-90 characters',
    '90 characters, new',
    { resourceGroup: 'g'.repeat(90), newResourceGroup: true },
    'passes',
  ),
  vault(
    'resource group: no period last',
    'a period last',
    { resourceGroup: 'forms-rg.', newResourceGroup: true },
    { field: 'resourceGroup', key: 'resourceGroup.end' },
  ),
  vault(
    'resource group: letters, digits, ._-()',
    'a hash',
    { resourceGroup: 'forms#rg', newResourceGroup: true },
    { field: 'resourceGroup', key: 'resourceGroup.characters' },
  ),

  ...vaultNameRows('enableBackupVm', 'newVaultName', 'newVaultName', [
    ['2 characters', 'cd', 'passes'],
    ['50 characters', 'w'.repeat(50), 'accepted'],
  ]),

  // Retain-until: tomorrow up to 99 years ahead. Tomorrow comes last: the backup the maximum started still runs
  // then, so it only has to pass the form's check (the form then says a backup runs).
  ...(
    [
      ['from tomorrow', 'yesterday', () => dayFromToday(-1), 'retainUntil.tooEarly'],
      ['from tomorrow', 'today', () => dayFromToday(0), 'retainUntil.tooEarly'],
      ['up to 99 years ahead', 'a day past the maximum', () => retainMax(1), 'retainUntil.tooLate'],
      ['up to 99 years ahead', 'the maximum', () => retainMax(0), 'accepted'],
      ['a date', 'empty', () => '', 'retainUntil.invalid'],
      ['a date', 'words', () => 'next week', 'retainUntil.invalid'],
      ['a date', 'day-month-year', () => '31-12-2030', 'retainUntil.invalid'],
      ['a date', 'no such day', () => '2030-02-30', 'retainUntil.invalid'],
      ['a date', 'with a time', () => '2030-01-01T00:00', 'retainUntil.invalid'],
      ['from tomorrow', 'tomorrow', () => dayFromToday(1), 'passes'],
    ] as const
  ).map(([rule, input, value, outcome]): BoundaryCase => ({
    form: 'backupNow',
    rule: `retain until: ${rule}`,
    input,
    change: () => ({ retainUntil: value() }),
    expect: outcome === 'accepted' || outcome === 'passes' ? outcome : { field: 'retainUntil', key: outcome },
  })),

  policy('name: 3-150 characters', 'empty', { name: '' }, { field: 'name', key: 'policyName.length' }),
  policy('name: 3-150 characters', '2 characters', { name: 'ab' }, { field: 'name', key: 'policyName.length' }),
  policy('name: 3-150 characters', '3 characters', { name: 'abc' }, 'passes'),
  policy('name: 3-150 characters', '150 characters', { name: 'p'.repeat(150) }, 'passes'),
  policy(
    'name: 3-150 characters',
    '151 characters',
    { name: 'p'.repeat(151) },
    { field: 'name', key: 'policyName.length' },
  ),
  policy('name: a letter first', 'a digit first', { name: '1policy' }, { field: 'name', key: 'policyName.start' }),
  policy(
    'name: letters, digits and hyphens',
    'an underscore',
    { name: 'forms_policy' },
    { field: 'name', key: 'policyName.characters' },
  ),
  policy('name: no hyphen last', 'a hyphen last', { name: 'policy-' }, { field: 'name', key: 'policyName.end' }),
  policy('time: on the hour or half hour', '23:30', { schedule: { time: '23:30' } }, 'passes'),
  policy('time: on the hour or half hour', '24:00', { schedule: { time: '24:00' } }, { field: 'time', key: time }),
  policy('time: on the hour or half hour', '02:15', { schedule: { time: '02:15' } }, { field: 'time', key: time }),
  policy(
    'time: on the hour or half hour',
    'one digit for the hour',
    { schedule: { time: '2:30' } },
    { field: 'time', key: time },
  ),
  policy('time: on the hour or half hour', 'words', { schedule: { time: 'noon' } }, { field: 'time', key: time }),
  policy('instant restore, daily: 1-5 days', '0', { instantRestoreDays: 0 }, range('instantRestoreDays', 1, 5)),
  policy('instant restore, daily: 1-5 days', '1', { instantRestoreDays: 1 }, 'passes'),
  policy('instant restore, daily: 1-5 days', '5', { instantRestoreDays: 5 }, 'passes'),
  policy('instant restore, daily: 1-5 days', '6', { instantRestoreDays: 6 }, range('instantRestoreDays', 1, 5)),
  policy(
    'instant restore, weekly: 5 days',
    '4',
    { ...weekly, instantRestoreDays: 4 },
    range('instantRestoreDays', 5, 5),
  ),
  policy('instant restore, weekly: 5 days', '5', weekly, 'passes'),
  policy(
    'instant restore, weekly: 5 days',
    '6',
    { ...weekly, instantRestoreDays: 6 },
    range('instantRestoreDays', 5, 5),
  ),
  policy(
    'weekly schedule: at least one day',
    'no day',
    { ...weekly, schedule: { frequency: 'Weekly', days: [] } },
    { field: 'days', key: 'policy.weeklyDays' },
  ),
  policy(
    'daily retention: 7-9999 days',
    'none',
    { retention: { dailyDays: undefined } },
    { field: 'dailyDays', key: 'policy.dailyRequired' },
  ),
  policy('daily retention: 7-9999 days', '6', { retention: { dailyDays: 6 } }, range('dailyDays', 7, 9999)),
  policy('daily retention: 7-9999 days', '7', { retention: { dailyDays: 7 } }, 'passes'),
  policy('daily retention: 7-9999 days', '9999', { retention: { dailyDays: 9999 } }, 'accepted'),
  policy('daily retention: 7-9999 days', '10000', { retention: { dailyDays: 10000 } }, range('dailyDays', 7, 9999)),
  policy(
    'weekly retention: 1-5163 weeks',
    '0',
    { retention: { weeklyWeeks: 0, weeklyDays: ['Sunday'] } },
    range('weeklyWeeks', 1, 5163),
  ),
  policy('weekly retention: 1-5163 weeks', '1', { retention: { weeklyWeeks: 1, weeklyDays: ['Sunday'] } }, 'passes'),
  policy(
    'weekly retention: 1-5163 weeks',
    '5163',
    { retention: { weeklyWeeks: 5163, weeklyDays: ['Sunday'] } },
    'passes',
  ),
  policy(
    'weekly retention: 1-5163 weeks',
    '5164',
    { retention: { weeklyWeeks: 5164, weeklyDays: ['Sunday'] } },
    range('weeklyWeeks', 1, 5163),
  ),
  policy(
    'weekly retention: needed by a weekly schedule',
    'none',
    { ...weekly, retention: { dailyDays: undefined, monthlyMonths: 12 } },
    { field: 'weeklyWeeks', key: 'policy.weeklyRequired' },
  ),
  policy('monthly retention: 1-1188 months', '0', { retention: { monthlyMonths: 0 } }, range('monthlyMonths', 1, 1188)),
  policy('monthly retention: 1-1188 months', '1', { retention: { monthlyMonths: 1 } }, 'passes'),
  policy('monthly retention: 1-1188 months', '1188', { retention: { monthlyMonths: 1188 } }, 'passes'),
  policy(
    'monthly retention: 1-1188 months',
    '1189',
    { retention: { monthlyMonths: 1189 } },
    range('monthlyMonths', 1, 1188),
  ),
  policy('yearly retention: 1-99 years', '0', { retention: { yearlyYears: 0 } }, range('yearlyYears', 1, 99)),
  policy('yearly retention: 1-99 years', '1', { retention: { yearlyYears: 1 } }, 'passes'),
  policy('yearly retention: 1-99 years', '99', { retention: { yearlyYears: 99 } }, 'passes'),
  policy('yearly retention: 1-99 years', '100', { retention: { yearlyYears: 100 } }, range('yearlyYears', 1, 99)),

  // Enhanced (V2) policies: snapshots 1-30 days whatever the schedule; hourly every 4, 6, 8 or 12 hours in a window
  // of 4 to 24 hours opening on the hour or half hour; only an Enhanced policy runs hourly.
  policy(
    'instant restore, Enhanced: 1-30 days',
    '0',
    { ...enhancedDaily, instantRestoreDays: 0 },
    range('instantRestoreDays', 1, 30),
  ),
  policy('instant restore, Enhanced: 1-30 days', '30', { ...enhancedDaily, instantRestoreDays: 30 }, 'accepted'),
  policy(
    'instant restore, Enhanced: 1-30 days',
    '31',
    { ...enhancedDaily, instantRestoreDays: 31 },
    range('instantRestoreDays', 1, 30),
  ),
  policy(
    'instant restore, Enhanced weekly: 1-30 days',
    '12',
    { ...weekly, ...enhancedDaily, instantRestoreDays: 12 },
    'passes',
  ),
  policy('hourly: Enhanced only', 'a Standard policy', hourly({}, { policyType: 'V1' }), {
    field: 'frequency',
    key: 'policy.hourlyStandard',
  }),
  policy('hourly interval: 4, 6, 8 or 12 hours', '4', hourly({ intervalHours: 4 }), 'accepted'),
  policy('hourly interval: 4, 6, 8 or 12 hours', '12', hourly({ intervalHours: 12 }), 'passes'),
  policy('hourly interval: 4, 6, 8 or 12 hours', '3', hourly({ intervalHours: 3 }), {
    field: 'intervalHours',
    key: 'policy.hourlyInterval',
  }),
  policy('hourly interval: 4, 6, 8 or 12 hours', '5', hourly({ intervalHours: 5 }), {
    field: 'intervalHours',
    key: 'policy.hourlyInterval',
  }),
  policy('hourly window: 4-24 hours', '3', hourly({ windowHours: 3 }), range('windowHours', 4, 24)),
  policy('hourly window: 4-24 hours', '4', hourly({ windowHours: 4 }), 'passes'),
  policy('hourly window: 4-24 hours', '24', hourly({ windowHours: 24 }), 'accepted'),
  policy('hourly window: 4-24 hours', '25', hourly({ windowHours: 25 }), range('windowHours', 4, 24)),
  policy('hourly window start: on the hour or half hour', '23:30', hourly({ windowStart: '23:30' }), 'passes'),
  policy('hourly window start: on the hour or half hour', '08:15', hourly({ windowStart: '08:15' }), {
    field: 'windowStart',
    key: 'policy.windowStart',
  }),

  // Editing checks the same rules (one of each kind here) and keeps the name.
  edit(
    'name: unchanged when editing',
    'another name',
    { name: 'OtherPolicy' },
    { field: 'name', key: 'policyName.renamed' },
  ),
  edit('time: on the hour or half hour', '02:15', { schedule: { time: '02:15' } }, { field: 'time', key: time }),
  edit('instant restore, daily: 1-5 days', '6', { instantRestoreDays: 6 }, range('instantRestoreDays', 1, 5)),
  edit('daily retention: 7-9999 days', '10000', { retention: { dailyDays: 10000 } }, range('dailyDays', 7, 9999)),
  edit(
    'policy type: kept when editing',
    'Enhanced',
    { policyType: 'V2' },
    { field: 'policyType', key: 'policy.typeChanged' },
  ),
  edit('daily retention: 7-9999 days', '9999', { retention: { dailyDays: 9999 } }, 'accepted'),

  // A new VM's name (Azure's rule: 1-64 characters for Linux, letters, digits, hyphens, underscores and periods,
  // no period or hyphen last) and the target group's names; a replace confirmed by the VM's name. The rows that
  // pass start a restore of their own VM, so each names a new VM.
  ...(
    [
      ['1-64 characters', 'empty', '', 'vmName.length'],
      ['1-64 characters', '65 characters', 'r'.repeat(65), 'vmName.length'],
      ['letters, digits, -_.', 'a hash', 'restored#1', 'vmName.characters'],
      ['letters, digits, -_.', 'a space', 'restored 1', 'vmName.characters'],
      ['letters, digits, -_.', 'a letter outside ASCII', 'restoredö', 'vmName.characters'],
      ['no period or hyphen last', 'a hyphen last', 'restored-', 'vmName.end'],
      ['no period or hyphen last', 'a period last', 'restored.', 'vmName.end'],
      ['not taken in the target group', 'the name of a VM there', 'forms-vm-1', 'vmName.taken'],
    ] as const
  ).map(([rule, input, vmName, key]): BoundaryCase => ({
    form: 'restore',
    rule: `new VM name: ${rule}`,
    input,
    change: { vmName },
    expect: key === 'vmName.length' ? { field: 'vmName', key, range: { min: 1, max: 64 } } : { field: 'vmName', key },
  })),
  restore(
    'new VM name: 1-64 characters',
    '64 characters',
    () => ({ vmName: `r${Date.now()}`.padEnd(64, 'x') }),
    'accepted',
  ),
  restore(
    'new VM name: letters, digits, -_.',
    'all of them',
    () => ({ vmName: `Re_stored.${Date.now() % 100_000}-1` }),
    'passes',
  ),
  restore(
    'restore disks: target group',
    'a period last',
    { kind: 'restoreDisks', targetResourceGroup: 'forms-rg.' },
    { field: 'targetResourceGroup', key: 'resourceGroup.end' },
  ),
  restore(
    "replace disks: the VM's name typed",
    'empty',
    { kind: 'replaceDisks', confirmName: '' },
    { field: 'confirmName', key: 'restoreConfirmName' },
  ),
  restore(
    "replace disks: the VM's name typed",
    'in other case',
    () => ({ kind: 'replaceDisks', confirmName: restoreSource.toUpperCase() }),
    { field: 'confirmName', key: 'restoreConfirmName' },
  ),
];
