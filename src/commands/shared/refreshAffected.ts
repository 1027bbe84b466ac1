import type { BackupTreeProvider } from '../../tree/backupTreeProvider';
import { BackupItemNode } from '../../tree/nodes/backupItemNode';
import { BackupItemsNode } from '../../tree/nodes/backupItemsNode';
import { JobsNode } from '../../tree/nodes/jobsNode';
import { PoliciesNode } from '../../tree/nodes/policiesNode';
import { VaultNode } from '../../tree/nodes/vaultNode';
import { VaultsNode } from '../../tree/nodes/vaultsNode';
import { VirtualMachinesNode } from '../../tree/nodes/virtualMachinesNode';

type Part = 'items' | 'jobs' | 'policies' | 'vault';

/** Reload the nodes an operation on a vault touched (only those already shown). */
export function refreshVault(tree: BackupTreeProvider, vaultId: string, parts: Part[]): void {
  const id = vaultId.toLowerCase();
  for (const node of tree.findAll((n) => n instanceof VaultNode && n.vault.id.toLowerCase() === id)) {
    if (parts.includes('vault')) tree.refresh(node);
  }
  for (const node of tree.findAll((n) =>
    (n instanceof BackupItemsNode || n instanceof JobsNode || n instanceof PoliciesNode) && n.parent.vault.id.toLowerCase() === id)) {
    const part: Part = node instanceof BackupItemsNode ? 'items' : node instanceof JobsNode ? 'jobs' : 'policies';
    if (parts.includes(part)) tree.refresh(node);
  }
}

/** Reload the "Virtual machines" list of a subscription (protection status changed). */
export function refreshVirtualMachines(tree: BackupTreeProvider, subscriptionId: string): void {
  for (const node of tree.findAll((n) => n instanceof VirtualMachinesNode && n.subscriptionId.toLowerCase() === subscriptionId.toLowerCase())) {
    tree.refresh(node);
  }
}

/** Reload the vault list of a subscription (a vault was created). */
export function refreshVaults(tree: BackupTreeProvider, subscriptionId: string): void {
  for (const node of tree.findAll((n) => n instanceof VaultsNode && n.subscriptionId.toLowerCase() === subscriptionId.toLowerCase())) {
    tree.refresh(node);
  }
}

/** Reload a backup item's recovery points (a file-recovery session opened or closed, a restore ended). */
export function refreshRecoveryPoints(tree: BackupTreeProvider, itemId: string): void {
  for (const node of tree.findAll((n) => n instanceof BackupItemNode && n.item.id.toLowerCase() === itemId.toLowerCase())) {
    tree.refresh(node);
  }
}
