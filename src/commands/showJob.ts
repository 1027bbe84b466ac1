import * as vscode from 'vscode';
import type { BackupJob } from '../azure/model';
import { jobStatusLabel, operationLabel } from '../tree/describe';
import { escapeMarkdown } from '../ui/escape';
import { formatDuration } from '../ui/time';
import type { CommandDefinition } from './commandDeps';
import { currentJob } from './shared/jobTarget';

export function jobMarkdown(job: BackupJob): string {
  const e = escapeMarkdown;
  const rows: [string, string | undefined][] = [
    [vscode.l10n.t('Operation'), operationLabel(job.operation, vscode.l10n)], [vscode.l10n.t('Item'), job.entityFriendlyName], [vscode.l10n.t('Status'), jobStatusLabel(job, vscode.l10n)],
    [vscode.l10n.t('Vault'), job.vaultName], [vscode.l10n.t('Started'), job.startTime?.toISOString()], [vscode.l10n.t('Ended'), job.endTime?.toISOString()],
    [vscode.l10n.t('Duration'), job.durationMs === undefined ? undefined : formatDuration(job.durationMs)],
    [vscode.l10n.t('Error code'), job.errorCode], [vscode.l10n.t('Error'), job.errorMessage], [vscode.l10n.t('Job id'), job.name],
  ];
  const lines = [`# ${e(vscode.l10n.t('Backup job {0}', job.name))}`, '', ...rows.filter(([, v]) => v).map(([k, v]) => `- **${e(k)}**: ${e(v ?? '')}`)];
  if (job.tasks?.length) {
    lines.push('', `## ${e(vscode.l10n.t('Tasks'))}`, '');
    for (const task of job.tasks) lines.push(`- ${e(task.name)}: ${e(task.status)}${task.progressPercentage !== undefined ? ` (${task.progressPercentage}%)` : ''}`);
  }
  for (const [k, v] of Object.entries(job.properties ?? {})) lines.push(`- ${e(k)}: ${e(v)}`);
  return `${lines.join('\n')}\n`;
}

/** `azureBackup.showJob(jobNode | job | {vault, jobName})`: opens the details; returns the fresh job. */
export const showJob: CommandDefinition = {
  id: 'azureBackup.showJob',
  title: () => vscode.l10n.t('Show job details'),
  async run(deps, node) {
    const { job } = await currentJob(deps, node);
    await deps.details.show('job', job.name, jobMarkdown(job));
    return job;
  },
};
