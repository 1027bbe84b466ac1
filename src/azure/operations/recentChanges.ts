// The vaults this session changed (enable, stop, backup now, resume, undelete, change policy), and when. Readers of
// an index that lags the vaults (Resource Graph) read these few vaults live instead, so a change made here shows at
// once. One journal per OperationContext: per signed-in session, forgotten with it.
import type { VaultRef } from '../backupService';
import { idKey, vaultId } from '../ids';
import type { OperationContext } from './context';

const journals = new WeakMap<OperationContext, Map<string, { vault: VaultRef; at: number }>>();

/** Records that the vault's items changed now (called when the operation settles, whatever its outcome). */
export function noteVaultChange(ctx: OperationContext, vault: VaultRef): void {
  let journal = journals.get(ctx);
  if (!journal) journals.set(ctx, (journal = new Map()));
  const ref = { subscriptionId: vault.subscriptionId, resourceGroup: vault.resourceGroup, name: vault.name };
  journal.set(idKey(vaultId(ref)), { vault: ref, at: Date.now() });
}

/** The vaults changed here at or after `sinceMs` (epoch ms). */
export function vaultsChangedSince(ctx: OperationContext, sinceMs: number): VaultRef[] {
  return [...(journals.get(ctx)?.values() ?? [])].filter((c) => c.at >= sinceMs).map((c) => c.vault);
}
