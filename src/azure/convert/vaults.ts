// Recovery Services vault (modular SDK) → domain Vault / StorageConfig.
import type { Vault as SdkVault } from '@azure/arm-recoveryservices';
import type {
  BackupResourceConfigResource,
  BackupResourceVaultConfigResource,
} from '@azure/arm-recoveryservicesbackup';
import { idSegments } from '../ids';
import type { SecurityState, StorageConfig, StorageRedundancy, Vault, VaultSecurity } from '../model';

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
    ...guardsOf(v),
    ...(v.tags ? { tags: { ...v.tags } } : {}),
  };
}

/** 'Enabled' and 'AlwaysON' keep deleted data; 'Disabled' (and 'Invalid') do not. */
function softDeleteOf(v: SdkVault): Pick<Vault, 'softDelete'> {
  const settings = v.properties?.securitySettings?.softDeleteSettings;
  if (!settings?.softDeleteState) return {};
  const state = settings.softDeleteState.toLowerCase();
  const retentionDays = settings.softDeleteRetentionPeriodInDays;
  return {
    softDelete: {
      enabled: state === 'enabled' || state === 'alwayson',
      ...(retentionDays !== undefined ? { retentionDays } : {}),
    },
  };
}

const IMMUTABILITY: readonly NonNullable<Vault['immutability']>[] = ['Disabled', 'Unlocked', 'Locked'];

/** Immutability and multi-user authorization, shown read-only (changed in the portal, with a Resource Guard). */
function guardsOf(v: SdkVault): Pick<Vault, 'immutability' | 'multiUserAuthorization'> {
  const security = v.properties?.securitySettings;
  const immutability = IMMUTABILITY.find(
    (s) => s.toLowerCase() === security?.immutabilitySettings?.state?.toLowerCase(),
  );
  const mua = security?.multiUserAuthorization?.toLowerCase();
  return {
    ...(immutability ? { immutability } : {}),
    ...(mua === 'enabled' || mua === 'disabled' ? { multiUserAuthorization: mua === 'enabled' } : {}),
  };
}

const SECURITY_STATES: readonly SecurityState[] = ['Enabled', 'Disabled', 'AlwaysOn'];

/** 'AlwaysON' (the SDK's spelling) reads AlwaysOn; 'Invalid' or absent reads as off. */
export function toSecurityState(value: string | undefined): SecurityState {
  return SECURITY_STATES.find((s) => s.toLowerCase() === value?.toLowerCase()) ?? 'Disabled';
}

/** The service's default soft-delete retention when it does not say. */
const DEFAULT_SOFT_DELETE_DAYS = 14;

export function toVaultSecurity(resource: BackupResourceVaultConfigResource): VaultSecurity {
  const p = resource.properties ?? {};
  return {
    softDelete: toSecurityState(p.softDeleteFeatureState),
    softDeleteRetentionDays: p.softDeleteRetentionPeriodInDays ?? DEFAULT_SOFT_DELETE_DAYS,
    enhancedSecurity: toSecurityState(p.enhancedSecurityState),
  };
}

export function toStorageConfig(resource: BackupResourceConfigResource): StorageConfig {
  const p = resource.properties ?? {};
  return {
    redundancy: toRedundancy(p.storageType) ?? toRedundancy(p.storageModelType) ?? 'GeoRedundant',
    crossRegionRestore: p.crossRegionRestoreFlag === true,
    locked: p.storageTypeState?.toLowerCase() === 'locked',
  };
}
