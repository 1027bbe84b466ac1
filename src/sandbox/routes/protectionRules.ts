/**
 * The service's rules on which policy a VM may take (Enhanced-only VMs, no Enhanced → Standard switch) and on
 * selective disk backup, per Microsoft's Enhanced-policy documentation.
 */
import { errors } from '../http/errors';
import { arr, obj } from '../state/json';
import type { PolicyRecord, ProtectedItemRecord, VmRecord } from '../state/model';

/** Disk types only an Enhanced policy protects. */
const ENHANCED_ONLY_DISKS = ['PremiumV2_LRS', 'UltraSSD_LRS'];
/** From this api-version on, a Standard policy protects Trusted Launch VMs too (the docs: "REST API 2025-01-01 and later"). */
const STANDARD_TRUSTED_LAUNCH_FROM = '2025-01-01';

const isEnhanced = (policy: PolicyRecord): boolean => policy.properties.policyType === 'V2';

/** Why this VM needs an Enhanced policy when asked at `apiVersion`, or undefined when a Standard one will do. */
export function enhancedOnlyReason(vm: VmRecord, apiVersion: string): string | undefined {
  const disk = [vm.osDiskStorageType, ...(vm.dataDisks ?? []).map((d) => d.storageType)].find(
    (t) => t !== undefined && ENHANCED_ONLY_DISKS.includes(t),
  );
  if (disk) return `it has ${disk === 'UltraSSD_LRS' ? 'an Ultra disk' : 'a Premium SSD v2 disk'}`;
  if (vm.securityType === 'TrustedLaunch' && apiVersion.slice(0, 10) < STANDARD_TRUSTED_LAUNCH_FROM)
    return 'it is a Trusted Launch VM';
  return undefined;
}

/** Refuses what the service refuses when `vm` is to be protected with `next` (its current policy `current`, if any). */
export function checkPolicyChoice(
  vm: VmRecord,
  current: PolicyRecord | undefined,
  next: PolicyRecord,
  apiVersion: string,
): void {
  if (isEnhanced(next)) return;
  if (current && isEnhanced(current)) throw errors.directPolicySwitchNotSupported(vm.name, current.name, next.name);
  const reason = enhancedOnlyReason(vm, apiVersion);
  if (reason) throw errors.enhancedPolicyRequired(vm.name, next.name, reason);
}

/**
 * `extendedProperties.diskExclusionProperties` of a PUT: the data disk LUNs to include (or exclude). Undefined when
 * the request does not name it (the item keeps what it had); each LUN must be one of the VM's data disks.
 */
export function parseDiskExclusion(extended: unknown, vm: VmRecord): ProtectedItemRecord['diskExclusion'] | undefined {
  const raw = obj(obj(extended)?.diskExclusionProperties);
  if (!raw) return undefined;
  const luns = arr(raw.diskLunList);
  if (!luns || !luns.every((l) => typeof l === 'number' && Number.isInteger(l) && l >= 0)) {
    throw errors.invalidInput('diskExclusionProperties.diskLunList must be a list of disk LUNs (whole numbers)');
  }
  if (typeof raw.isInclusionList !== 'boolean')
    throw errors.invalidInput('diskExclusionProperties.isInclusionList must be true or false');
  const known = new Set((vm.dataDisks ?? []).map((d) => d.lun));
  const unknown = (luns as number[]).filter((l) => !known.has(l));
  if (unknown.length) throw errors.invalidInput(`the VM '${vm.name}' has no data disk at LUN ${unknown.join(', ')}`);
  return { diskLunList: [...new Set(luns as number[])].sort((a, b) => a - b), isInclusionList: raw.isInclusionList };
}
