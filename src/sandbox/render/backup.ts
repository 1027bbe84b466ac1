/** Wire shapes of backup resources: policies, protectable items, containers, protected items, recovery points. */
import type { PolicyRecord, ProtectedItemRecord, RecoveryPointRecord, VaultRecord, VmRecord } from '../state/model';
import { containerName, protectedItemName, shortContainerName, vaultArmId, vmArmId } from '../state/names';
import { iso } from './time';

const CONTAINER_TYPE = 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers';

export function containerId(vault: VaultRecord, vm: VmRecord): string {
  return `${vaultArmId(vault)}/backupFabrics/Azure/protectionContainers/${containerName(vm)}`;
}

export function itemId(vault: VaultRecord, vm: VmRecord): string {
  return `${containerId(vault, vm)}/protectedItems/${protectedItemName(vm)}`;
}

export function renderPolicy(vault: VaultRecord, p: PolicyRecord, protectedItemsCount: number): unknown {
  return {
    id: `${vaultArmId(vault)}/backupPolicies/${p.name}`,
    name: p.name,
    type: 'Microsoft.RecoveryServices/vaults/backupPolicies',
    properties: { ...p.properties, protectedItemsCount },
  };
}

export function renderProtectable(vault: VaultRecord, vm: VmRecord): unknown {
  const short = shortContainerName(vm);
  return {
    id: `${vaultArmId(vault)}/backupFabrics/Azure/protectionContainers/IaasVMContainer;${short}/protectableItems/vm;${short}`,
    name: short,
    type: `${CONTAINER_TYPE}/protectableItems`,
    properties: {
      protectableItemType: 'Microsoft.Compute/virtualMachines',
      backupManagementType: 'AzureIaasVM',
      workloadType: 'VM',
      friendlyName: vm.name,
      protectionState: 'NotProtected',
      virtualMachineId: vmArmId(vm),
      virtualMachineVersion: 'Compute',
      resourceGroup: vm.resourceGroup,
    },
  };
}

export function renderContainer(vault: VaultRecord, vm: VmRecord): unknown {
  return {
    id: containerId(vault, vm),
    name: containerName(vm),
    type: CONTAINER_TYPE,
    properties: {
      containerType: 'Microsoft.Compute/virtualMachines',
      backupManagementType: 'AzureIaasVM',
      friendlyName: vm.name,
      registrationStatus: 'Registered',
      healthStatus: 'Healthy',
      virtualMachineId: vmArmId(vm),
      virtualMachineVersion: 'Compute',
      resourceGroup: vm.resourceGroup,
    },
  };
}

