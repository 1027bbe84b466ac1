/** Wire shapes of a Recovery Services vault and of its backup storage config. */
import type { VaultRecord } from '../state/model';
import { vaultArmId } from '../state/names';
import { iso } from './time';

export function renderVault(v: VaultRecord): unknown {
  return {
    id: vaultArmId(v), name: v.name, type: 'Microsoft.RecoveryServices/vaults', location: v.location, tags: v.tags ?? {},
    etag: `W/"datetime'${encodeURIComponent(iso(v.modifiedAt))}'"`,
    sku: { name: v.skuName, tier: 'Standard' },
    systemData: { createdAt: iso(v.createdAt), lastModifiedAt: iso(v.modifiedAt), createdByType: 'User', lastModifiedByType: 'User' },
    properties: {
      ...v.extraProperties,
      provisioningState: 'Succeeded',
      publicNetworkAccess: v.publicNetworkAccess,
      privateEndpointStateForBackup: 'None',
      privateEndpointStateForSiteRecovery: 'None',
      redundancySettings: { standardTierStorageRedundancy: v.storageType, crossRegionRestore: v.crossRegionRestore ? 'Enabled' : 'Disabled' },
      securitySettings: {
        softDeleteSettings: { softDeleteState: v.softDeleteState, softDeleteRetentionPeriodInDays: 14, enhancedSecurityState: 'Enabled' },
        immutabilitySettings: { state: 'Disabled' },
        multiUserAuthorization: 'Disabled',
      },
      backupStorageVersion: 'V2',
      secureScore: 'Adequate',
    },
  };
}

export function renderStorageConfig(v: VaultRecord): unknown {
  return {
    id: `${vaultArmId(v)}/backupstorageconfig/vaultstorageconfig`, name: 'vaultstorageconfig', type: 'Microsoft.RecoveryServices/vaults/backupstorageconfig',
    properties: {
      storageModelType: v.storageType, storageType: v.storageType, storageTypeState: v.storageLocked ? 'Locked' : 'Unlocked',
      crossRegionRestoreFlag: v.crossRegionRestore, dedupState: 'Disabled', xcoolState: 'Disabled',
    },
  };
}
