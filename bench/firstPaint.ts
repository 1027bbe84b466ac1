// What a node must fetch before it can show anything. A paged node needs one page; the VMs node needs the
// whole join (every VM page, the vault list and every vault's items) because protection comes from the join.
import { performance } from 'node:perf_hooks';
import { createBackupService, createSandboxProvider } from '../src/azure/index';
import { vaultRef } from '../src/tree/refs';
import type { SandboxProcess } from './sandboxProcess';
import { TREE_PAGE_SIZE } from './treeLoad';

export interface FirstPaint {
  node: string;
  calls: number;
  ms: number;
}

export async function measureFirstPaint(sandbox: SandboxProcess, concurrency: number): Promise<FirstPaint[]> {
  const [context] = await createSandboxProvider(sandbox).listSubscriptions();
  if (!context) return [];
  const service = createBackupService(context.session, { concurrency });
  const id = context.subscription.subscriptionId;
  const probe = async (node: string, work: () => Promise<unknown>): Promise<FirstPaint> => {
    await sandbox.clearLog();
    const started = performance.now();
    await work();
    const ms = Math.round(performance.now() - started);
    return { node, calls: (await sandbox.requestLog()).length, ms };
  };
  const vaults = await service.listVaults(id, { maxItems: TREE_PAGE_SIZE });
  const results = [await probe('Recovery Services vaults', () => service.listVaults(id, { maxItems: TREE_PAGE_SIZE }))];
  const vault = vaults.items[0];
  if (vault) results.push(await probe('Backup items', () => service.listBackupItems(vaultRef(vault), { maxItems: TREE_PAGE_SIZE })));
  results.push(await probe('Virtual machines', () => service.listVirtualMachinesWithProtection(id)));
  return results;
}
