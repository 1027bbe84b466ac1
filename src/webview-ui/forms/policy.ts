import type { DayOfWeek, PolicyInput } from '../../azure/model';
import { POLICY_LIMITS } from '../../azure/validation';
import type { PolicyInit } from '../../webview/protocol';
import {
  fieldMessage,
  hourlyProblem,
  instantRestoreProblem,
  POLICY_PROBLEM_FIELDS,
  policyNameProblem,
  retentionProblem,
  retentionShrinks,
  scheduleTimeProblem,
  type FieldProblem,
} from '../../webview/rules';
import { editPolicy } from '../channel';
import { el, field, select, setHelp, textfield } from '../dom';
import type { Shell } from '../formShell';
import { formPage } from './page';

const week: DayOfWeek[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** What an hourly schedule starts from when the policy has none yet: the service's own EnhancedPolicy. */
const HOURLY_DEFAULTS = { intervalHours: 4, windowStart: '08:00', windowHours: 12 };

export function renderPolicy(shell: Shell, data: PolicyInit): void {
  const s = shell.strings;
  const p = data.policy;
  const readOnly = data.mode === 'view';
  if (readOnly) shell.body.append(el('p', { class: 'note' }, s.readOnly));
  // Editing a policy in use changes the backups of every item it protects: say how many.
  const used = data.mode === 'edit' ? (data.protectedItems ?? 0) : 0;
  if (used > 0)
    shell.body.append(
      el('p', { class: 'note policy-usage' }, used === 1 ? s.usedByOne : s.usedByMany.replace('{count}', String(used))),
    );
  const num = (v: number | undefined): string => (v === undefined ? '0' : String(v));
  const name = textfield('name', p.name);
  if (data.mode !== 'create') name.setAttribute('readonly', '');
  // A policy keeps its type: chosen when created, shown (not changeable) when edited.
  const policyType = select(
    'policyType',
    [
      { value: 'V1', label: s.V1 },
      { value: 'V2', label: s.V2 },
    ],
    p.policyType ?? 'V1',
  );
  if (data.mode !== 'create') policyType.setAttribute('disabled', '');
  const frequency = select(
    'frequency',
    [
      { value: 'Daily', label: s.Daily },
      { value: 'Weekly', label: s.Weekly },
      { value: 'Hourly', label: s.Hourly },
    ],
    p.schedule.frequency,
  );
  const ps = p.schedule;
  const hourly = ps.frequency === 'Hourly' ? ps : HOURLY_DEFAULTS;
  const time = textfield('time', ps.frequency === 'Hourly' ? '22:30' : ps.time, 'time');
  const interval = select(
    'intervalHours',
    POLICY_LIMITS.hourlyIntervals.map((h) => ({ value: String(h), label: s.everyHours.replace('{hours}', String(h)) })),
    String(hourly.intervalHours),
  );
  const windowStart = textfield('windowStart', hourly.windowStart, 'time');
  const windowHours = textfield('windowHours', String(hourly.windowHours), 'number');
  const zone = select(
    'timeZone',
    data.timeZones.map((z) => ({ value: z, label: z })),
    p.timeZone,
  );
  const days = el('div', { class: 'days', role: 'group', id: 'days' });
  for (const d of week)
    days.append(
      el('vscode-checkbox', { value: d, label: s[d], checked: ps.frequency === 'Weekly' && !!ps.days?.includes(d) }),
    );
  const instant = textfield('instantRestoreDays', String(p.instantRestoreDays), 'number');
  const daily = textfield('dailyDays', num(p.retention.dailyDays), 'number');
  const weekly = textfield('weeklyWeeks', num(p.retention.weeklyWeeks), 'number');
  const monthly = textfield('monthlyMonths', num(p.retention.monthlyMonths), 'number');
  const yearly = textfield('yearlyYears', num(p.retention.yearlyYears), 'number');
  const fields = {
    name: field(s.name, name),
    policyType: field(s.policyType, policyType),
    frequency: field(s.frequency, frequency),
    time: field(s.time, time),
    intervalHours: field(s.intervalHours, interval),
    windowStart: field(s.windowStart, windowStart),
    windowHours: field(s.windowHours, windowHours),
    timeZone: field(s.timeZone, zone),
    days: field(s.days, days),
    instantRestoreDays: field(s.instantRestoreDays, instant),
    dailyDays: field(s.dailyDays, daily),
    weeklyWeeks: field(s.weeklyWeeks, weekly),
    monthlyMonths: field(s.monthlyMonths, monthly),
    yearlyYears: field(s.yearlyYears, yearly),
  };
  for (const [key, f] of Object.entries(fields)) {
    shell.helpers.set(key, f.helper);
    shell.body.append(f.group);
  }
  const shrinkWarning = el(
    'p',
    { class: 'form-warning retention-warning', role: 'status', hidden: true },
    s.retentionShrinks,
  );
  shell.body.append(shrinkWarning);
  /** The vault's policy with this name in any case (a new policy of that name would replace it). */
  const takenBy = (value: string): string | undefined =>
    data.mode === 'create' ? data.takenNames?.find((n) => n.toLowerCase() === value.toLowerCase()) : undefined;
  const offerEdit = (existing: string): void => {
    const link = el('a', { href: '#', id: 'edit-existing' }, s.editExisting.replace('{name}', existing));
    link.addEventListener('click', (e) => {
      e.preventDefault();
      editPolicy(existing);
    });
    fields.name.helper.append(' ', link);
  };
  if (readOnly)
    for (const c of shell.body.querySelectorAll('vscode-textfield, vscode-single-select, vscode-checkbox'))
      c.setAttribute('disabled', '');
  const message = (problem: FieldProblem | undefined): string | undefined => problem && fieldMessage(s, problem);
  const chosenDays = (): DayOfWeek[] =>
    week.filter(
      (d) =>
        (days.querySelector(`vscode-checkbox[value="${d}"]`) as (HTMLElement & { checked: boolean }) | null)?.checked,
    );
  /** Reads the form; 0 means "no weekly/monthly/yearly retention". Sets each helper; undefined when invalid. */
  const read = (): PolicyInput | undefined => {
    let ok = true;
    const mark = (key: keyof typeof fields, problem: string | undefined): void => {
      setHelp(fields[key].helper, problem ?? '', problem !== undefined);
      if (problem) ok = false;
    };
    const enhanced = policyType.value === 'V2';
    const weeklySchedule = frequency.value === 'Weekly';
    const hourlySchedule = frequency.value === 'Hourly';
    fields.days.group.hidden = !weeklySchedule;
    fields.time.group.hidden = hourlySchedule;
    for (const key of ['intervalHours', 'windowStart', 'windowHours'] as const)
      fields[key].group.hidden = !hourlySchedule;
    fields.dailyDays.group.hidden = weeklySchedule;
    const taken = takenBy(name.value);
    const nameProblem = policyNameProblem(name.value);
    mark('name', nameProblem ? message(nameProblem) : taken ? s.policyNameTaken.replace('{name}', taken) : undefined);
    if (taken && !nameProblem) offerEdit(taken);
    const n = (c: { value: string }): number => Number(c.value);
    const hourlyInput = {
      intervalHours: n(interval),
      windowStart: windowStart.value,
      windowHours: n(windowHours),
    };
    // Only an Enhanced policy runs hourly: a Standard one chosen with it says so next to the frequency.
    mark('frequency', hourlySchedule && !enhanced ? s['policy.hourlyStandard'] : undefined);
    mark('time', hourlySchedule ? undefined : message(scheduleTimeProblem(time.value)));
    const hourlyIssue = hourlySchedule ? hourlyProblem(hourlyInput) : undefined;
    for (const key of ['intervalHours', 'windowStart', 'windowHours'] as const)
      mark(key, hourlyIssue && POLICY_PROBLEM_FIELDS[hourlyIssue.key] === key ? message(hourlyIssue) : undefined);
    mark('days', weeklySchedule && chosenDays().length === 0 ? s['policy.weeklyDays'] : undefined);
    mark('instantRestoreDays', message(instantRestoreProblem(n(instant), weeklySchedule, enhanced)));
    mark('dailyDays', weeklySchedule ? undefined : message(retentionProblem('dailyDays', n(daily), false)));
    const optional = (
      c: { value: string },
      key: 'weeklyWeeks' | 'monthlyMonths' | 'yearlyYears',
    ): number | undefined => {
      const v = n(c);
      mark(key, message(retentionProblem(key, v, true)));
      return v === 0 ? undefined : v;
    };
    const weeklyWeeks = optional(weekly, 'weeklyWeeks');
    const monthlyMonths = optional(monthly, 'monthlyMonths');
    const yearlyYears = optional(yearly, 'yearlyYears');
    if (!ok) return undefined;
    return {
      name: name.value,
      policyType: enhanced ? 'V2' : 'V1',
      timeZone: zone.value,
      instantRestoreDays: n(instant),
      schedule: hourlySchedule
        ? { frequency: 'Hourly', ...hourlyInput }
        : weeklySchedule
          ? { frequency: 'Weekly', time: time.value, days: chosenDays() }
          : { frequency: 'Daily', time: time.value },
      retention: {
        ...(weeklySchedule ? {} : { dailyDays: n(daily) }),
        ...(weeklyWeeks !== undefined ? { weeklyWeeks, weeklyDays: weeklySchedule ? chosenDays() : ['Sunday'] } : {}),
        ...(monthlyMonths !== undefined ? { monthlyMonths } : {}),
        ...(yearlyYears !== undefined ? { yearlyYears } : {}),
      },
    };
  };
  const update = (): void => {
    const input = read();
    shrinkWarning.hidden = !(used > 0 && input !== undefined && retentionShrinks(p, input));
    shell.disableSubmit(readOnly || input === undefined);
  };
  shell.body.addEventListener('input', update);
  shell.body.addEventListener('change', update);
  // A select's and a checkbox's change events do not bubble: each is heard on the control itself.
  for (const c of shell.body.querySelectorAll('vscode-single-select, vscode-checkbox'))
    c.addEventListener('change', update);
  shell.whenSettled(update);
  shell.button.addEventListener('click', () => {
    const input = read();
    if (input && !readOnly) void shell.run<'policy'>(input);
  });
}

export const policyPage = formPage('policy', renderPolicy);
