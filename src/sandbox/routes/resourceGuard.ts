/**
 * Multi-user authorization: the operations a vault's Resource Guard protects are refused unless the request carries
 * an approved request for them, `{resourceGuardId}/{operation}/...` in `resourceGuardOperationRequests`. The sandbox
 * takes any request naming the vault's guard and the operation as approved (the approval itself happens on the
 * Resource Guard, outside the vault). A delete is unlocked beforehand through `unlockDelete`, as in Azure.
 */
import { errors } from '../http/errors';
import { arr, str } from '../state/json';
import type { VaultRecord } from '../state/model';

/** The Resource Guard's request collections (Microsoft.DataProtection/resourceGuards/{name}/{operation}). */
export const GUARDED_OPERATIONS = {
  disableSoftDelete: 'disableSoftDeleteRequests',
  deleteProtectedItem: 'deleteProtectedItemRequests',
  updateProtectionPolicy: 'updateProtectionPolicyRequests',
  updateProtectedItem: 'updateProtectedItemRequests',
  deleteResourceGuardProxy: 'deleteResourceGuardProxyRequests',
} as const;

export type GuardedOperation = keyof typeof GUARDED_OPERATIONS;

/** How long an unlockDelete lets the named item be deleted (the service does not document it; a choice). */
export const UNLOCK_DELETE_MS = 30 * 60_000;

/** The default request of `operation` on the vault's guard, as the proxy lists it. */
export function defaultRequest(resourceGuardId: string, operation: GuardedOperation): string {
  return `${resourceGuardId}/${GUARDED_OPERATIONS[operation]}/default`;
}

/** Refuses `operation` on a guarded vault unless `requests` (the body's resourceGuardOperationRequests) approves it. */
export function requireApproval(vault: VaultRecord, operation: GuardedOperation, requests: unknown): void {
  const guard = vault.resourceGuard;
  if (!guard) return;
  const prefix = `${guard.resourceGuardId}/${GUARDED_OPERATIONS[operation]}/`.toLowerCase();
  const approved = (arr(requests) ?? []).some((r) => (str(r) ?? '').toLowerCase().startsWith(prefix));
  if (!approved) throw errors.criticalOperationNotAuthorized(GUARDED_OPERATIONS[operation], guard.resourceGuardId);
}

/** A delete of the item with ARM id `itemArmId` on a guarded vault needs a current unlockDelete for it. */
export function requireUnlockedDelete(vault: VaultRecord, itemArmId: string, now: number): void {
  const guard = vault.resourceGuard;
  if (!guard) return;
  const unlock = guard.unlockedDelete;
  if (unlock && unlock.resource === itemArmId.toLowerCase() && now <= unlock.until) return;
  throw errors.criticalOperationNotAuthorized(GUARDED_OPERATIONS.deleteProtectedItem, guard.resourceGuardId);
}

/** The longest count of each long-term retention rule (daily, weekly, monthly, yearly) a VM policy keeps. */
function retentionCounts(properties: Record<string, unknown>): Map<string, number> {
  const counts = new Map<string, number>();
  const retention = properties.retentionPolicy as Record<string, unknown> | undefined;
  for (const rule of ['dailySchedule', 'weeklySchedule', 'monthlySchedule', 'yearlySchedule']) {
    const count = (retention?.[rule] as { retentionDuration?: { count?: unknown } } | undefined)?.retentionDuration
      ?.count;
    if (typeof count === 'number') counts.set(rule, count);
  }
  return counts;
}

/** Whether `next` keeps any kind of recovery point for less time than `previous` did (or not at all). */
export function reducesRetention(previous: Record<string, unknown>, next: Record<string, unknown>): boolean {
  const after = retentionCounts(next);
  return [...retentionCounts(previous)].some(([rule, count]) => (after.get(rule) ?? 0) < count);
}
