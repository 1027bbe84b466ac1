// File recovery (item-level recovery): provision opens a session on a recovery point and hands out the scripts
// that mount its disks on the user's machine; revoke closes it. Both answer 202; their operation has no job, so
// its status is followed to the end (provision's status carries the scripts).
import type { OperationStatusProvisionILRExtendedInfo } from '@azure/arm-recoveryservicesbackup';
import type { ItemRef } from '../backupService';
import { toFileRecoveryScript } from '../convert/restoreTargets';
import { AzureError } from '../errors';
import { itemPath, itemId } from '../ids';
import type { FileRecoveryScript } from '../model';
import type { RawResponseHandler, StatusResult } from '../tracker';
import { pollOperationStatus, startOperation } from '../tracker';
import type { OperationContext } from './context';
import { trackerFor } from './context';
import { once } from './neverTwice';
import { getBackupItem } from './items';
import { getRecoveryPoint } from './recoveryPoints';

/** Who asks, as the service records it on the session. */
const INITIATOR = 'vscode-azure-backup';

/** A file-recovery session is the recovery point's: one provision or revoke per point at a time (neverTwice.ts). */
function pointId(ref: ItemRef, recoveryPointId: string): string {
  return `${itemId(ref)}/recoveryPoints/${recoveryPointId}`;
}

/** Sends the call and follows its operation to the end; a failed or cancelled operation throws. */
async function runToEnd(
  ctx: OperationContext,
  ref: ItemRef,
  send: (onResponse: RawResponseHandler) => Promise<unknown>,
  signal?: AbortSignal,
): Promise<StatusResult> {
  const accepted = await startOperation(send);
  if (!accepted.operationId) return { outcome: 'Completed' };
  let status: StatusResult;
  try {
    status = await pollOperationStatus(trackerFor(ctx, ref), accepted.operationId, accepted.retryAfterMs, signal);
  } catch (e) {
    throw AzureError.from(e);
  }
  if (status.outcome === 'Cancelled')
    throw new AzureError({ code: 'Cancelled', message: 'The operation was cancelled.', retryable: false });
  if (status.outcome === 'Failed') {
    throw new AzureError({
      code: status.error?.code ?? 'OperationFailed',
      message: status.error?.message ?? 'The operation failed.',
      requestId: status.error?.requestId,
      retryable: false,
    });
  }
  return status;
}

/** Opens (or renews) a file-recovery session on the point; resolves with its scripts once the service has them. */
export function provisionFileRecovery(
  ctx: OperationContext,
  ref: ItemRef,
  recoveryPointId: string,
  signal?: AbortSignal,
): Promise<FileRecoveryScript[]> {
  return once(ctx, 'provisionFileRecovery', pointId(ref, recoveryPointId), async () => {
    const [item, point] = await Promise.all([
      getBackupItem(ctx, ref, signal),
      getRecoveryPoint(ctx, ref, recoveryPointId, signal),
    ]);
    const client = ctx.clients.backup(ref.subscriptionId);
    const status = await runToEnd(
      ctx,
      ref,
      (onResponse) =>
        client.itemLevelRecoveryConnections.provision(
          ...itemPath(ref),
          recoveryPointId,
          {
            properties: {
              objectType: 'IaasVMILRRegistrationRequest',
              recoveryPointId,
              virtualMachineId: item.sourceResourceId,
              initiatorName: INITIATOR,
              renewExistingRegistration: true,
            },
          },
          { abortSignal: signal, onResponse },
        ),
      signal,
    );
    const info = status.properties as Partial<OperationStatusProvisionILRExtendedInfo> | undefined;
    const scripts = info?.recoveryTarget?.clientScripts ?? [];
    if (scripts.length === 0) {
      throw new AzureError({
        code: 'NoFileRecoveryScript',
        message: 'The service opened the file recovery session but returned no script.',
        retryable: false,
      });
    }
    return scripts.map((s) => toFileRecoveryScript(s, item.friendlyName, point.time));
  });
}

/** Closes the point's file-recovery session (the mounted disks go away). */
export function revokeFileRecovery(
  ctx: OperationContext,
  ref: ItemRef,
  recoveryPointId: string,
  signal?: AbortSignal,
): Promise<void> {
  return once(ctx, 'revokeFileRecovery', pointId(ref, recoveryPointId), async () => {
    const client = ctx.clients.backup(ref.subscriptionId);
    await runToEnd(
      ctx,
      ref,
      (onResponse) =>
        client.itemLevelRecoveryConnections.revoke(...itemPath(ref), recoveryPointId, {
          abortSignal: signal,
          onResponse,
        }),
      signal,
    );
  });
}
