// Recovery points of a protected VM, newest first.
import { getContinuationToken } from '@azure/arm-recoveryservicesbackup';
import type { ItemRef, Page, PageOptions } from '../backupService';
import { toRecoveryPoint } from '../convert/recoveryPoints';
import { FABRIC } from '../ids';
import type { RecoveryPoint } from '../model';
import { collectPage } from '../paging';
import type { OperationContext } from './context';
import { call } from './context';

export async function listRecoveryPoints(ctx: OperationContext, ref: ItemRef, options: PageOptions = {}): Promise<Page<RecoveryPoint>> {
  const page = await call(() => collectPage(
    ctx.clients.backup(ref.subscriptionId).recoveryPoints.list(ref.name, ref.resourceGroup, FABRIC, ref.containerName, ref.itemName, { abortSignal: options.signal }),
    getContinuationToken, toRecoveryPoint, options));
  page.items.sort((a, b) => b.time.getTime() - a.time.getTime());
  return page;
}
