// Backup jobs: list (with the service's filter syntax), get, cancel, wait.
import { getContinuationToken } from '@azure/arm-recoveryservicesbackup';
import type { JobFilter, Page, PageOptions, TrackOptions, VaultRef } from '../backupService';
import { toBackupJob } from '../convert/jobs';
import { formatFilterDate } from '../convert/time';
import type { BackupJob } from '../model';
import { collectPage } from '../paging';
import { followJob } from '../tracker';
import type { OperationContext } from './context';
import { call, trackerFor } from './context';

/** `endTime eq '…' and operation eq 'Backup' and startTime eq '…' and status eq 'InProgress'` (keys sorted, as the CLI sends them). */
export function jobFilterString(filter: JobFilter = {}): string | undefined {
  const parts: [string, string][] = [];
  if (filter.endTime) parts.push(['endTime', formatFilterDate(filter.endTime)]);
  if (filter.operation) parts.push(['operation', filter.operation]);
  if (filter.startTime) parts.push(['startTime', formatFilterDate(filter.startTime)]);
  if (filter.status) parts.push(['status', filter.status]);
  return parts.length ? parts.map(([k, v]) => `${k} eq '${v.replace(/'/g, "''")}'`).join(' and ') : undefined;
}

export function listJobs(
  ctx: OperationContext,
  ref: VaultRef,
  filter: JobFilter = {},
  options: PageOptions = {},
): Promise<Page<BackupJob>> {
  const $filter = jobFilterString(filter);
  return call(() =>
    collectPage(
      ctx.clients.backup(ref.subscriptionId).backupJobs.list(ref.name, ref.resourceGroup, {
        ...($filter ? { filter: $filter } : {}),
        abortSignal: options.signal,
      }),
      getContinuationToken,
      toBackupJob,
      options,
    ),
  );
}

export async function getJob(
  ctx: OperationContext,
  ref: VaultRef,
  jobName: string,
  signal?: AbortSignal,
): Promise<BackupJob> {
  return toBackupJob(
    await call(() =>
      ctx.clients
        .backup(ref.subscriptionId)
        .jobDetails.get(ref.name, ref.resourceGroup, jobName, { abortSignal: signal }),
    ),
  );
}

/** Asks the service to cancel; returns the job as it reads right after (usually Cancelling). */
export async function cancelJob(
  ctx: OperationContext,
  ref: VaultRef,
  jobName: string,
  signal?: AbortSignal,
): Promise<BackupJob> {
  await call(() =>
    ctx.clients
      .backup(ref.subscriptionId)
      .jobCancellations.trigger(ref.name, ref.resourceGroup, jobName, { abortSignal: signal }),
  );
  return getJob(ctx, ref, jobName, signal);
}

/** Follows the job until it ends. Throws AzureError 'Cancelled' if the signal aborts first. */
export function waitForJob(
  ctx: OperationContext,
  ref: VaultRef,
  jobName: string,
  options: TrackOptions = {},
): Promise<BackupJob> {
  return call(() => followJob(trackerFor(ctx, ref), jobName, options));
}
