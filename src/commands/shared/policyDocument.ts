import * as vscode from 'vscode';
import type { Policy, PolicyInput } from '../../azure/model';
import type { DetailsPage } from '../../presentation/detailsPage';
import { dayLabel, policyKindLabel, policySummary } from '../../presentation/policyText';

/** A policy as the form edits it; defaults mirror DefaultPolicy (daily, 30 days, 2 instant-restore days, UTC). */
export function policyToInput(policy: Policy | undefined, name = ''): PolicyInput {
  const hourly = policy?.hourly;
  return {
    name: policy?.name ?? name,
    policyType: policy?.policyType === 'V2' ? 'V2' : 'V1',
    schedule: hourly ? { frequency: 'Hourly', ...hourly } : (policy?.schedule ?? { frequency: 'Daily', time: '22:30' }),
    timeZone: policy?.timeZone ?? 'UTC',
    instantRestoreDays: policy?.instantRestoreDays ?? 2,
    retention: policy?.retention ?? { dailyDays: 30 },
  };
}

/** The policy's details page: what it protects, when it runs and how long each kind of point is kept, with units. */
export function policyPage(policy: Policy): DetailsPage {
  const l10n = vscode.l10n;
  const r = policy.retention ?? {};
  const weekly =
    r.weeklyWeeks === undefined
      ? undefined
      : r.weeklyDays?.length
        ? l10n.t('{0} weeks, the backup of {1}', r.weeklyWeeks, r.weeklyDays.map((d) => dayLabel(d, l10n)).join(', '))
        : l10n.t('{0} weeks', r.weeklyWeeks);
  const rows: [string, string | undefined][] = [
    [l10n.t('Protects'), policyKindLabel(policy, l10n)],
    [
      l10n.t('Schedule'),
      policy.schedule || policy.hourly ? policySummary({ ...policy, retention: undefined }, l10n) : undefined,
    ],
    [l10n.t('Time zone'), policy.timeZone],
    [
      l10n.t('Instant restore snapshots kept'),
      policy.instantRestoreDays === undefined ? undefined : l10n.t('{0} days', policy.instantRestoreDays),
    ],
    [l10n.t('Daily backups kept'), r.dailyDays === undefined ? undefined : l10n.t('{0} days', r.dailyDays)],
    [l10n.t('Weekly backups kept'), weekly],
    [l10n.t('Monthly backups kept'), r.monthlyMonths === undefined ? undefined : l10n.t('{0} months', r.monthlyMonths)],
    [l10n.t('Yearly backups kept'), r.yearlyYears === undefined ? undefined : l10n.t('{0} years', r.yearlyYears)],
    [l10n.t('Protected items'), String(policy.protectedItemsCount)],
  ];
  const facts = rows.filter((row): row is [string, string] => row[1] !== undefined);
  const note =
    policy.backupManagementType === 'AzureIaasVM'
      ? undefined
      : l10n.t('This extension shows the schedule and retention of virtual machine policies only.');
  return { title: l10n.t('Backup policy {0}', policy.name), sections: [{ facts, ...(note ? { note } : {}) }] };
}
