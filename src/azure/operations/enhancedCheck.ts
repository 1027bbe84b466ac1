// A Standard policy for a VM the service protects only with an Enhanced one is refused here, before anything is
// sent (enable, change policy, resume), whichever command or tool asked: the service would refuse it anyway
// (BMSUserErrorEnhancedPolicyRequired), after a job the user would have to read.
import type { ItemRef, VaultRef, VmToProtect } from '../backupService';
import {
  ENHANCED_POLICY_REQUIRED,
  type EnhancedPolicyReason,
  isEnhancedPolicy,
  needsEnhancedPolicy,
} from '../enhancedPolicy';
import { AzureError } from '../errors';
import { idKey, idParts } from '../ids';
import type { BackupItem, Policy, VirtualMachine } from '../model';
import type { OperationContext } from './context';
import { getPolicy } from './policies';
import { readVm } from './vmProtection';

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

/** A VM's security type and disks as Compute reads them now; undefined when it is gone or unreadable (the service decides). */
type VmFacts = Pick<VirtualMachine, 'securityType' | 'disks'>;

function readVmFacts(
  ctx: OperationContext,
  vm: { subscriptionId: string; resourceGroup: string; name: string },
  signal?: AbortSignal,
): Promise<VmFacts | undefined> {
  return readVm(ctx, vm, signal).catch(() => undefined);
}

/** A batch's reads of the VMs that came without their disks: each VM read at most once, whichever call asks. */
export function vmFactsLoader(
  ctx: OperationContext,
  ref: VaultRef,
  signal?: AbortSignal,
): (vm: VmToProtect) => Promise<VmFacts | undefined> {
  const read = new Map<string, Promise<VmFacts | undefined>>();
  return (vm) => {
    const key = idKey(vm.id);
    let facts = read.get(key);
    if (!facts) {
      const subscriptionId = idParts(vm.id).subscriptionId ?? ref.subscriptionId;
      facts = readVmFacts(ctx, { subscriptionId, resourceGroup: vm.resourceGroup, name: vm.name }, signal);
      read.set(key, facts);
    }
    return facts;
  };
}

/**
 * Enable: decided from the VM as the caller read it. A VM object without its disks (a row of a source that does not
 * carry them) is read from Compute, only when the chosen policy is a Standard one.
 */
export async function refuseStandardForVm(
  vm: VmToProtect,
  policy: () => Promise<Policy>,
  facts: (vm: VmToProtect) => Promise<VmFacts | undefined>,
): Promise<void> {
  if (vm.disks === undefined) {
    const chosen = await policy();
    if (isEnhancedPolicy(chosen)) return;
    const read = await facts(vm);
    const reason = read && needsEnhancedPolicy(read);
    if (reason) refuse(vm.name, reason, chosen.name);
    return;
  }
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
  const vm = await readVmFacts(
    ctx,
    { subscriptionId: subscriptionId ?? ref.subscriptionId, resourceGroup, name: vmName },
    signal,
  );
  const reason = vm && needsEnhancedPolicy(vm);
  if (reason) refuse(item.friendlyName, reason, policy.name);
}
