// Protected item (backup SDK) → domain BackupItem.
import type { AzureIaaSVMProtectedItem, ProtectedItemResource } from '@azure/arm-recoveryservicesbackup';
import { idSegments } from '../ids';
import type { BackupItem, HealthStatus, ProtectionState } from '../model';
import { meaningfulDate } from './time';

const PROTECTION_STATES: readonly ProtectionState[] = [
  'IRPending', 'Protected', 'ProtectionError', 'ProtectionStopped', 'ProtectionPaused', 'BackupsSuspended', 'Invalid',
];
const HEALTH: readonly HealthStatus[] = ['Passed', 'ActionRequired', 'ActionSuggested', 'Invalid'];

const VM_ITEM_TYPES = new Set(['Microsoft.Compute/virtualMachines', 'Microsoft.ClassicCompute/virtualMachines', 'AzureIaaSVMProtectedItem']);

function pick<T extends string>(values: readonly T[], value: string | undefined, fallback: T): T {
  return values.find((v) => v.toLowerCase() === value?.toLowerCase()) ?? fallback;
}

/** Undefined for items that are not Azure VMs (other workloads share the list). */
export function toBackupItem(resource: ProtectedItemResource): BackupItem | undefined {
  const props = resource.properties;
  if (!props || !VM_ITEM_TYPES.has(props.protectedItemType)) {
    return undefined;
  }
  const vm = props as AzureIaaSVMProtectedItem;
  const id = resource.id ?? '';
  const seg = idSegments(id);
  const vaultName = seg.get('vaults') ?? '';
  const vaultResourceGroup = seg.get('resourcegroups') ?? '';
  const subscriptionId = seg.get('subscriptions') ?? '';
  const protectionState = pick(PROTECTION_STATES, vm.protectionState, 'Invalid');
  const policyName = vm.policyName ?? (vm.policyId ? vm.policyId.slice(vm.policyId.lastIndexOf('/') + 1) : undefined);
  return {
    id,
    name: resource.name ?? seg.get('protecteditems') ?? '',
    containerName: seg.get('protectioncontainers') ?? `IaasVMContainer;${vm.containerName ?? ''}`,
    vaultId: `/subscriptions/${subscriptionId}/resourceGroups/${vaultResourceGroup}/providers/Microsoft.RecoveryServices/vaults/${vaultName}`,
    vaultName,
    vaultResourceGroup,
    subscriptionId,
    friendlyName: vm.friendlyName ?? '',
    sourceResourceId: vm.sourceResourceId ?? vm.virtualMachineId ?? '',
    protectionState,
    healthStatus: pick(HEALTH, vm.healthStatus, 'Invalid'),
    lastBackupStatus: vm.lastBackupStatus ?? '',
    lastBackupTime: meaningfulDate(vm.lastBackupTime),
    lastRecoveryPoint: meaningfulDate(vm.lastRecoveryPoint),
    policyId: vm.policyId || undefined,
    policyName: policyName || undefined,
    initialBackupPending: protectionState === 'IRPending',
    recoveryPointCount: vm.extendedInfo?.recoveryPointCount,
  };
}

/** True when the item is soft-deleted (stop + delete data with soft delete on): it no longer protects the VM. */
export function isSoftDeleted(resource: ProtectedItemResource): boolean {
  return resource.properties?.isScheduledForDeferredDelete === true;
}
