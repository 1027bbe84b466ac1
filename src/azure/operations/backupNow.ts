// On-demand backup with a retain-until date. Never two backups of one item (neverTwice.ts): a second request
// while this service tracks one joins it, and when the service answers that a backup is already in progress
// (another client, or the SDK's retry of a POST whose 202 was lost) the running job is followed.
import type { ItemRef, TrackOptions } from '../backupService';
import { AzureError } from '../errors';
import { itemPath, itemId } from '../ids';
import type { AzureOperation } from '../model';
import { runTrackedOperation } from '../tracker';
import { validateRetainUntil } from '../validation';
import type { OperationContext } from './context';
import { trackerFor } from './context';
import { followRunningJob, once } from './neverTwice';

export const BACKUP_IN_PROGRESS = 'UserErrorBackupOperationInProgress';

export function backupNow(
  ctx: OperationContext,
  ref: ItemRef,
  retainUntil: Date,
  options: TrackOptions = {},
): Promise<AzureOperation> {
  const problem = validateRetainUntil(retainUntil);
  if (problem) {
    return Promise.reject(
      new AzureError({ code: 'InvalidRetainUntil', message: problem.message, retryable: false, target: problem.key }),
    );
  }
  return once(
    ctx,
    'backup',
    itemId(ref),
    async () => {
      const client = ctx.clients.backup(ref.subscriptionId);
      const operation = await runTrackedOperation(
        trackerFor(ctx, ref),
        (onResponse) =>
          client.backups.trigger(
            ...itemPath(ref),
            { properties: { objectType: 'IaasVMBackupRequest', recoveryPointExpiryTimeInUTC: retainUntil } },
            { abortSignal: options.signal, onResponse },
          ),
        options,
      );
      if (operation.outcome !== 'Failed' || operation.error?.code !== BACKUP_IN_PROGRESS) {
        return operation;
      }
      return (await followRunningJob(ctx, ref, 'Backup', ref.containerName, options)) ?? operation;
    },
    { changes: ref, reserved: options.reserved },
  );
}
