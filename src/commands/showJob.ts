import * as vscode from 'vscode';
import type { BackupJob } from '../azure/model';
import { jobStatusLabel, operationLabel } from '../presentation/describe';
import type { DetailsPage, DetailsSection } from '../presentation/detailsPage';
import { formatDateTime, formatDuration } from '../presentation/time';
import type { CommandDefinition } from './commandDeps';
import { currentJob } from './shared/jobTarget';

/** A timestamp in the service's property bag reads like every other date; a key that says UTC keeps it in UTC. */
function propertyValue(key: string, value: string, locale: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) || Number.isNaN(Date.parse(value))) return value;
  return /\bUTC\b/i.test(key)
    ? formatDateTime(new Date(value), locale, 'UTC')
    : formatDateTime(new Date(value), locale);
}

/** The job's details page; times in the display language and this machine's time zone. */
export function jobPage(job: BackupJob, locale = vscode.env.language): DetailsPage {
  const l10n = vscode.l10n;
  const rows: [string, string | undefined][] = [
    [l10n.t('Operation'), operationLabel(job.operation, l10n)],
    [l10n.t('Item'), job.entityFriendlyName],
    [l10n.t('Status'), jobStatusLabel(job, l10n)],
    [l10n.t('Vault'), job.vaultName],
    [l10n.t('Started'), job.startTime && formatDateTime(job.startTime, locale)],
    [l10n.t('Ended'), job.endTime && formatDateTime(job.endTime, locale)],
    [l10n.t('Duration'), job.durationMs === undefined ? undefined : formatDuration(job.durationMs)],
    [l10n.t('Error code'), job.errorCode],
    [l10n.t('Error'), job.errorMessage],
    [l10n.t('Job id'), job.name],
  ];
  const sections: DetailsSection[] = [{ facts: rows.filter((row): row is [string, string] => !!row[1]) }];
  if (job.tasks?.length) {
    sections.push({
      heading: l10n.t('Tasks'),
      table: {
        columns: [l10n.t('Task'), l10n.t('Status'), l10n.t('Progress')],
        rows: job.tasks.map((t) => [
          t.name,
          t.status,
          t.progressPercentage === undefined ? '' : `${t.progressPercentage}%`,
        ]),
      },
    });
  }
  const properties = Object.entries(job.properties ?? {}).map(
    ([k, v]) => [k, propertyValue(k, v, locale)] as [string, string],
  );
  if (properties.length) sections.push({ heading: l10n.t('Properties'), facts: properties });
  return { title: l10n.t('Backup job {0}', job.name), sections };
}

/** `azureBackup.showJob(jobNode | job | {vault, jobName})`: opens the details; returns the fresh job. */
export const showJob: CommandDefinition = {
  id: 'azureBackup.showJob',
  title: () => vscode.l10n.t('Show job details'),
  async run(deps, node) {
    const { job } = await currentJob(deps, node);
    deps.details.show('job', job.id, jobPage(job));
    return job;
  },
};
