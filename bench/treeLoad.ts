// Loads the whole tree the way src/tree does, without vscode (the node classes build vscode.TreeItems, so they
// cannot run here; each step below names the node whose getChildren() it mirrors):
//   RootNode            provider.listTenants() + provider.listSubscriptions()
//   SubscriptionNode    both children expanded, so per subscription in parallel:
//   VaultsNode          listVaults, page by page ("Load more" until the last page), tree page size 50
//   BackupItemsNode     per vault: listBackupItems, page by page
//   VirtualMachinesNode listVirtualMachinesPage, page by page: each VM page (a Resource Graph page of up to 1,000
//                       VMs, or Compute's 50 if Resource Graph is refused) joined with the protection index
// One BackupService per tenant with cached listings, as AccountSession.service() does: the items listings are
// shared by the Backup items nodes and the VM join, the vault list by the Vaults node and the join.
import type { BackupService, Page, PageOptions } from '../src/azure/backupService';
import { createSandboxProvider } from '../src/auth/index';
import {
  createBackupService,
  type BackupItem,
  type Subscription,
  type Vault,
  type VirtualMachine,
} from '../src/azure/index';
import { vaultRef } from '../src/tree/refs';

/** src/extension.ts gives the tree `pageSize: 50` (items per "Load more"). */
export const TREE_PAGE_SIZE = 50;

export interface SandboxAddress {
  endpoint: string;
  ca: string;
  tenantId: string;
}

export interface LoadedSubscription {
  subscription: Subscription;
  vaults: { vault: Vault; items: BackupItem[] }[];
  vms: VirtualMachine[];
}

async function allPages<T>(fetch: (options: PageOptions) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetch({ continuationToken: token, maxItems: TREE_PAGE_SIZE });
    items.push(...page.items);
    token = page.continuationToken;
  } while (token);
  return items;
}

async function loadSubscription(
  service: BackupService,
  subscription: Subscription,
  concurrency: number,
): Promise<LoadedSubscription> {
  const id = subscription.subscriptionId;
  const vaultsBranch = (async () => {
    const vaults = await allPages((o) => service.listVaults(id, o));
    // VS Code asks for each expanded node's children on its own; the layer's bound keeps the fan-out polite.
    return service.fanOut(vaults, concurrency, async (vault) => ({
      vault,
      items: await allPages((o) => service.listBackupItems(vaultRef(vault), o)),
    }));
  })();
  const vmsBranch = allPages((o) => service.listVirtualMachinesPage(id, o));
  const [vaults, vms] = await Promise.all([vaultsBranch, vmsBranch]);
  return { subscription, vaults, vms };
}

export async function loadTree(sandbox: SandboxAddress, concurrency: number): Promise<LoadedSubscription[]> {
  const provider = createSandboxProvider(sandbox);
  const [, contexts] = await Promise.all([provider.listTenants(), provider.listSubscriptions()]);
  const services = new Map<string, BackupService>();
  const serviceFor = (tenantId: string, make: () => BackupService): BackupService => {
    const existing = services.get(tenantId);
    if (existing) return existing;
    const created = make();
    services.set(tenantId, created);
    return created;
  };
  return Promise.all(
    contexts.map((c) =>
      loadSubscription(
        serviceFor(c.session.tenantId ?? c.subscription.tenantId, () =>
          createBackupService(c.session, { concurrency, cacheListings: true }),
        ),
        c.subscription,
        concurrency,
      ),
    ),
  );
}

export interface TreeCounts {
  subscriptions: number;
  vaults: number;
  backupItems: number;
  vms: number;
  protectedVms: number;
}

export function countTree(tree: readonly LoadedSubscription[]): TreeCounts {
  const vaults = tree.flatMap((s) => s.vaults);
  const vms = tree.flatMap((s) => s.vms);
  return {
    subscriptions: tree.length,
    vaults: vaults.length,
    backupItems: vaults.reduce((n, v) => n + v.items.length, 0),
    vms: vms.length,
    protectedVms: vms.filter((vm) => vm.protection?.state === 'Protected').length,
  };
}
