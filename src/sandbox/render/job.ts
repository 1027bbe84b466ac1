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
    taskId: 'Take Snapshot',
    startTime: iso(job.startTime),
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

function restoreTask(job: JobRecord, now: number): TaskView {
  const running = job.status === 'InProgress' || job.status === 'Cancelling';
  const end = endOf(job, now);
  const task: TaskView = {
    taskId: 'Transfer data',
    startTime: iso(job.startTime),
    status: running ? 'InProgress' : job.status === 'Completed' ? 'Completed' : 'Failed',
    duration: isoDuration(end - job.startTime),
    progressPercentage: jobProgress(job, now),
  };
  if (!running) task.endTime = iso(end);
  return task;
}

const RESTORE_JOB_TYPES = {
  AlternateLocation: 'Create new virtual machine',
  RestoreDisks: 'Recover disks',
  OriginalLocation: 'Replace existing disks',
} as const;

/** What a restore job reports: its target, and for restored disks the blobs with the VM configuration and template. */
function restorePropertyBag(job: JobRecord): Record<string, string> {
  const r = job.restore;
  if (!r) return {};
  const account = /storageAccounts\/([^/]+)/i.exec(r.storageAccountId)?.[1] ?? '';
  const bag: Record<string, string> = {
    'Job Type': RESTORE_JOB_TYPES[r.recoveryType],
    // Azure's key carries a trailing space.
    'Recovery point time ': iso(r.recoveryPointTime),
    'Target Storage Account Name': account,
  };
  if (r.targetResourceGroup) bag['Target resource group'] = r.targetResourceGroup;
  if (r.targetVmName) bag['Target VM Name'] = r.targetVmName;
  if (r.createdDisks) bag['Restored disks'] = r.createdDisks.join(', ');
  if (r.recoveryType === 'RestoreDisks' && job.status === 'Completed') {
    const container = `${job.entityFriendlyName.toLowerCase().replace(/[^a-z0-9-]/g, '')}-${job.id.slice(0, 8)}`;
    const blob = `https://${account}.blob.core.windows.net/${container}`;
    bag['Config Blob Container Name'] = container;
    bag['Config Blob Name'] = `config-${job.entityFriendlyName}-${job.id}.json`;
    bag['Config Blob Uri'] = `${blob}/config-${job.entityFriendlyName}-${job.id}.json`;
    bag['Template Blob Uri'] = `${blob}/azuredeploy${job.id}.json`;
  }
  return bag;
}

export function jobProgress(job: JobRecord, now: number): number {
  if (job.status === 'Completed') return 100;
  const total = job.endTime - job.startTime || 1;
  return Math.max(0, Math.min(99, Math.round(((endOf(job, now) - job.startTime) / total) * 100)));
}

export function renderJob(vault: VaultRecord, job: JobRecord, now: number, withExtendedInfo: boolean): unknown {
  const running = job.status === 'InProgress' || job.status === 'Cancelling';
  const properties: Record<string, unknown> = {
    jobType: 'AzureIaaSVMJob',
    operation: job.operation,
    status: job.status,
    entityFriendlyName: job.entityFriendlyName,
    backupManagementType: 'AzureIaasVM',
    virtualMachineVersion: 'Compute',
    containerName: job.containerName,
    startTime: iso(job.startTime),
    duration: isoDuration(endOf(job, now) - job.startTime),
    activityId: job.activityId,
    actionsInfo: job.operation === 'Backup' && job.status === 'InProgress' ? [1] : [],
    isUserTriggered: job.isUserTriggered,
  };
  if (!running) properties.endTime = iso(job.endTime);
  if (job.errorDetails) properties.errorDetails = job.errorDetails;
  if (withExtendedInfo) {
    const propertyBag: Record<string, string> = { 'VM Name': job.entityFriendlyName };
    if (job.operation === 'Backup') {
      propertyBag['Backup Size'] = job.status === 'Completed' ? '12288 MB' : '0 MB';
      if (job.recoveryPointExpiry !== undefined)
        propertyBag['Recovery Point Expiry Time in UTC'] = iso(job.recoveryPointExpiry);
    }
    if (job.restore) Object.assign(propertyBag, restorePropertyBag(job));
    const extendedInfo: Record<string, unknown> = {
      tasksList:
        job.operation === 'Backup' ? backupTasks(job, now) : job.operation === 'Restore' ? [restoreTask(job, now)] : [],
      propertyBag,
      internalPropertyBag: job.operation === 'Backup' ? { IsInstantRpJob: 'True' } : {},
      progressPercentage: jobProgress(job, now),
    };
    if (running) extendedInfo.estimatedRemainingDuration = isoDuration(Math.max(0, job.endTime - now));
    if (job.errorDetails) extendedInfo.dynamicErrorMessage = job.errorDetails[0].errorString;
    properties.extendedInfo = extendedInfo;
  }
  return {
    id: `${vaultArmId(vault)}/backupJobs/${job.id}`,
    name: job.id,
    type: 'Microsoft.RecoveryServices/vaults/backupJobs',
    properties,
  };
}
