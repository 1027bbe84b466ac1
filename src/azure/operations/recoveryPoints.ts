// Recovery points of a protected VM, newest first.
import { getContinuationToken } from '@azure/arm-recoveryservicesbackup';
import type { ItemRef, Page, PageOptions } from '../backupService';
import { toRecoveryPoint } from '../convert/recoveryPoints';
import { AzureError } from '../errors';
import { FABRIC } from '../ids';
import type { RecoveryPoint } from '../model';
import { collectPage } from '../paging';
import type { OperationContext } from './context';
import { call } from './context';

export async function listRecoveryPoints(
  ctx: OperationContext,
  ref: ItemRef,
  options: PageOptions = {},
): Promise<Page<RecoveryPoint>> {
  const page = await call(() =>
    collectPage(
      ctx.clients
        .backup(ref.subscriptionId)
        .recoveryPoints.list(ref.name, ref.resourceGroup, FABRIC, ref.containerName, ref.itemName, {
          abortSignal: options.signal,
        }),
      getContinuationToken,
      toRecoveryPoint,
      options,
    ),
  );
  page.items.sort((a, b) => b.time.getTime() - a.time.getTime());
  return page;
}

export async function getRecoveryPoint(
  ctx: OperationContext,
  ref: ItemRef,
  recoveryPointId: string,
  signal?: AbortSignal,
): Promise<RecoveryPoint> {
  const resource = await call(() =>
    ctx.clients
      .backup(ref.subscriptionId)
      .recoveryPoints.get(ref.name, ref.resourceGroup, FABRIC, ref.containerName, ref.itemName, recoveryPointId, {
        abortSignal: signal,
      }),
  );
  const point = toRecoveryPoint(resource);
  if (!point) {
    throw new AzureError({
      code: 'UnsupportedRecoveryPoint',
      message: `The recovery point '${recoveryPointId}' is not a VM recovery point.`,
      retryable: false,
    });
  }
  return point;
}
