// Backup job (backup SDK) → domain BackupJob.
import type { AzureIaaSVMJob, JobResource } from '@azure/arm-recoveryservicesbackup';
import { idSegments } from '../ids';
import type { BackupJob, JobStatus, JobTask } from '../model';
import { meaningfulDate, parseIsoDuration } from './time';

const STATUSES: readonly JobStatus[] = [
  'InProgress',
  'Completed',
  'Failed',
  'CompletedWithWarnings',
  'Cancelled',
  'Cancelling',
  'Invalid',
];

export function toJobStatus(value: string | undefined): JobStatus {
  return STATUSES.find((s) => s.toLowerCase() === value?.toLowerCase()) ?? 'Invalid';
}

export function isJobRunning(status: JobStatus): boolean {
  return status === 'InProgress' || status === 'Cancelling';
}

export function toBackupJob(resource: JobResource): BackupJob {
  const id = resource.id ?? '';
  const seg = idSegments(id);
  const props = resource.properties;
  const vm: Partial<AzureIaaSVMJob> =
    props?.jobType === 'AzureIaaSVMJob' || props?.jobType === 'AzureIaaSVMJobV2' ? (props as AzureIaaSVMJob) : {};
  const ext = vm.extendedInfo;
  const firstError = vm.errorDetails?.[0];
  // The live service sends actionsInfo as numbers (1 = Cancellable) although the SDK types them as strings.
  const actions: unknown[] = vm.actionsInfo ?? [];
  const vaultName = seg.get('vaults') ?? '';
  const vaultResourceGroup = seg.get('resourcegroups') ?? '';
  const subscriptionId = seg.get('subscriptions') ?? '';
  return {
    id,
    name: resource.name ?? seg.get('backupjobs') ?? '',
    vaultId: `/subscriptions/${subscriptionId}/resourceGroups/${vaultResourceGroup}/providers/Microsoft.RecoveryServices/vaults/${vaultName}`,
    vaultName,
    vaultResourceGroup,
    subscriptionId,
    operation: props?.operation ?? 'Invalid',
    status: toJobStatus(props?.status),
    entityFriendlyName: props?.entityFriendlyName ?? '',
    containerName: vm.containerName,
    startTime: meaningfulDate(props?.startTime),
    endTime: meaningfulDate(props?.endTime),
    durationMs: parseIsoDuration(vm.duration),
    progressPercentage: ext?.progressPercentage,
    cancellable: actions.some((a) => a === 1 || a === 'Cancellable'),
    errorCode: firstError
      ? firstError.errorTitle || (firstError.errorCode !== undefined ? String(firstError.errorCode) : undefined)
      : undefined,
    errorMessage: firstError?.errorString ?? ext?.dynamicErrorMessage,
    tasks: ext?.tasksList?.map((t): JobTask => ({
      name: t.taskId ?? '',
      status: t.status ?? '',
      progressPercentage: t.progressPercentage,
      duration: t.duration,
    })),
    properties: ext?.propertyBag ? { ...ext.propertyBag } : undefined,
  };
}
