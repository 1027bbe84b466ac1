// On-demand backup with a retain-until date. Never two backups of one item from this layer: a second
// request while this service tracks one joins it, and when the service answers that a backup is already
// in progress (another client, or the SDK's retry of a POST whose 202 was lost) the running job is followed.
import type { ItemRef, TrackOptions } from '../backupService';
import { AzureError } from '../errors';
import { FABRIC } from '../ids';
import type { AzureOperation } from '../model';
import { runTrackedOperation } from '../tracker';
import { validateRetainUntil } from '../validation';
import type { OperationContext } from './context';
import { trackerFor } from './context';
import { changingItems } from './changingItems';
import { joinInFlight } from './inFlight';
import { joinRunningJob, runningJobFor } from './running';

export const BACKUP_IN_PROGRESS = 'UserErrorBackupOperationInProgress';

export function backupNow(ctx: OperationContext, ref: ItemRef, retainUntil: Date, options: TrackOptions = {}): Promise<AzureOperation> {
  const problem = validateRetainUntil(retainUntil);
  if (problem) {
    return Promise.reject(new AzureError({ code: 'InvalidRetainUntil', message: problem.message, retryable: false, target: problem.key }));
  }
  const key = `backup/${ref.subscriptionId}/${ref.resourceGroup}/${ref.name}/${ref.containerName}/${ref.itemName}`.toLowerCase();
  return joinInFlight(ctx, key, () => changingItems(ctx, ref, async () => {
    const client = ctx.clients.backup(ref.subscriptionId);
    const operation = await runTrackedOperation(trackerFor(ctx, ref), (onResponse) => client.backups.trigger(
      ref.name, ref.resourceGroup, FABRIC, ref.containerName, ref.itemName,
      { properties: { objectType: 'IaasVMBackupRequest', recoveryPointExpiryTimeInUTC: retainUntil } },
      { abortSignal: options.signal, onResponse }), options);
    if (operation.outcome !== 'Failed' || operation.error?.code !== BACKUP_IN_PROGRESS) {
      return operation;
    }
    const running = await runningJobFor(ctx, ref, 'Backup', ref.containerName, options.signal);
    return running ? joinRunningJob(ctx, ref, running, options) : operation;
  }));
}
