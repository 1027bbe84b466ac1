// Recovery point (backup SDK) → domain RecoveryPoint.
import type { IaasVMRecoveryPoint, RecoveryPointResource } from '@azure/arm-recoveryservicesbackup';
import type { RecoveryPoint } from '../model';
import { meaningfulDate } from './time';

export function toRecoveryPoint(resource: RecoveryPointResource): RecoveryPoint | undefined {
  if (resource.properties?.objectType !== 'IaasVMRecoveryPoint') {
    return undefined;
  }
  const rp = resource.properties as IaasVMRecoveryPoint;
  const time = meaningfulDate(rp.recoveryPointTime);
  if (!time) {
    return undefined;
  }
  return {
    id: resource.id ?? '',
    name: resource.name ?? '',
    time,
    type: rp.recoveryPointType ?? 'Unknown',
    expiry: meaningfulDate(rp.recoveryPointProperties?.expiryTime),
    tiers: (rp.recoveryPointTierDetails ?? []).map((t) => ({ type: t.type ?? 'Invalid', status: t.status ?? 'Invalid' })),
  };
}
