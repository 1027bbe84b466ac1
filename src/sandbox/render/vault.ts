/** Wire shapes of a Recovery Services vault and of its backup storage config. */
import type { VaultRecord } from '../state/model';
import { vaultArmId } from '../state/names';
import { softDeleteRetentionDays } from '../state/softDelete';
import { iso } from './time';

/**
 * Fields the 2023-06-01 vault swagger does not define answer only to later api-versions, so a client of an older
 * version reads the shape it was written for (the modular SDK would drop them; other clients may not).
 */
function newerThan20230601(apiVersion: string | undefined): boolean {
  return apiVersion === undefined || apiVersion.slice(0, 10) > '2023-06-01';
}

export function renderVault(v: VaultRecord, apiVersion?: string): unknown {
  const softDeleteSettings: Record<string, unknown> = {
    softDeleteState: v.softDeleteState,
    softDeleteRetentionPeriodInDays: softDeleteRetentionDays(v),
  };
  if (newerThan20230601(apiVersion)) softDeleteSettings.enhancedSecurityState = v.enhancedSecurityState ?? 'Enabled';
  return {
    id: vaultArmId(v),
    name: v.name,
    type: 'Microsoft.RecoveryServices/vaults',
    location: v.location,
    tags: v.tags ?? {},
    etag: `W/"datetime'${encodeURIComponent(iso(v.modifiedAt))}'"`,
    sku: { name: v.skuName, tier: 'Standard' },
    systemData: {
      createdAt: iso(v.createdAt),
      lastModifiedAt: iso(v.modifiedAt),
      createdByType: 'User',
      lastModifiedByType: 'User',
    },
    properties: {
      ...v.extraProperties,
      provisioningState: 'Succeeded',
      publicNetworkAccess: v.publicNetworkAccess,
      privateEndpointStateForBackup: 'None',
      privateEndpointStateForSiteRecovery: 'None',
      redundancySettings: {
        standardTierStorageRedundancy: v.storageType,
        crossRegionRestore: v.crossRegionRestore ? 'Enabled' : 'Disabled',
      },
      securitySettings: {
        softDeleteSettings,
        immutabilitySettings: { state: 'Disabled' },
        // A Resource Guard mapping (backupResourceGuardProxies) is what turns multi-user authorization on.
        multiUserAuthorization: v.resourceGuard ? 'Enabled' : 'Disabled',
      },
      backupStorageVersion: 'V2',
      secureScore: 'Adequate',
    },
  };
}

export function renderStorageConfig(v: VaultRecord): unknown {
  return {
    id: `${vaultArmId(v)}/backupstorageconfig/vaultstorageconfig`,
    name: 'vaultstorageconfig',
    type: 'Microsoft.RecoveryServices/vaults/backupstorageconfig',
    properties: {
      storageModelType: v.storageType,
      storageType: v.storageType,
      storageTypeState: v.storageLocked ? 'Locked' : 'Unlocked',
      crossRegionRestoreFlag: v.crossRegionRestore,
      dedupState: 'Disabled',
      xcoolState: 'Disabled',
    },
  };
}

/** The backup RP's view of the vault's settings: `backupconfig/vaultconfig` (BackupResourceVaultConfigResource). */
export function renderVaultConfig(v: VaultRecord): unknown {
  return {
    id: `${vaultArmId(v)}/backupconfig/vaultconfig`,
    name: 'vaultconfig',
    type: 'Microsoft.RecoveryServices/vaults/backupconfig',
    properties: {
      storageModelType: v.storageType,
      storageType: v.storageType,
      storageTypeState: v.storageLocked ? 'Locked' : 'Unlocked',
      enhancedSecurityState: v.enhancedSecurityState ?? 'Enabled',
      softDeleteFeatureState: v.softDeleteState,
      softDeleteRetentionPeriodInDays: softDeleteRetentionDays(v),
      resourceGuardOperationRequests: [],
      isSoftDeleteFeatureStateEditable: v.softDeleteState !== 'AlwaysON',
    },
  };
}
