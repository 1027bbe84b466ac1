// Protection policies (backup SDK).
import { getContinuationToken } from '@azure/arm-recoveryservicesbackup';
import type { Page, PageOptions, VaultRef } from '../backupService';
import { toPolicy, toPolicyResource } from '../convert/policies';
import { AzureError } from '../errors';
import type { Policy, PolicyInput } from '../model';
import { collectPage } from '../paging';
import { validatePolicyInput } from '../validation';
import type { OperationContext } from './context';
import { call } from './context';
import { guardedCall } from './vaultSecurity';

export function listPolicies(ctx: OperationContext, ref: VaultRef, options: PageOptions = {}): Promise<Page<Policy>> {
  return call(() =>
    collectPage(
      ctx.clients
        .backup(ref.subscriptionId)
        .backupPolicies.list(ref.name, ref.resourceGroup, { abortSignal: options.signal }),
      getContinuationToken,
      toPolicy,
      options,
    ),
  );
}

export async function getPolicy(
  ctx: OperationContext,
  ref: VaultRef,
  name: string,
  signal?: AbortSignal,
): Promise<Policy> {
  return toPolicy(
    await call(() =>
      ctx.clients
        .backup(ref.subscriptionId)
        .protectionPolicies.get(ref.name, ref.resourceGroup, name, { abortSignal: signal }),
    ),
  );
}

/** Validates, then PUTs a Standard (V1) or Enhanced (V2) VM policy. A 202 answer has no body, so the policy is read back. */
export async function createOrUpdatePolicy(
  ctx: OperationContext,
  ref: VaultRef,
  input: PolicyInput,
  signal?: AbortSignal,
): Promise<Policy> {
  const problem = validatePolicyInput(input);
  if (problem) {
    throw new AzureError({ code: 'InvalidPolicy', message: problem.message, retryable: false, target: problem.key });
  }
  // Shortening an existing policy's retention is an operation a Resource Guard protects.
  const saved = await guardedCall(
    ctx,
    ref,
    "Shortening a policy's retention",
    () =>
      call(() =>
        ctx.clients
          .backup(ref.subscriptionId)
          .protectionPolicies.createOrUpdate(ref.name, ref.resourceGroup, input.name, toPolicyResource(input), {
            abortSignal: signal,
          }),
      ),
    signal,
  );
  return saved.properties ? toPolicy(saved) : getPolicy(ctx, ref, input.name, signal);
}
