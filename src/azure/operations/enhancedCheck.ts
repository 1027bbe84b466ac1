// A Standard policy for a VM the service protects only with an Enhanced one is refused here, before anything is
// sent (enable, change policy, resume), whichever command or tool asked: the service would refuse it anyway
// (BMSUserErrorEnhancedPolicyRequired), after a job the user would have to read.
import type { ItemRef, VaultRef } from '../backupService';
import { toVirtualMachine } from '../convert/arm';
import { type EnhancedPolicyReason, isEnhancedPolicy, needsEnhancedPolicy } from '../enhancedPolicy';
import { AzureError } from '../errors';
import { idParts } from '../ids';
import type { BackupItem, Policy, VirtualMachine } from '../model';
import type { OperationContext } from './context';
import { call } from './context';
import { getPolicy } from './policies';

export const ENHANCED_POLICY_REQUIRED = 'EnhancedPolicyRequired';

const REASON_TEXT: Record<EnhancedPolicyReason, string> = {
  TrustedLaunch: 'uses Trusted Launch',
  PremiumV2Disk: 'has a Premium SSD v2 disk',
  UltraDisk: 'has an Ultra disk',
};

function refuse(vmName: string, reason: EnhancedPolicyReason, policyName: string): never {
  throw new AzureError({
    code: ENHANCED_POLICY_REQUIRED,
    message: `${vmName} ${REASON_TEXT[reason]}, which needs an Enhanced policy; ${policyName} is a Standard policy.`,
    retryable: false,
  });
}

/** The policy read once, when a VM of the batch first needs to know it. */
export function policyLoader(
  ctx: OperationContext,
  ref: VaultRef,
  policyName: string,
  signal?: AbortSignal,
): () => Promise<Policy> {
  let policy: Promise<Policy> | undefined;
  return () => (policy ??= getPolicy(ctx, ref, policyName, signal));
}

/** Enable: decided from the VM as the caller read it; the policy is read only when the VM needs an Enhanced one. */
export async function refuseStandardForVm(
  vm: Pick<VirtualMachine, 'name' | 'securityType' | 'disks'>,
  policy: () => Promise<Policy>,
): Promise<void> {
  const reason = needsEnhancedPolicy(vm);
  if (!reason) return;
  const chosen = await policy();
  if (!isEnhancedPolicy(chosen)) refuse(vm.name, reason, chosen.name);
}

/** Change policy, resume: the item's VM is read only when the chosen policy is a Standard one. */
export async function refuseStandardForItem(
  ctx: OperationContext,
  ref: ItemRef,
  item: BackupItem,
  policy: Policy,
  signal?: AbortSignal,
): Promise<void> {
  if (isEnhancedPolicy(policy)) return;
  const { subscriptionId, resourceGroup, vm: vmName } = idParts(item.sourceResourceId);
  if (!resourceGroup || !vmName) return;
  const vm = await call(() =>
    ctx.clients
      .compute(subscriptionId ?? ref.subscriptionId)
      .virtualMachines.get(resourceGroup, vmName, { abortSignal: signal }),
  ).catch(() => undefined); // A VM that is gone or unreadable: the service decides.
  const reason = vm && needsEnhancedPolicy(toVirtualMachine(vm));
  if (reason) refuse(item.friendlyName, reason, policy.name);
}
