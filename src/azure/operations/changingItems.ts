// Operations that change a vault's protected items (enable, stop, delete, backup now) drop the vault's cached
// listing when they end, whatever the outcome, so the next read shows the change.
import type { VaultRef } from '../backupService';
import type { OperationContext } from './context';
import { forgetVaultItems } from './items';

export async function changingItems<T>(ctx: OperationContext, ref: VaultRef, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    forgetVaultItems(ctx, ref);
  }
}
