// Change the policy of a protected item, resume protection of a stopped one, and undelete a soft-deleted one: each
// a PUT of the item that starts one job (ConfigureBackup, or Undelete). Never twice (neverTwice.ts): a second request
// in flight joins the first, what the item already is is read first (nothing is sent when it is already so), a PUT
// whose answer was lost is not sent again before the item is looked at, and the service's "operation in progress"
// follows the running job.
import type { ProtectedItemUnion } from '@azure/arm-recoveryservicesbackup';
import type { ItemRef, ProtectOptions, TrackOptions } from '../backupService';
import { diskExclusionOf, sameDiskSelection } from '../diskSelection';
import { AzureError } from '../errors';
import { itemId, policyId } from '../ids';
import type { AzureOperation, BackupItem, DiskSelection, JobOperation, Policy } from '../model';
import { isActivelyProtected, itemProtectionStatus } from '../protectionState';
import type { OperationContext } from './context';
import { refuseStandardForItem } from './enhancedCheck';
import { getBackupItem } from './items';
import { putProtectedItem } from './itemPut';
import { findRunningJob, followJob, followRunningJob, once } from './neverTwice';
import { getPolicy } from './policies';
import { guardedCall } from './vaultSecurity';

export const ENHANCED_TO_STANDARD = 'EnhancedToStandardPolicy';
export const NOT_SOFT_DELETED = 'ItemNotSoftDeleted';

interface Change {
  /** The job the PUT starts. */
  job: JobOperation;
  /** The PUT's properties. */
  body: (item: BackupItem) => ProtectedItemUnion;
  /** Whether the item as read already shows the change (then nothing is sent, or sent again). */
  applied: (item: BackupItem) => boolean;
}

function samePolicy(item: BackupItem, policyName: string): boolean {
  return isActivelyProtected(itemProtectionStatus(item)) && item.policyName?.toLowerCase() === policyName.toLowerCase();
}

/** Whether the item backs up the disks `wanted` names (any selection when none is asked for). */
const sameDisks = (item: BackupItem, wanted: DiskSelection | undefined): boolean =>
  !wanted || sameDiskSelection(item.diskSelection, wanted);

function protectWith(ref: ItemRef, policyName: string, disks: DiskSelection | undefined): Change {
  return {
    job: 'ConfigureBackup',
    body: (item) => ({
      protectedItemType: 'Microsoft.Compute/virtualMachines',
      sourceResourceId: item.sourceResourceId,
      policyId: policyId(ref, policyName),
      ...diskExclusionOf(disks),
    }),
    applied: (item) => samePolicy(item, policyName) && sameDisks(item, disks),
  };
}

const UNDELETE: Change = {
  job: 'Undelete',
  body: (item) => ({
    protectedItemType: 'Microsoft.Compute/virtualMachines',
    sourceResourceId: item.sourceResourceId,
    protectionState: 'ProtectionStopped',
    isRehydrate: true,
  }),
  applied: (item) => !item.softDeleted,
};

const done: AzureOperation = { operationId: '', outcome: 'Completed', joinedExisting: true };

/**
 * One PUT of the item, never twice: a request in flight under `key` is joined, and the item is read first. An item
 * that already shows the change is not sent again: its running job is followed, or `noJob` answers (by default,
 * done); otherwise `proceed` checks the item's state and sends.
 */
function onceWithItem(
  ctx: OperationContext,
  key: 'configure' | 'undelete',
  ref: ItemRef,
  change: Change,
  options: TrackOptions,
  proceed: (item: BackupItem) => Promise<AzureOperation>,
  noJob: (item: BackupItem) => AzureOperation = () => done,
): Promise<AzureOperation> {
  return once(
    ctx,
    key,
    itemId(ref),
    async () => {
      const item = await getBackupItem(ctx, ref, options.signal);
      if (!change.applied(item)) return proceed(item);
      return (await followRunningJob(ctx, ref, change.job, ref.containerName, options)) ?? noJob(item);
    },
    { changes: ref, reserved: options.reserved },
  );
}

