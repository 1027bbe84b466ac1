// Recovery point (backup SDK) → domain RecoveryPoint.
import type { IaasVMRecoveryPoint, RecoveryPointResource } from '@azure/arm-recoveryservicesbackup';
import type { RecoveryPoint, RecoveryPointConsistency, RecoveryPointTier } from '../model';
import { meaningfulDate } from './time';

const CONSISTENCY: Record<string, RecoveryPointConsistency> = {
  appconsistent: 'ApplicationConsistent',
  filesystemconsistent: 'FileSystemConsistent',
  crashconsistent: 'CrashConsistent',
};

export function toConsistency(recoveryPointType: string | undefined): RecoveryPointConsistency {
  return CONSISTENCY[(recoveryPointType ?? '').toLowerCase()] ?? 'Unknown';
}

/** InstantRP is the snapshot, HardenedRP the copy in the vault, ArchivedRP the archive tier; only Valid tiers count. */
export function toTier(tiers: readonly { type: string; status: string }[]): RecoveryPointTier {
  const valid = new Set(tiers.filter((t) => t.status === 'Valid').map((t) => t.type));
  const snapshot = valid.has('InstantRP');
  const vault = valid.has('HardenedRP');
  if (snapshot && vault) return 'SnapshotAndVault';
  if (snapshot) return 'Snapshot';
  if (vault) return 'Vault';
  return valid.has('ArchivedRP') ? 'Archive' : 'Unknown';
}

function toOsType(value: string | undefined): RecoveryPoint['osType'] {
  const v = (value ?? '').toLowerCase();
  return v === 'windows' ? 'Windows' : v === 'linux' ? 'Linux' : 'Unknown';
}

export function toRecoveryPoint(resource: RecoveryPointResource): RecoveryPoint | undefined {
  if (resource.properties?.objectType !== 'IaasVMRecoveryPoint') {
    return undefined;
  }
  const rp = resource.properties as IaasVMRecoveryPoint;
  const time = meaningfulDate(rp.recoveryPointTime);
  if (!time) {
    return undefined;
  }
  const tiers = (rp.recoveryPointTierDetails ?? []).map((t) => ({
    type: t.type ?? 'Invalid',
    status: t.status ?? 'Invalid',
  }));
  return {
    id: resource.id ?? '',
    name: resource.name ?? '',
    time,
    type: rp.recoveryPointType ?? 'Unknown',
    consistency: toConsistency(rp.recoveryPointType),
    tier: toTier(tiers),
    expiry: meaningfulDate(rp.recoveryPointProperties?.expiryTime),
    tiers,
    osType: toOsType(rp.osType),
    ...(rp.virtualMachineSize ? { vmSize: rp.virtualMachineSize } : {}),
    fileRecoveryActive: rp.isInstantIlrSessionActive === true,
  };
}
