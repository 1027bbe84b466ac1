// Protected item (backup SDK) → domain BackupItem.
import type { ProtectedItemResource } from '@azure/arm-recoveryservicesbackup';
import { diskSelectionOf } from '../diskSelection';
import { idParts } from '../ids';
import type { BackupItem, HealthStatus, ProtectionState } from '../model';
import { meaningfulDate } from './time';

const PROTECTION_STATES: readonly ProtectionState[] = [
  'IRPending',
  'Protected',
  'ProtectionError',
  'ProtectionStopped',
  'ProtectionPaused',
  'BackupsSuspended',
  'Invalid',
];
const HEALTH: readonly HealthStatus[] = ['Passed', 'ActionRequired', 'ActionSuggested', 'Invalid'];

const VM_ITEM_TYPES = new Set([
  'Microsoft.Compute/virtualMachines',
  'Microsoft.ClassicCompute/virtualMachines',
  'AzureIaaSVMProtectedItem',
]);

function pick<T extends string>(values: readonly T[], value: string | undefined, fallback: T): T {
  return values.find((v) => v.toLowerCase() === value?.toLowerCase()) ?? fallback;
}

/** The fields read here, as the SDK model or the wire JSON (dates as ISO strings) carries them. */
export interface VmItemFields {
  protectedItemType?: string;
  protectionState?: string;
  healthStatus?: string;
  friendlyName?: string;
  sourceResourceId?: string;
  virtualMachineId?: string;
  containerName?: string;
  lastBackupStatus?: string;
  lastBackupTime?: Date | string;
  lastRecoveryPoint?: Date | string;
  policyId?: string;
  policyName?: string;
  extendedInfo?: { recoveryPointCount?: number };
  isScheduledForDeferredDelete?: boolean;
  deferredDeleteTimeInUTC?: Date | string;
  /** 'd.hh:mm:ss' left before the purge. */
  deferredDeleteTimeRemaining?: string;
  softDeleteRetentionPeriodInDays?: number;
  extendedProperties?: Parameters<typeof diskSelectionOf>[0];
}

export interface ItemResourceLike {
  id?: string;
  name?: string;
  properties?: VmItemFields;
}

/** Undefined for items that are not Azure VMs (other workloads share the list). */
export function toBackupItem(resource: ProtectedItemResource | ItemResourceLike): BackupItem | undefined {
  const vm = resource.properties as VmItemFields | undefined;
  if (!vm?.protectedItemType || !VM_ITEM_TYPES.has(vm.protectedItemType)) {
    return undefined;
  }
  const id = resource.id ?? '';
  const parts = idParts(id);
  const vaultName = parts.vault ?? '';
  const vaultResourceGroup = parts.resourceGroup ?? '';
  const subscriptionId = parts.subscriptionId ?? '';
  const protectionState = pick(PROTECTION_STATES, vm.protectionState, 'Invalid');
  const policyName = vm.policyName ?? (vm.policyId ? vm.policyId.slice(vm.policyId.lastIndexOf('/') + 1) : undefined);
  return {
    id,
    name: resource.name ?? parts.item ?? '',
    containerName: parts.container ?? `IaasVMContainer;${vm.containerName ?? ''}`,
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
    ...(vm.isScheduledForDeferredDelete === true ? softDeleteFields(vm) : {}),
    ...optional('diskSelection', diskSelectionOf(vm.extendedProperties)),
  };
}

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

const DAY_MS = 86_400_000;

/** deferredDeleteTimeInUTC is when the data was deleted; the purge comes the item's retention later. */
function softDeleteFields(
  vm: VmItemFields,
  readAt = Date.now(),
): Pick<BackupItem, 'softDeleted' | 'deferredDeleteTime' | 'purgeTime'> {
  const deleted = meaningfulDate(vm.deferredDeleteTimeInUTC);
  const days = vm.softDeleteRetentionPeriodInDays;
  const remaining = timeSpanMs(vm.deferredDeleteTimeRemaining);
  const purgeTime =
    deleted && typeof days === 'number' && days > 0
      ? new Date(deleted.getTime() + days * DAY_MS)
      : remaining !== undefined
        ? new Date(readAt + remaining)
        : undefined;
  return {
    softDeleted: true,
    ...(deleted ? { deferredDeleteTime: deleted } : {}),
    ...(purgeTime ? { purgeTime } : {}),
  };
}

/** A .NET TimeSpan as the service writes it: '[d.]hh:mm:ss[.fffffff]'. */
export function timeSpanMs(value: string | undefined): number | undefined {
  const m = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.\d+)?$/.exec(value ?? '');
  if (!m) return undefined;
  return ((Number(m[1] ?? 0) * 24 + Number(m[2])) * 60 + Number(m[3])) * 60_000 + Number(m[4]) * 1000;
}

/** True when the item is soft-deleted (stop + delete data with soft delete on): it no longer protects the VM. */
export function isSoftDeleted(resource: ProtectedItemResource | ItemResourceLike): boolean {
  return (resource.properties as VmItemFields | undefined)?.isScheduledForDeferredDelete === true;
}

/** A wire JSON entry of a protected items page (shape checked loosely: unknown fields are ignored). */
export function asItemResource(raw: unknown): ItemResourceLike | undefined {
  return typeof raw === 'object' && raw !== null ? (raw as ItemResourceLike) : undefined;
}
