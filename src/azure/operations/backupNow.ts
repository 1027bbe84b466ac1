// On-demand backup with a retain-until date. A second request for an item whose backup-now is still
// being tracked by this service joins the first instead of starting another backup.
import type { ItemRef, TrackOptions } from '../backupService';
import { AzureError } from '../errors';
import { FABRIC } from '../ids';
import type { AzureOperation } from '../model';
import { runTrackedOperation } from '../tracker';
import { validateRetainUntil } from '../validation';
import type { OperationContext } from './context';
import { trackerFor } from './context';

const inFlight = new WeakMap<OperationContext, Map<string, Promise<AzureOperation>>>();

export function backupNow(ctx: OperationContext, ref: ItemRef, retainUntil: Date, options: TrackOptions = {}): Promise<AzureOperation> {
  const problem = validateRetainUntil(retainUntil);
  if (problem) {
    return Promise.reject(new AzureError({ code: 'InvalidRetainUntil', message: problem.message, retryable: false, target: problem.key }));
  }
  const running = inFlight.get(ctx) ?? new Map<string, Promise<AzureOperation>>();
  inFlight.set(ctx, running);
  const key = `${ref.subscriptionId}/${ref.resourceGroup}/${ref.name}/${ref.containerName}/${ref.itemName}`.toLowerCase();
  const existing = running.get(key);
  if (existing) {
    return existing;
  }
  const client = ctx.clients.backup(ref.subscriptionId);
  const operation = runTrackedOperation(trackerFor(ctx, ref), (onResponse) => client.backups.trigger(
    ref.name, ref.resourceGroup, FABRIC, ref.containerName, ref.itemName,
    { properties: { objectType: 'IaasVMBackupRequest', recoveryPointExpiryTimeInUTC: retainUntil } },
    { abortSignal: options.signal, onResponse }), options)
    .finally(() => running.delete(key));
  running.set(key, operation);
  return operation;
}
