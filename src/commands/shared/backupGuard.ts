import type { BackupItem, BackupJob } from '../../azure/model';

/** The running Backup job of an item among a vault's jobs, if any (jobs name the container without its prefix). */
export function runningBackupOf(item: Pick<BackupItem, 'containerName' | 'friendlyName'>, jobs: BackupJob[]): BackupJob | undefined {
  const container = item.containerName.toLowerCase();
  return jobs.find((job) => job.operation === 'Backup' && (job.status === 'InProgress' || job.status === 'Cancelling')
    && (job.containerName ? container.endsWith(job.containerName.toLowerCase()) : job.entityFriendlyName.toLowerCase() === item.friendlyName.toLowerCase()));
}
