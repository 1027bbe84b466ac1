import * as vscode from 'vscode';
import type { Policy, PolicyInput } from '../../azure/model';
import { escapeMarkdown } from '../../ui/escape';
import { policySummary } from '../../tree/nodes/policyNode';

/** A policy as the form edits it; defaults mirror DefaultPolicy (daily, 30 days, 2 instant-restore days, UTC). */
export function policyToInput(policy: Policy | undefined, name = ''): PolicyInput {
  return {
    name: policy?.name ?? name,
    schedule: policy?.schedule ?? { frequency: 'Daily', time: '22:30' },
    timeZone: policy?.timeZone ?? 'UTC',
    instantRestoreDays: policy?.instantRestoreDays ?? 2,
    retention: policy?.retention ?? { dailyDays: 30 },
  };
}

export function policyMarkdown(policy: Policy): string {
  const r = policy.retention ?? {};
  const rows: [string, string | number | undefined][] = [
    [vscode.l10n.t('Schedule'), policySummary(policy, vscode.l10n)], [vscode.l10n.t('Time zone'), policy.timeZone], [vscode.l10n.t('Instant restore'), policy.instantRestoreDays],
    [vscode.l10n.t('Daily retention (days)'), r.dailyDays], [vscode.l10n.t('Weekly retention (weeks)'), r.weeklyWeeks], [vscode.l10n.t('Monthly retention (months)'), r.monthlyMonths],
    [vscode.l10n.t('Yearly retention (years)'), r.yearlyYears], [vscode.l10n.t('Protected items'), policy.protectedItemsCount], [vscode.l10n.t('Type'), `${policy.backupManagementType} ${policy.policyType}`],
  ];
  return [`# ${escapeMarkdown(vscode.l10n.t('Backup policy {0}', policy.name))}`, '', ...rows.filter(([, v]) => v !== undefined).map(([k, v]) => `- **${escapeMarkdown(k)}**: ${escapeMarkdown(String(v))}`), ''].join('\n');
}