export function renderItem(
  vault: VaultRecord,
  vm: VmRecord,
  item: ProtectedItemRecord,
  points: RecoveryPointRecord[],
  withExtendedInfo: boolean,
  now: number,
): unknown {
  const protectedNow = item.lastBackupStatus === 'Completed' || item.protectionState === 'Protected';
  const failed = item.lastBackupStatus === 'Failed';
  const properties: Record<string, unknown> = {
    protectedItemType: 'Microsoft.Compute/virtualMachines',
    backupManagementType: 'AzureIaasVM',
    workloadType: 'VM',
    friendlyName: vm.name,
    virtualMachineId: vmArmId(vm),
    sourceResourceId: vmArmId(vm),
    containerName: shortContainerName(vm),
    policyId: item.policyName ? `${vaultArmId(vault)}/backupPolicies/${item.policyName}` : '',
    policyName: item.policyName ?? '',
    protectionStatus: failed ? 'Unhealthy' : 'Healthy',
    protectionState: item.protectionState,
    healthStatus: item.healthStatus,
    lastBackupStatus: item.lastBackupStatus,
    lastBackupTime: item.lastBackupTime !== undefined ? iso(item.lastBackupTime) : '2001-01-01T00:00:00Z',
    protectedItemDataId: item.protectedItemDataId,
    isArchiveEnabled: points.some((p) => p.archived),
    vaultId: vaultArmId(vault),
    kpisHealths:
      protectedNow || failed
        ? {
            BackupOperationStatusKPI: {
              resourceHealthStatus: failed ? 'PersistentUnhealthy' : 'Healthy',
              resourceHealthDetails: [],
            },
          }
        : {},
  };
  if (item.lastRecoveryPoint !== undefined) properties.lastRecoveryPoint = iso(item.lastRecoveryPoint);
  if (item.diskExclusion)
    properties.extendedProperties = {
      diskExclusionProperties: { ...item.diskExclusion, diskLunList: [...item.diskExclusion.diskLunList] },
    };
  if (item.softDeletedAt !== undefined && item.purgeAt !== undefined) {
    properties.isScheduledForDeferredDelete = true;
    properties.deferredDeleteTimeInUTC = iso(item.softDeletedAt);
    properties.deferredDeleteTimeRemaining = timeSpan(Math.max(0, item.purgeAt - now));
    properties.softDeleteRetentionPeriodInDays = Math.round((item.purgeAt - item.softDeletedAt) / 86_400_000);
  }
  if (protectedNow) {
    properties.healthDetails = [
      {
        code: 400239,
        title: 'IaasVmHealthGreenDefault',
        message: 'Backup pre-check status of this virtual machine is OK.',
        recommendations: [],
      },
    ];
  }
  if (withExtendedInfo) {
    const times = (list: RecoveryPointRecord[]): number[] => list.map((p) => p.time).sort((a, b) => a - b);
    const all = times(points);
    const vault = times(points.filter((p) => !p.archived));
    const archive = times(points.filter((p) => p.archived));
    properties.extendedInfo = {
      recoveryPointCount: points.length,
      policyInconsistent: false,
      ...(all.length ? { oldestRecoveryPoint: iso(all[0]) } : {}),
      ...(vault.length ? { oldestRecoveryPointInVault: iso(vault[0]) } : {}),
      ...(archive.length
        ? { oldestRecoveryPointInArchive: iso(archive[0]), newestRecoveryPointInArchive: iso(archive.at(-1)!) }
        : {}),
    };
  }
  return { id: itemId(vault, vm), name: protectedItemName(vm), type: `${CONTAINER_TYPE}/protectedItems`, properties };
}

/** A .NET TimeSpan as the service serializes it: `d.hh:mm:ss`. */
function timeSpan(ms: number): string {
  const s = Math.floor(ms / 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${Math.floor(s / 86_400)}.${two(Math.floor(s / 3600) % 24)}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}

/** The point's copies by tier, as the service lists them: an archived point keeps only its ArchivedRP copy. */
function tierDetails(rp: RecoveryPointRecord): Record<string, unknown> {
  if (rp.archived) {
    return {
      recoveryPointTierDetails: [
        { type: 'InstantRP', status: 'Deleted' },
        { type: 'HardenedRP', status: 'Deleted' },
        { type: 'ArchivedRP', status: 'Valid' },
      ],
      recoveryPointMoveReadinessInfo: {
        ArchivedRP: {
          isReadyForMove: false,
          additionalInfo: 'Recovery point cannot be moved to archive tier since it has already been moved.',
        },
      },
    };
  }
  return {
    recoveryPointTierDetails: [
      { type: 'InstantRP', status: 'Valid' },
      { type: 'HardenedRP', status: 'Valid' },
    ],
    recoveryPointMoveReadinessInfo: {
      ArchivedRP: { isReadyForMove: false, additionalInfo: 'Recovery point is not eligible for archive move.' },
    },
  };
}

export function renderRecoveryPoint(vault: VaultRecord, vm: VmRecord, rp: RecoveryPointRecord): unknown {
  return {
    id: `${itemId(vault, vm)}/recoveryPoints/${rp.name}`,
    name: rp.name,
    type: `${CONTAINER_TYPE}/protectedItems/recoveryPoints`,
    properties: {
      objectType: 'IaasVMRecoveryPoint',
      recoveryPointType: rp.type,
      recoveryPointTime: iso(rp.time),
      recoveryPointAdditionalInfo: '',
      sourceVMStorageType: 'NormalStorage',
      isSourceVMEncrypted: false,
      isInstantIlrSessionActive: rp.ilrActive ?? false,
      ...tierDetails(rp),
      isManagedVirtualMachine: true,
      virtualMachineSize: rp.vmSize,
      originalStorageAccountOption: false,
      osType: rp.osType,
      recoveryPointProperties: { expiryTime: iso(rp.expiry), ruleName: '', isSoftDeleted: false },
    },
  };
}
