// What the service already has for a VM in a vault, read fresh before an enable (and after one whose answer was
// lost): an active item means the VM is protected here, whatever its policy, and nothing is sent again.
import type { TrackOptions, VaultRef } from '../backupService';
import type { AzureOperation, BackupItem } from '../model';
import type { OperationContext } from './context';
import { isActivelyProtected, itemProtectionStatus } from '../protectionState';
import { forgetVaultItems, listVaultItemEntries } from './items';
import { followRunningJob } from './neverTwice';
import { idKey } from '../ids';

export function isActive(item: BackupItem | undefined): item is BackupItem {
  return !!item && isActivelyProtected(itemProtectionStatus(item));
}

/** The vault's VM items by lower-cased source VM id, read fresh (what is already enabled decides what to do). */
export async function itemsByVm(
  ctx: OperationContext,
  ref: VaultRef,
  signal?: AbortSignal,
): Promise<Map<string, BackupItem>> {
  forgetVaultItems(ctx, ref);
  const entries = await listVaultItemEntries(ctx, ref, signal);
  return new Map(entries.map(({ item }) => [idKey(item.sourceResourceId), item]));
}

/**
 * Protected here already: follow its ConfigureBackup job if one runs, else nothing to do. `ours` when the item
 * comes from this call's own PUT whose answer was lost (then it is not reported as protected before).
 */
export async function alreadyEnabled(
  ctx: OperationContext,
  ref: VaultRef,
  item: BackupItem | undefined,
  options: TrackOptions,
  ours = false,
): Promise<AzureOperation | undefined> {
  if (!isActive(item)) return undefined;
  const running = await followRunningJob(ctx, ref, 'ConfigureBackup', item.containerName, options);
  if (running) return running;
  const done: AzureOperation = { operationId: '', outcome: 'Completed', joinedExisting: true };
  return ours
    ? done
    : {
        ...done,
        alreadyProtected: { vaultName: ref.name, ...(item.policyName ? { policyName: item.policyName } : {}) },
      };
}
