/** The vault's soft-delete settings, as both the vault (securitySettings) and the backup RP (vaultconfig) set them. */
import { errors } from '../http/errors';
import type { VaultRecord } from '../state/model';
import { requireApproval } from './resourceGuard';

const STATES = ['Enabled', 'Disabled', 'AlwaysON'] as const;
const ENHANCED = ['Enabled', 'Disabled', 'AlwaysON'] as const;
/** Azure Backup keeps soft-deleted data for 14 to 180 days. */
export const SOFT_DELETE_DAYS = { min: 14, max: 180 } as const;

function canonical<T extends string>(value: unknown, allowed: readonly T[], field: string): T | undefined {
  if (value === undefined || value === null) return undefined;
  // The CLI spells AlwaysOn where the SDK enum says AlwaysON: compared case-insensitively.
  const found = typeof value === 'string' ? allowed.find((a) => a.toLowerCase() === value.toLowerCase()) : undefined;
  if (!found) throw errors.invalidInput(`${field} must be one of ${allowed.join(', ')}`);
  return found;
}

/**
 * Applies what the request names; refuses what the service refuses (leaving always-on, retention out of range, and
 * in a vault with a Resource Guard, turning soft delete off or shortening its retention without an approved request).
 */
export function applySoftDelete(
  vault: VaultRecord,
  state: unknown,
  retentionDays: unknown,
  enhancedSecurity: unknown,
  guardRequests: unknown,
): void {
  const next = canonical(state, STATES, 'softDeleteState');
  if (next && vault.softDeleteState === 'AlwaysON' && next !== 'AlwaysON') throw errors.softDeleteAlwaysOn();
  if (retentionDays !== undefined && retentionDays !== null) {
    if (
      typeof retentionDays !== 'number' ||
      !Number.isInteger(retentionDays) ||
      retentionDays < SOFT_DELETE_DAYS.min ||
      retentionDays > SOFT_DELETE_DAYS.max
    ) {
      throw errors.invalidInput(
        `softDeleteRetentionPeriodInDays must be a whole number from ${SOFT_DELETE_DAYS.min} to ${SOFT_DELETE_DAYS.max}`,
      );
    }
  }
  const enhanced = canonical(enhancedSecurity, ENHANCED, 'enhancedSecurityState');
  const weakens =
    (next === 'Disabled' && vault.softDeleteState !== 'Disabled') ||
    (typeof retentionDays === 'number' && retentionDays < (vault.softDeleteRetentionDays ?? SOFT_DELETE_DAYS.min));
  if (weakens) requireApproval(vault, 'disableSoftDelete', guardRequests);
  if (enhanced && vault.enhancedSecurityState === 'AlwaysON' && enhanced !== 'AlwaysON')
    throw errors.softDeleteAlwaysOn();
  if (next) vault.softDeleteState = next;
  if (typeof retentionDays === 'number') vault.softDeleteRetentionDays = retentionDays;
  if (enhanced) vault.enhancedSecurityState = enhanced;
}
