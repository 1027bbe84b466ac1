import * as vscode from 'vscode';
import type { BackupService, VaultRef } from '../../azure/backupService';
import type { BackupJob } from '../../azure/model';
import { jobDescription, operationLabel, sortJobs } from '../../presentation/describe';
import { UserCancelled } from '../../ui/errorInfo';
import * as notify from '../../ui/notify';
import { addDays } from '../../presentation/time';

/** A job of the last 24 hours; `cancellableOnly` lists just the running jobs the service can cancel (Cancel job). */
export function isCancellable(job: BackupJob): boolean {
  return job.status === 'InProgress' && job.cancellable;
}

export async function pickJob(service: BackupService, ref: VaultRef, cancellableOnly = false): Promise<BackupJob> {
  const now = new Date();
  const page = await service.listJobs(ref, {
    startTime: addDays(now, -1),
    endTime: now,
    status: cancellableOnly ? 'InProgress' : undefined,
  });
  const jobs = cancellableOnly ? page.items.filter(isCancellable) : page.items;
  const items = sortJobs(jobs).map((job) => ({
    label: `${operationLabel(job.operation, vscode.l10n)} · ${job.entityFriendlyName}`,
    description: jobDescription(job, vscode.l10n),
    job,
  }));
  if (items.length === 0) {
    void notify.info(
      cancellableOnly
        ? vscode.l10n.t('No job of this vault can be cancelled now.')
        : vscode.l10n.t('No jobs in the last 24 hours.'),
    );
    throw new UserCancelled();
  }
  const chosen = await notify.quickPick(items, { placeHolder: vscode.l10n.t('Select a backup job') });
  if (!chosen) throw new UserCancelled();
  return chosen.job;
}
