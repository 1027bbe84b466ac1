// Recovery Services vault (modular SDK) → domain Vault / StorageConfig.
import type { Vault as SdkVault } from '@azure/arm-recoveryservices';
import type { BackupResourceConfigResource } from '@azure/arm-recoveryservicesbackup';
import { idSegments } from '../ids';
import type { StorageConfig, StorageRedundancy, Vault } from '../model';

const REDUNDANCIES: readonly StorageRedundancy[] = ['GeoRedundant', 'LocallyRedundant', 'ZoneRedundant'];

export function toRedundancy(value: string | undefined): StorageRedundancy | undefined {
  return REDUNDANCIES.find((r) => r.toLowerCase() === value?.toLowerCase());
}

export function toVault(v: SdkVault): Vault {
  const id = v.id ?? '';
  const seg = idSegments(id);
  const redundancy = v.properties?.redundancySettings;
  return {
    id,
    name: v.name ?? seg.get('vaults') ?? '',
    resourceGroup: seg.get('resourcegroups') ?? '',
    subscriptionId: seg.get('subscriptions') ?? '',
    location: v.location,
    redundancy: toRedundancy(redundancy?.standardTierStorageRedundancy) ?? 'Unknown',
    crossRegionRestore: redundancy?.crossRegionRestore?.toLowerCase() === 'enabled',
    provisioningState: v.properties?.provisioningState,
    ...softDeleteOf(v),
    ...(v.tags ? { tags: { ...v.tags } } : {}),
  };
}

/** 'Enabled' and 'AlwaysON' keep deleted data; 'Disabled' (and 'Invalid') do not. */
function softDeleteOf(v: SdkVault): Pick<Vault, 'softDelete'> {
  const settings = v.properties?.securitySettings?.softDeleteSettings;
  if (!settings?.softDeleteState) return {};
  const state = settings.softDeleteState.toLowerCase();
  const retentionDays = settings.softDeleteRetentionPeriodInDays;
  return { softDelete: { enabled: state === 'enabled' || state === 'alwayson', ...(retentionDays !== undefined ? { retentionDays } : {}) } };
}

export function toStorageConfig(resource: BackupResourceConfigResource): StorageConfig {
  const p = resource.properties ?? {};
  return {
    redundancy: toRedundancy(p.storageType) ?? toRedundancy(p.storageModelType) ?? 'GeoRedundant',
    crossRegionRestore: p.crossRegionRestoreFlag === true,
    locked: p.storageTypeState?.toLowerCase() === 'locked',
  };
}
