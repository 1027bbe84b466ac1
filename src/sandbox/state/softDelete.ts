/** Soft delete as a vault record holds it. */
import type { VaultRecord } from './model';

/** Days a soft-deleted item is kept: the vault's setting, else Azure's default of 14. */
export function softDeleteRetentionDays(v: VaultRecord): number {
  return v.softDeleteRetentionDays ?? 14;
}