async function send(
  ctx: OperationContext,
  ref: ItemRef,
  item: BackupItem,
  change: Change,
  options: TrackOptions,
): Promise<AzureOperation> {
  return putProtectedItem(ctx, ref, change.body(item), options, {
    // The service may have applied it: follow its job, else read the item, and send again only if it shows nothing.
    // The job is looked for first: a job that ends between the two reads has changed the item by the second.
    afterLostAnswer: async () => {
      const running = await findRunningJob(ctx, ref, change.job, item, options.signal);
      if (running) return followJob(ctx, ref, running, options);
      return change.applied(await getBackupItem(ctx, ref, options.signal)) ? done : undefined;
    },
    afterConflict: () => followRunningJob(ctx, ref, change.job, ref.containerName, options),
  });
}

function refuse(code: string, message: string): never {
  throw new AzureError({ code, message, retryable: false });
}

/** The service refuses to move an item from an Enhanced (V2) policy to a Standard one: refused before sending. */
async function refuseEnhancedToStandard(
  ctx: OperationContext,
  ref: ItemRef,
  item: BackupItem,
  policyName: string,
  signal?: AbortSignal,
): Promise<Policy> {
  const [from, to] = await Promise.all([
    item.policyName ? getPolicy(ctx, ref, item.policyName, signal).catch(() => undefined) : undefined,
    getPolicy(ctx, ref, policyName, signal),
  ]);
  if (from?.policyType === 'V2' && to.policyType === 'V1') {
    refuse(
      ENHANCED_TO_STANDARD,
      `${item.friendlyName} is protected by the Enhanced policy ${from.name}; an item cannot move from an Enhanced policy to a Standard policy such as ${to.name}.`,
    );
  }
  return to;
}

/** One ConfigureBackup PUT of the item with a policy (and the disks asked for): see onceWithItem. */
function configureWithPolicy(
  ctx: OperationContext,
  ref: ItemRef,
  policyName: string,
  options: ProtectOptions,
  proceed: (item: BackupItem, change: Change) => Promise<AzureOperation>,
): Promise<AzureOperation> {
  const change = protectWith(ref, policyName, options.diskSelection);
  return onceWithItem(ctx, 'configure', ref, change, options, (item) => proceed(item, change));
}

/** Another policy for an actively protected item: one ConfigureBackup job. */
export function changePolicy(
  ctx: OperationContext,
  ref: ItemRef,
  policyName: string,
  options: ProtectOptions = {},
): Promise<AzureOperation> {
  return configureWithPolicy(ctx, ref, policyName, options, async (item, change) => {
    if (!isActivelyProtected(itemProtectionStatus(item))) {
      refuse('ProtectionNotActive', `Protection of ${item.friendlyName} is stopped: resume it to choose a policy.`);
    }
    const next = await refuseEnhancedToStandard(ctx, ref, item, policyName, options.signal);
    await refuseStandardForItem(ctx, ref, item, next, options.signal);
    // A policy with shorter retention is an operation a Resource Guard protects.
    return guardedCall(
      ctx,
      ref,
      'Changing to a policy with shorter retention',
      () => send(ctx, ref, item, change, options),
      options.signal,
    );
  });
}

/** Protection again, with a policy, for an item stopped with its data retained: one ConfigureBackup job. */
export function resumeProtection(
  ctx: OperationContext,
  ref: ItemRef,
  policyName: string,
  options: ProtectOptions = {},
): Promise<AzureOperation> {
  return configureWithPolicy(ctx, ref, policyName, options, async (item, change) => {
    if (item.softDeleted)
      refuse(
        'SoftDeletedItem',
        `The backup data of ${item.friendlyName} is soft deleted: undelete it before resuming protection.`,
      );
    if (itemProtectionStatus(item) !== 'ProtectionStopped') {
      refuse('ProtectionNotStopped', `${item.friendlyName} is protected: change its policy instead of resuming.`);
    }
    await refuseStandardForItem(ctx, ref, item, await getPolicy(ctx, ref, policyName, options.signal), options.signal);
    return send(ctx, ref, item, change, options);
  });
}

/** A soft-deleted item back to "protection stopped, data retained": one Undelete job. */
export function undelete(ctx: OperationContext, ref: ItemRef, options: TrackOptions = {}): Promise<AzureOperation> {
  return onceWithItem(
    ctx,
    'undelete',
    ref,
    UNDELETE,
    options,
    (item) => send(ctx, ref, item, UNDELETE, options),
    (item) => refuse(NOT_SOFT_DELETED, `The backup data of ${item.friendlyName} is not soft deleted.`),
  );
}
