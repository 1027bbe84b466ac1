// The estate's VMs with their protection from Resource Graph, streamed: the VM query and the items query run side
// by side, both ordered by the lower-cased VM id, so a VM is joined as soon as the items have been read past it
// (a merge join) instead of after the last item page. Vaults this session changed lately are read live (their
// items listing) and replace what Resource Graph, which lags the vaults, says of them.
import type { VaultRef } from '../backupService';
import { indexItem, withProtection } from '../convert/join';
import { idKey, vaultId } from '../ids';
import type { BackupItem, VirtualMachine } from '../model';
import type { OperationContext } from './context';
import { batches, graphBackupItems, graphVirtualMachines } from './graphCoverage';
import { forgetVaultItems, listVaultItemEntries } from './items';
import { vaultsChangedSince } from './recentChanges';

/** The live items of the vaults changed here; a vault that cannot be read live is left to Resource Graph. */
async function liveItems(
  ctx: OperationContext,
  vaults: readonly VaultRef[],
  signal: AbortSignal,
): Promise<{ read: Set<string>; items: BackupItem[] }> {
  const read = new Set<string>();
  const items: BackupItem[] = [];
  await ctx.clients.transport.mapWithConcurrency(
    vaults,
    ctx.concurrency,
    async (vault) => {
      try {
        forgetVaultItems(ctx, vault); // live: not a listing cached since the change (the initial backup may have run)
        const entries = await listVaultItemEntries(ctx, vault, signal);
        read.add(idKey(vaultId(vault)));
        for (const e of entries) items.push(e.item);
      } catch (e) {
        if (signal.aborted) throw e;
      }
    },
    signal,
  );
  return { read, items };
}

async function* mergeBatch(
  ctx: OperationContext,
  subscriptionIds: readonly string[],
  live: { read: Set<string>; items: BackupItem[] },
  signal: AbortSignal,
): AsyncGenerator<VirtualMachine[]> {
  const index = new Map<string, BackupItem>();
  const batch = new Set(subscriptionIds.map(idKey));
  for (const item of live.items) if (batch.has(idKey(item.subscriptionId))) indexItem(index, item);
  const pending: VirtualMachine[] = [];
  let watermark = '';
  let itemsDone = false;
  let vmsDone = false;
  let failure: { error: unknown } | undefined;
  let wake = (): void => undefined;
  const changed = (): void => {
    const w = wake;
    wake = () => undefined;
    w();
  };
  const fail = (error: unknown): void => {
    failure ??= { error };
    changed();
  };
  void (async () => {
    for await (const page of graphBackupItems(ctx, subscriptionIds, signal)) {
      for (const item of page) if (!live.read.has(idKey(item.vaultId))) indexItem(index, item);
      const last = page.at(-1);
      if (last) watermark = idKey(last.sourceResourceId);
      changed();
    }
    itemsDone = true;
    changed();
  })().catch(fail);
  void (async () => {
    for await (const page of graphVirtualMachines(ctx, subscriptionIds, signal)) {
      pending.push(...page);
      changed();
    }
    vmsDone = true;
    changed();
  })().catch(fail);
  const protection = { bySource: index, incomplete: false };
  let next = 0;
  for (;;) {
    if (failure) throw failure.error;
    // Items of a VM may continue on the next items page (same key), so only keys strictly below the watermark are done.
    let end = next;
    while (end < pending.length && (itemsDone || idKey(pending[end].id) < watermark)) end++;
    if (end > next) {
      const ready = pending.slice(next, end).map((vm) => withProtection(vm, protection));
      next = end;
      if (next > 10_000) {
        pending.splice(0, next); // what was yielded is not kept
        next = 0;
      }
      yield ready;
    } else if (vmsDone && itemsDone && next >= pending.length) return;
    else await new Promise<void>((resolve) => (wake = resolve));
  }
}

/**
 * Every VM of the subscriptions with its protection, a batch of pages at a time as both queries progress. `sinceMs`:
 * vaults changed by this session from then on are read live (Resource Graph may not show the change yet).
 */
export async function* graphProtectedVirtualMachines(
  ctx: OperationContext,
  subscriptionIds: readonly string[],
  sinceMs: number,
  signal?: AbortSignal,
): AsyncGenerator<VirtualMachine[]> {
  // Our own controller: a consumer that stops early (or a failing stream) stops the other stream's paging too.
  const inner = new AbortController();
  const onAbort = (): void => inner.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const selected = new Set(subscriptionIds.map(idKey));
    const changed = vaultsChangedSince(ctx, sinceMs).filter((v) => selected.has(idKey(v.subscriptionId)));
    const live = await liveItems(ctx, changed, inner.signal);
    for (const batch of batches(subscriptionIds)) yield* mergeBatch(ctx, batch, live, inner.signal);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    inner.abort();
  }
}
