// Which VMs Azure Backup protects only with an Enhanced (V2) policy, per Microsoft's Enhanced-policy documentation:
// VMs with a Premium SSD v2 or an Ultra disk, and Trusted Launch VMs when the request's api-version is older than
// 2025-01-01 (from that version a Standard policy protects them too). The sandbox enforces the same facts
// (src/sandbox/routes/protectionRules.ts); a unit test holds the two together.
import type { Policy, VirtualMachine } from './model';

export type EnhancedPolicyReason = 'TrustedLaunch' | 'PremiumV2Disk' | 'UltraDisk';

/** The code of the Azure layer's refusal, before sending, of a Standard policy for such a VM. */
export const ENHANCED_POLICY_REQUIRED = 'EnhancedPolicyRequired';

/** The api-version @azure/arm-recoveryservicesbackup 12.0.0 sends for every backup call. */
export const BACKUP_API_VERSION = '2023-06-01';
const STANDARD_TRUSTED_LAUNCH_FROM = '2025-01-01';

const DISK_REASONS: Record<string, EnhancedPolicyReason> = {
  premiumv2_lrs: 'PremiumV2Disk',
  ultrassd_lrs: 'UltraDisk',
};

/** Why `vm` can only be protected with an Enhanced policy, or undefined when a Standard policy will do. */
export function needsEnhancedPolicy(
  vm: Pick<VirtualMachine, 'securityType' | 'disks'>,
  apiVersion: string = BACKUP_API_VERSION,
): EnhancedPolicyReason | undefined {
  const types = [vm.disks?.osDiskType, ...(vm.disks?.dataDisks ?? []).map((d) => d.storageType)];
  for (const type of types) {
    const reason = type ? DISK_REASONS[type.toLowerCase()] : undefined;
    if (reason) return reason;
  }
  if (vm.securityType?.toLowerCase() === 'trustedlaunch' && apiVersion.slice(0, 10) < STANDARD_TRUSTED_LAUNCH_FROM)
    return 'TrustedLaunch';
  return undefined;
}

export const isEnhancedPolicy = (policy: Pick<Policy, 'policyType'>): boolean => policy.policyType === 'V2';

/** Whether `policy` may protect a VM that needs an Enhanced policy for `reason` (any policy when there is none). */
export function policyFits(policy: Pick<Policy, 'policyType'>, reason: EnhancedPolicyReason | undefined): boolean {
  return reason === undefined || isEnhancedPolicy(policy);
}
