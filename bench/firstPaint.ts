// What a node must fetch before it can show anything, in a fresh session, in the order the tree shows them:
// the Vaults node (expanded by default), a vault's Backup items, then Virtual machines. Each paged node asks for
// one page of its own list ("Load more" for the rest). The VMs node also needs the protection index (the vault
// list and every vault's items, cached and shared with the Backup items nodes): those calls are counted apart.
import { performance } from 'node:perf_hooks';
import { createBackupService } from '../src/azure/index';
import { createSandboxProvider } from '../src/auth/index';
import type { RequestLogEntry } from '../src/sandbox/index';
import { vaultRef } from '../src/tree/refs';
import type { SandboxProcess } from './sandboxProcess';
import { TREE_PAGE_SIZE } from './treeLoad';

export interface FirstPaint {
  node: string;
  /** Every call made before the node could show. */
  calls: number;
  /** Pages of the node's own list it waited for (its first page). */
  ownPages: number;
  /** The next page of its list, read ahead in the background once the first arrived (the node does not wait for it). */
  readAheadCalls: number;
  /** Calls for data the node joins with (the VMs node's protection index), made in parallel with its page. */
  dependencyCalls: number;
  ms: number;
}

const OWN_LIST: Record<string, RegExp> = {
  'Recovery Services vaults': /\/providers\/Microsoft\.RecoveryServices\/vaults\/?$/i,
  'Backup items': /\/backupProtectedItems\/?$/i,
  // Resource Graph pages (Compute's list only when the session fell back to it).
  'Virtual machines': /\/providers\/Microsoft\.(ResourceGraph\/resources|Compute\/virtualMachines)\/?$/i,
};

/** A later page of its list: a GET with $skipToken, or a Resource Graph query from a row after the first. */
const isLaterPage = (e: RequestLogEntry): boolean =>
  new URLSearchParams(e.query).has('$skipToken') || /(^|&)\$skip=[1-9]/.test(e.detail ?? '');

export async function measureFirstPaint(sandbox: SandboxProcess, concurrency: number): Promise<FirstPaint[]> {
  const [context] = await createSandboxProvider(sandbox).listSubscriptions();
  if (!context) return [];
  const service = createBackupService(context.session, { concurrency, cacheListings: true });
  const id = context.subscription.subscriptionId;
  const probe = async (node: string, work: () => Promise<unknown>): Promise<FirstPaint> => {
    await sandbox.clearLog();
    const started = performance.now();
    await work();
    const ms = Math.round(performance.now() - started);
    const log: RequestLogEntry[] = await sandbox.requestLog();
    const own = log.filter((e) => OWN_LIST[node]?.test(e.path));
    const readAheadCalls = own.filter(isLaterPage).length;
    const ownPages = own.length - readAheadCalls;
    return { node, calls: log.length, ownPages, readAheadCalls, dependencyCalls: log.length - own.length, ms };
  };
  const results = [await probe('Recovery Services vaults', () => service.listVaults(id, { maxItems: TREE_PAGE_SIZE }))];
  const vault = (await service.listVaults(id, { maxItems: TREE_PAGE_SIZE })).items[0];
  if (vault)
    results.push(
      await probe('Backup items', () => service.listBackupItems(vaultRef(vault), { maxItems: TREE_PAGE_SIZE })),
    );
  results.push(
    await probe('Virtual machines', () => service.listVirtualMachinesPage(id, { maxItems: TREE_PAGE_SIZE })),
  );
  return results;
}
