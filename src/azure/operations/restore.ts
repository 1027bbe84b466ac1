// Restore from a recovery point: a new VM, restored disks, or the VM's own disks replaced. Checked before anything
// is sent (restoreChecks.ts), then one POST followed through its operation to the Restore job. Never two restores
// from this layer (neverTwice.ts): a second call for the item while one is in flight joins it, and a POST whose answer was lost is
// not sent again (a second new VM would be worse than one error): the layer looks for the Restore job of the item
// started since the request and follows it, or reports the lost answer.
import type { IaasVMRestoreRequest } from '@azure/arm-recoveryservicesbackup';
import type { ItemRef, TrackOptions } from '../backupService';
import { AzureError } from '../errors';
import { itemPath, itemId } from '../ids';
import type { AzureOperation, BackupItem, BackupJob, RestoreRequest } from '../model';
import { nextDelay, sleep } from '../polling';
import { startLongRunningOperation, trackAcceptedOperation } from '../tracker';
import { confirmBeforeResend, RESPONSE_LOST } from '../transport/unconfirmedWrite';
import type { OperationContext } from './context';
import { trackerFor } from './context';
import { listJobs } from './jobs';
import { checkRestore } from './restoreChecks';
import { followJob, once, shortContainer } from './neverTwice';

/** The service's names for the three kinds. */
const RECOVERY_TYPE = {
  newVm: 'AlternateLocation',
  restoreDisks: 'RestoreDisks',
  replaceDisks: 'OriginalLocation',
} as const;
/** How far the service's clock may be behind ours when deciding whether a job started after our request. */
const CLOCK_SKEW_MS = 2 * 60_000;
/** Looks for the job of a restore whose answer was lost: the service lists it shortly after accepting the POST. */
const MAX_LOOKS = 5;
/** The newest Restore jobs read per look (one page of the service's): ours is the newest. */
const NEWEST_JOBS = 200;

function groupId(subscriptionId: string, resourceGroup: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
}

/** The wire request of each kind: exactly its fields, plus what every restore states. */
export function restoreBody(
  item: Pick<BackupItem, 'sourceResourceId'>,
  recoveryPointId: string,
  request: RestoreRequest,
  subscriptionId: string,
): IaasVMRestoreRequest {
  const common: IaasVMRestoreRequest = {
    objectType: 'IaasVMRestoreRequest',
    recoveryPointId,
    recoveryType: RECOVERY_TYPE[request.kind],
    sourceResourceId: item.sourceResourceId,
    storageAccountId: request.stagingStorageAccountId,
    region: request.region,
    originalStorageAccountOption: false,
    encryptionDetails: { encryptionEnabled: false },
  };
  switch (request.kind) {
    case 'newVm':
      return {
        ...common,
        createNewCloudService: false,
        targetResourceGroupId: groupId(subscriptionId, request.targetResourceGroup),
        targetVirtualMachineId: `${groupId(subscriptionId, request.targetResourceGroup)}/providers/Microsoft.Compute/virtualMachines/${request.vmName}`,
        virtualNetworkId: request.virtualNetworkId,
        subnetId: request.subnetId,
        ...(request.zone ? { zones: [request.zone] } : {}),
      };
    case 'restoreDisks':
      return { ...common, targetResourceGroupId: groupId(subscriptionId, request.targetResourceGroup) };
    case 'replaceDisks':
      return common;
  }
}

export function restore(
  ctx: OperationContext,
  ref: ItemRef,
  recoveryPointId: string,
  request: RestoreRequest,
  options: TrackOptions = {},
): Promise<AzureOperation> {
  return once(
    ctx,
    'restore',
    itemId(ref),
    async () => {
      // The item's Restore jobs before ours, read alongside the checks: after a lost answer, none of them is ours.
      const [{ item }, earlier] = await Promise.all([
        checkRestore(ctx, ref, recoveryPointId, request, options.signal),
        itemRestoreJobs(ctx, ref, options.signal),
      ]);
      return trigger(
        ctx,
        ref,
        recoveryPointId,
        restoreBody(item, recoveryPointId, request, ref.subscriptionId),
        new Set(earlier.map((j) => j.name)),
        options,
      );
    },
    { changes: ref, reserved: options.reserved },
  );
}

async function trigger(
  ctx: OperationContext,
  ref: ItemRef,
  recoveryPointId: string,
  body: IaasVMRestoreRequest,
  earlier: Set<string>,
  options: TrackOptions,
): Promise<AzureOperation> {
  const client = ctx.clients.backup(ref.subscriptionId);
  const tracker = trackerFor(ctx, ref);
  const sentAt = Date.now();
  try {
    const accepted = await startLongRunningOperation((onResponse) =>
      client.restores.beginTrigger(
        ...itemPath(ref),
        recoveryPointId,
        { properties: body },
        { abortSignal: options.signal, onResponse, requestOptions: confirmBeforeResend },
      ),
    );
    return await trackAcceptedOperation(tracker, accepted, options);
  } catch (e) {
    const error = AzureError.from(e);
    if (options.signal?.aborted || error.code === 'Cancelled') return { operationId: '', outcome: 'Cancelled' };
    if (error.code !== RESPONSE_LOST) throw error;
    const job = await restoreJobSince(ctx, ref, sentAt - CLOCK_SKEW_MS, earlier, options.signal);
    if (!job) throw error;
    return followJob(ctx, ref, job, options);
  }
}

/** The item's Restore jobs (the newest page of the vault's). */
async function itemRestoreJobs(ctx: OperationContext, ref: ItemRef, signal?: AbortSignal): Promise<BackupJob[]> {
  const want = shortContainer(ref.containerName);
  const jobs = await listJobs(ctx, ref, { operation: 'Restore' }, { signal, maxItems: NEWEST_JOBS });
  return jobs.items.filter((j) => shortContainer(j.containerName) === want);
}

/**
 * The newest Restore job of the item started at or after `since` and not among `earlier` (a restore that ended
 * just before ours is not ours), looked for a few times while the service lists it.
 */
async function restoreJobSince(
  ctx: OperationContext,
  ref: ItemRef,
  since: number,
  earlier: Set<string>,
  signal?: AbortSignal,
): Promise<BackupJob | undefined> {
  let backoff = ctx.timing.intervalMs;
  for (let look = 1; ; look++) {
    const found = (await itemRestoreJobs(ctx, ref, signal))
      .filter((j) => !earlier.has(j.name) && (j.startTime?.getTime() ?? 0) >= since)
      .sort((a, b) => (b.startTime?.getTime() ?? 0) - (a.startTime?.getTime() ?? 0))[0];
    if (found || look >= MAX_LOOKS) return found;
    await sleep(nextDelay(ctx.timing, undefined, backoff), signal);
    backoff = Math.min(backoff * 2, ctx.timing.maxIntervalMs);
  }
}
