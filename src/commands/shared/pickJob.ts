import * as vscode from 'vscode';
import type { BackupService, VaultRef } from '../../azure/backupService';
import type { BackupJob } from '../../azure/model';
import { jobDescription, operationLabel, sortJobs } from '../../tree/describe';
import { UserCancelled } from '../../ui/errorInfo';
import * as notify from '../../ui/notify';
import { addDays } from '../../ui/time';

export async function pickJob(service: BackupService, ref: VaultRef, onlyRunning = false): Promise<BackupJob> {
  const now = new Date();
  const page = await service.listJobs(ref, { startTime: addDays(now, -1), endTime: now, status: onlyRunning ? 'InProgress' : undefined });
  const items = sortJobs(page.items).map((job) => ({ label: `${operationLabel(job.operation, vscode.l10n)} · ${job.entityFriendlyName}`, description: jobDescription(job, vscode.l10n), job }));
  if (items.length === 0) {
    void notify.info(vscode.l10n.t('No jobs in the last 24 hours.'));
    throw new UserCancelled();
  }
  const chosen = await notify.quickPick(items, { placeHolder: vscode.l10n.t('Select a backup job') });
  if (!chosen) throw new UserCancelled();
  return chosen.job;
}
