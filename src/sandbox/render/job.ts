/** Wire shape of a backup job (`AzureIaaSVMJob`), with progress computed from the simulated clock. */
import type { JobRecord, VaultRecord } from '../state/model';
import { vaultArmId } from '../state/names';
import { TIMINGS } from '../state/timings';
import { iso, isoDuration } from './time';

interface TaskView {
  taskId: string;
  status: string;
  startTime?: string;
  endTime?: string;
  duration: string;
  progressPercentage?: number;
}

function endOf(job: JobRecord, now: number): number {
  return job.status === 'InProgress' || job.status === 'Cancelling' ? now : job.endTime;
}

function backupTasks(job: JobRecord, now: number): TaskView[] {
  const snapshotEnd = job.startTime + TIMINGS.backupJob * TIMINGS.snapshotShare;
  const end = endOf(job, now);
  const running = job.status === 'InProgress' || job.status === 'Cancelling';
  const stopped = job.status === 'Failed' ? 'Failed' : job.status === 'Cancelled' ? 'Cancelled' : 'Completed';
  const snapshotDone = end >= snapshotEnd && !(job.status === 'Failed' && (job.failAt ?? 0) <= snapshotEnd);
  const snapshot: TaskView = {
    taskId: 'Take Snapshot', startTime: iso(job.startTime),
    status: snapshotDone ? 'Completed' : running ? 'InProgress' : stopped,
    duration: isoDuration(Math.min(end, snapshotEnd) - job.startTime),
  };
  if (snapshotDone) snapshot.endTime = iso(snapshotEnd);
  const transfer: TaskView = { taskId: 'Transfer data to vault', status: 'NotStarted', duration: 'PT0S' };
  if (snapshotDone) {
    transfer.startTime = iso(snapshotEnd);
    transfer.status = running ? 'InProgress' : stopped;
    transfer.duration = isoDuration(end - snapshotEnd);
    const share = (end - snapshotEnd) / (job.endTime - snapshotEnd || 1);
    transfer.progressPercentage = running ? Math.min(99, Math.round(share * 100)) : 100;
    if (!running) transfer.endTime = iso(end);
  }
  return [snapshot, transfer];
}

export function jobProgress(job: JobRecord, now: number): number {
  if (job.status === 'Completed') return 100;
  const total = job.endTime - job.startTime || 1;
  return Math.max(0, Math.min(99, Math.round(((endOf(job, now) - job.startTime) / total) * 100)));
}

export function renderJob(vault: VaultRecord, job: JobRecord, now: number, withExtendedInfo: boolean): unknown {
  const running = job.status === 'InProgress' || job.status === 'Cancelling';
  const properties: Record<string, unknown> = {
    jobType: 'AzureIaaSVMJob', operation: job.operation, status: job.status, entityFriendlyName: job.entityFriendlyName,
    backupManagementType: 'AzureIaasVM', virtualMachineVersion: 'Compute', containerName: job.containerName,
    startTime: iso(job.startTime), duration: isoDuration(endOf(job, now) - job.startTime), activityId: job.activityId,
    actionsInfo: job.operation === 'Backup' && job.status === 'InProgress' ? [1] : [], isUserTriggered: job.isUserTriggered,
  };
  if (!running) properties.endTime = iso(job.endTime);
  if (job.errorDetails) properties.errorDetails = job.errorDetails;
  if (withExtendedInfo) {
    const propertyBag: Record<string, string> = { 'VM Name': job.entityFriendlyName };
    if (job.operation === 'Backup') {
      propertyBag['Backup Size'] = job.status === 'Completed' ? '12288 MB' : '0 MB';
      if (job.recoveryPointExpiry !== undefined) propertyBag['Recovery Point Expiry Time in UTC'] = iso(job.recoveryPointExpiry);
    }
    const extendedInfo: Record<string, unknown> = {
      tasksList: job.operation === 'Backup' ? backupTasks(job, now) : [],
      propertyBag,
      internalPropertyBag: job.operation === 'Backup' ? { IsInstantRpJob: 'True' } : {},
      progressPercentage: jobProgress(job, now),
    };
    if (running) extendedInfo.estimatedRemainingDuration = isoDuration(Math.max(0, job.endTime - now));
    if (job.errorDetails) extendedInfo.dynamicErrorMessage = job.errorDetails[0].errorString;
    properties.extendedInfo = extendedInfo;
  }
  return { id: `${vaultArmId(vault)}/backupJobs/${job.id}`, name: job.id, type: 'Microsoft.RecoveryServices/vaults/backupJobs', properties };
}
