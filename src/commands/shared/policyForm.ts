import * as vscode from 'vscode';
import { withProgress } from '../../ui/progress';
import type { PolicyInput, Policy } from '../../azure/model';
import type { VaultTarget } from './targets';
import { vaultRef } from '../../tree/refs';
import { inRange, limits, policyNameProblem, scheduleTimeProblem } from '../../webview/rules';
import type { CommandDeps } from '../commandDeps';
import { formStrings } from './formStrings';
import { refreshVault } from './refreshAffected';
import { policyToInput } from './policyDocument';

const timeZones = ['UTC', 'W. Europe Standard Time', 'GMT Standard Time', 'Eastern Standard Time', 'Pacific Standard Time', 'Central European Standard Time', 'Tokyo Standard Time', 'India Standard Time', 'AUS Eastern Standard Time'];

function fieldError(key: string, field: string, strings: Record<string, string>): Error {
  return Object.assign(new Error(strings[key] ?? key), { field });
}

/** The host's check of a policy (the form checks the same rules live). */
export function checkPolicy(input: PolicyInput): void {
  const s = formStrings('policy');
  if (policyNameProblem(input.name)) throw fieldError('policyNameInvalid', 'name', s);
  if (scheduleTimeProblem(input.schedule.time)) throw fieldError('timeInvalid', 'time', s);
  const instant = input.schedule.frequency === 'Weekly' ? { min: 5, max: 5 } : limits.instantRestoreDaily;
  const range = (value: number | undefined, r: { min: number; max: number }, field: string): void => {
    if (value !== undefined && !inRange(value, r)) throw Object.assign(new Error(s.rangeInvalid.replace('{min}', String(r.min)).replace('{max}', String(r.max))), { field });
  };
  range(input.instantRestoreDays, instant, 'instantRestoreDays');
  if (input.schedule.frequency === 'Daily') {
    if (input.retention.dailyDays === undefined) throw fieldError('required', 'dailyDays', s);
    range(input.retention.dailyDays, limits.dailyDays, 'dailyDays');
  } else if (!input.schedule.days?.length) {
    throw fieldError('required', 'days', s);
  }
  range(input.retention.weeklyWeeks, limits.weeklyWeeks, 'weeklyWeeks');
  range(input.retention.monthlyMonths, limits.monthlyMonths, 'monthlyMonths');
  range(input.retention.yearlyYears, limits.yearlyYears, 'yearlyYears');
}

export async function savePolicy(deps: CommandDeps, target: VaultTarget, input: PolicyInput): Promise<Policy> {
  checkPolicy(input);
  // Cancellable: a stalled request must not hold the user (saving again is idempotent).
  const policy = await withProgress(vscode.l10n.t('Saving policy {0}…', input.name), true, (signal) => target.service.createOrUpdatePolicy(vaultRef(target.vault), input, signal));
  refreshVault(deps.tree, target.vault.id, ['policies']);
  return policy;
}

export function openPolicyForm(deps: CommandDeps, target: VaultTarget, mode: 'create' | 'edit' | 'view', policy?: Policy): void {
  deps.forms.open({
    kind: 'policy', key: `${target.vault.id}/${policy?.name ?? '#new'}`,
    title: mode === 'create' ? vscode.l10n.t('New backup policy in {0}', target.vault.name) : vscode.l10n.t('Backup policy {0}', policy?.name ?? ''),
    strings: formStrings('policy'),
    init: { vaultName: target.vault.name, mode, policy: policyToInput(policy), timeZones },
    submit: async (input) => {
      if (mode === 'view') throw new Error(formStrings('policy').readOnly);
      if (mode === 'edit' && policy && input.name !== policy.name) throw Object.assign(new Error(formStrings('policy').policyNameInvalid), { field: 'name' });
      const saved = await savePolicy(deps, target, input);
      return { message: vscode.l10n.t('Policy {0} saved.', saved.name) };
    },
  });
}
