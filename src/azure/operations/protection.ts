// Stop protection of VMs (enable lives in enable.ts). The backup SDK returns on the first 202; the tracker
// follows the operation to its DisableBackup / DeleteBackupData job. One stop per item at a time (neverTwice.ts).
import type { ItemRef, TrackOptions } from '../backupService';
import { itemPath, itemId } from '../ids';
import type { AzureOperation } from '../model';
import { runTrackedOperation } from '../tracker';
import type { OperationContext } from './context';
import { trackerFor } from './context';
import { getBackupItem } from './items';
import { once } from './neverTwice';
import { guardedCall, refuseIfGuarded } from './vaultSecurity';

/** RetainData: PUT with protectionState ProtectionStopped; DeleteData: DELETE of the item. */
export function stopProtection(
  ctx: OperationContext,
  ref: ItemRef,
  mode: 'RetainData' | 'DeleteData',
  options: TrackOptions = {},
): Promise<AzureOperation> {
  return once(ctx, 'stop', itemId(ref), () => stop(ctx, ref, mode, options), {
    changes: ref,
    reserved: options.reserved,
  });
}

async function stop(
  ctx: OperationContext,
  ref: ItemRef,
  mode: 'RetainData' | 'DeleteData',
  options: TrackOptions,
): Promise<AzureOperation> {
  const client = ctx.clients.backup(ref.subscriptionId);
  const tracker = trackerFor(ctx, ref);
  if (mode === 'DeleteData') {
    await refuseIfGuarded(ctx, ref, 'Stop protection with delete data', options.signal);
    return guardedCall(
      ctx,
      ref,
      'Stop protection with delete data',
      () =>
        runTrackedOperation(
          tracker,
          (onResponse) =>
            client.protectedItems.delete(...itemPath(ref), {
              abortSignal: options.signal,
              onResponse,
            }),
          options,
        ),
      options.signal,
    );
  }
  const item = await getBackupItem(ctx, ref, options.signal);
  return runTrackedOperation(
    tracker,
    (onResponse) =>
      client.protectedItems.createOrUpdate(
        ...itemPath(ref),
        {
          properties: {
            protectedItemType: 'Microsoft.Compute/virtualMachines',
            sourceResourceId: item.sourceResourceId,
            policyId: '',
            protectionState: 'ProtectionStopped',
          },
        },
        { abortSignal: options.signal, onResponse },
      ),
    options,
  );
}
