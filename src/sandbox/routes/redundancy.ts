/**
 * One redundancy value per vault, written through either the vault's redundancySettings (vault RP) or the
 * backup storage config (backup RP); locked once the first item is protected.
 */
import { errors } from '../http/errors';
import type { StorageType, VaultRecord } from '../state/model';

const STORAGE_TYPES: readonly StorageType[] = ['GeoRedundant', 'LocallyRedundant', 'ZoneRedundant'];

export function parseStorageType(value: unknown, field: string): StorageType | undefined {
  if (value === undefined || value === null) return undefined;
  const found = STORAGE_TYPES.find((t) => typeof value === 'string' && t.toLowerCase() === value.toLowerCase());
  if (!found)
    throw errors.invalidInputSaying(
      `${field} '${String(value)}' is invalid. Valid values: ${STORAGE_TYPES.join(', ')}.`,
      field,
    );
  return found;
}

/** Validates and applies a redundancy change; a no-op write is always allowed, even when locked. */
export function applyRedundancy(
  vault: VaultRecord,
  storageType: StorageType | undefined,
  crossRegionRestore: boolean | undefined,
): void {
  const nextType = storageType ?? vault.storageType;
  const nextCrr = crossRegionRestore ?? (nextType === 'GeoRedundant' ? vault.crossRegionRestore : false);
  if (vault.storageLocked && nextType !== vault.storageType) throw errors.storageLocked();
  if (nextCrr && nextType !== 'GeoRedundant') {
    throw errors.invalidInputSaying(
      'Cross region restore can only be enabled for vaults with GeoRedundant storage.',
      'crossRegionRestore',
    );
  }
  if (vault.crossRegionRestore && !nextCrr && crossRegionRestore === false && vault.storageLocked) {
    throw errors.invalidInputSaying(
      'Cross region restore cannot be disabled once it is enabled on a vault with protected items.',
      'crossRegionRestore',
    );
  }
  vault.storageType = nextType;
  vault.crossRegionRestore = nextCrr;
}
