// Pure words for a policy (tree description, details page, forms): what it protects, when it runs.
// Takes an L10n (vscode.l10n in the extension) so it is unit-tested without VS Code. The vscode type import lets
// the l10n string extractor see the l10n.t() calls; nothing is loaded at runtime.
import type * as vscode from 'vscode';
import type { DayOfWeek, Policy } from '../azure/model';
import type { L10n } from './describe';

/** What callers pass: vscode.l10n in the extension (a stand-in with the same t() in unit tests). The type-only vscode import also lets `npm run l10n` find this file's strings. @public */
export type Words = L10n | Pick<typeof vscode.l10n, 't'>;

/** What a policy protects, in words: "Azure virtual machines (enhanced)", "SQL Server databases in Azure VMs". */
export function policyKindLabel(policy: Policy, l10n: L10n): string {
  switch (policy.backupManagementType) {
    case 'AzureIaasVM':
      return policy.policyType === 'V2'
        ? l10n.t('Azure virtual machines (enhanced)')
        : l10n.t('Azure virtual machines (standard)');
    case 'AzureStorage':
      return l10n.t('Azure file shares');
    case 'MAB':
      return l10n.t('Files and folders (Azure Backup agent)');
    case 'AzureWorkload':
      switch (policy.workloadType) {
        case 'SQLDataBase':
          return l10n.t('SQL Server databases in Azure VMs');
        case 'SAPHanaDatabase':
          return l10n.t('SAP HANA databases in Azure VMs');
        case 'SAPAseDatabase':
          return l10n.t('SAP ASE databases in Azure VMs');
        default:
          return policy.workloadType
            ? l10n.t('{0} workloads in Azure VMs', policy.workloadType)
            : l10n.t('Workloads in Azure VMs');
      }
    default:
      return policy.backupManagementType;
  }
}

/** "Daily at 22:30 · 30 days"; an enhanced hourly policy by its window; another workload's policy by its kind. */
export function policySummary(policy: Policy, l10n: L10n): string {
  const h = policy.hourly;
  if (!policy.schedule && !h) return l10n.t('Policy for {0}', policyKindLabel(policy, l10n));
  const when = h
    ? l10n.t('Every {0} hours from {1} for {2} hours', h.intervalHours, h.windowStart, h.windowHours)
    : policy.schedule?.frequency === 'Daily'
      ? l10n.t('Daily at {0}', policy.schedule.time)
      : l10n.t(
          'Weekly on {0} at {1}',
          (policy.schedule?.days ?? []).map((d) => dayLabel(d, l10n)).join(', '),
          policy.schedule?.time ?? '',
        );
  const keep =
    policy.retention?.dailyDays !== undefined
      ? l10n.t('{0} days', policy.retention.dailyDays)
      : policy.retention?.weeklyWeeks !== undefined
        ? l10n.t('{0} weeks', policy.retention.weeklyWeeks)
        : undefined;
  return keep ? l10n.t('{0} · {1}', when, keep) : when;
}

export function dayLabel(day: DayOfWeek, l10n: L10n): string {
  switch (day) {
    case 'Sunday':
      return l10n.t('Sunday');
    case 'Monday':
      return l10n.t('Monday');
    case 'Tuesday':
      return l10n.t('Tuesday');
    case 'Wednesday':
      return l10n.t('Wednesday');
    case 'Thursday':
      return l10n.t('Thursday');
    case 'Friday':
      return l10n.t('Friday');
    case 'Saturday':
      return l10n.t('Saturday');
    default:
      return day;
  }
}
