// The vault's backup security settings (backupconfig/vaultconfig) and the Resource Guards that protect its critical
// operations (multi-user authorization). An operation a Resource Guard protects needs the guard's approval, which
// only the portal asks for: it is refused here, naming the guard, before anything is sent.
import type { VaultRef } from '../backupService';
import { toVaultSecurity } from '../convert/vaults';
import { AzureError } from '../errors';
import { idSegments } from '../ids';
import { SOFT_DELETE_DAYS } from '../validation';
import type { ResourceGuardMapping, SecurityState, VaultSecurity } from '../model';
import type { OperationContext } from './context';
import { call } from './context';

export const RESOURCE_GUARD_APPROVAL = 'ResourceGuardApprovalRequired';

export async function getVaultSecurity(
  ctx: OperationContext,
  ref: VaultRef,
  signal?: AbortSignal,
): Promise<VaultSecurity> {
  return toVaultSecurity(
    await call(() =>
      ctx.clients
        .backup(ref.subscriptionId)
        .backupResourceVaultConfigs.get(ref.name, ref.resourceGroup, { abortSignal: signal }),
    ),
  );
}

export async function listResourceGuardMappings(
  ctx: OperationContext,
  ref: VaultRef,
  signal?: AbortSignal,
): Promise<ResourceGuardMapping[]> {
  return call(async () => {
    const found: ResourceGuardMapping[] = [];
    for await (const proxy of ctx.clients
      .backup(ref.subscriptionId)
      .resourceGuardProxies.list(ref.name, ref.resourceGroup, { abortSignal: signal })) {
      const id = proxy.properties?.resourceGuardResourceId;
      if (id)
        found.push({
          resourceGuardId: id,
          resourceGuardName: idSegments(id).get('resourceguards') ?? id.slice(id.lastIndexOf('/') + 1),
        });
    }
    return found;
  });
}

/** Throws RESOURCE_GUARD_APPROVAL (target: the guard's name) when a Resource Guard protects the vault's critical operations. */
export async function refuseIfGuarded(
  ctx: OperationContext,
  ref: VaultRef,
  operation: string,
  signal?: AbortSignal,
): Promise<void> {
  // A service without the mappings' route has no Resource Guard to ask.
  const [guard] = await listResourceGuardMappings(ctx, ref, signal).catch((e: unknown) => {
    if (AzureError.from(e).status === 404) return [];
    throw e;
  });
  if (guard) throw guardedError(guard.resourceGuardName, operation);
}

export function guardedError(guardName: string, operation: string): AzureError {
  return new AzureError({
    code: RESOURCE_GUARD_APPROVAL,
    retryable: false,
    target: guardName,
    message: `${operation} is protected by Resource Guard '${guardName}': it needs approval through the Resource Guard and cannot be done here.`,
  });
}

/** The service's refusal of an operation a Resource Guard protects, sent without the guard's approval. */
const GUARD_REFUSAL = /CriticalOperationNotAuthorized|ResourceGuard/i;

/** Runs `work`; the service's Resource Guard refusal becomes RESOURCE_GUARD_APPROVAL naming the vault's guard. */
export async function guardedCall<T>(
  ctx: OperationContext,
  ref: VaultRef,
  operation: string,
  work: () => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const error = AzureError.from(e);
    if (error.code === RESOURCE_GUARD_APPROVAL || !GUARD_REFUSAL.test(error.code)) throw error;
    const [guard] = await listResourceGuardMappings(ctx, ref, signal).catch(() => []);
    throw guard ? guardedError(guard.resourceGuardName, operation) : error;
  }
}

/** Turning soft delete off or keeping deleted data for fewer days is a critical operation a Resource Guard protects. */
export function weakensSoftDelete(before: VaultSecurity, after: VaultSecurity): boolean {
  return (
    (before.softDelete !== 'Disabled' && after.softDelete === 'Disabled') ||
    after.softDeleteRetentionDays < before.softDeleteRetentionDays
  );
}

const WIRE_STATE: Record<SecurityState, 'Enabled' | 'Disabled' | 'AlwaysON'> = {
  Enabled: 'Enabled',
  Disabled: 'Disabled',
  AlwaysOn: 'AlwaysON',
};

/** PATCH of the vault's soft-delete and enhanced-security settings, checked first; always-on cannot be turned back. */
export async function updateVaultSecurity(
  ctx: OperationContext,
  ref: VaultRef,
  next: VaultSecurity,
  signal?: AbortSignal,
): Promise<VaultSecurity> {
  const days = next.softDeleteRetentionDays;
  if (!Number.isInteger(days) || days < SOFT_DELETE_DAYS.min || days > SOFT_DELETE_DAYS.max) {
    throw new AzureError({
      code: 'InvalidSoftDeleteRetention',
      retryable: false,
      target: 'softDeleteRetentionDays',
      message: `Soft-deleted data is kept for ${SOFT_DELETE_DAYS.min} to ${SOFT_DELETE_DAYS.max} days.`,
    });
  }
  const current = await getVaultSecurity(ctx, ref, signal);
  if (weakensSoftDelete(current, next)) await refuseIfGuarded(ctx, ref, 'Weakening soft delete', signal);
  const saved = await guardedCall(
    ctx,
    ref,
    'Weakening soft delete',
    () =>
      call(() =>
        ctx.clients.backup(ref.subscriptionId).backupResourceVaultConfigs.update(
          ref.name,
          ref.resourceGroup,
          {
            properties: {
              softDeleteFeatureState: WIRE_STATE[next.softDelete],
              softDeleteRetentionPeriodInDays: days,
              enhancedSecurityState: WIRE_STATE[next.enhancedSecurity],
            },
          },
          { abortSignal: signal },
        ),
      ),
    signal,
  );
  ctx.cache.invalidate({ subscriptionId: ref.subscriptionId, vaultList: true }); // the vault's soft delete shows in its tooltip
  return saved.properties ? toVaultSecurity(saved) : getVaultSecurity(ctx, ref, signal);
}
