import { BackupItemNode } from '../../tree/nodes/backupItemNode';
import { JobNode } from '../../tree/nodes/jobNode';
import { PolicyNode } from '../../tree/nodes/policyNode';
import { SubscriptionNode } from '../../tree/nodes/subscriptionNode';
import { VaultNode } from '../../tree/nodes/vaultNode';
import { VmNode } from '../../tree/nodes/vmNode';

/** The ARM id behind a node, if it stands for a resource. */
export function resourceIdOf(node: unknown): { id: string; subscriptionId: string } | undefined {
  if (node instanceof VaultNode) return { id: node.vault.id, subscriptionId: node.vault.subscriptionId };
  if (node instanceof VmNode) return { id: node.vm.id, subscriptionId: node.vm.subscriptionId };
  if (node instanceof BackupItemNode) return { id: node.item.id, subscriptionId: node.item.subscriptionId };
  if (node instanceof PolicyNode) return { id: node.policy.id, subscriptionId: node.parent.parent.subscriptionId };
  if (node instanceof JobNode) return { id: node.job.id, subscriptionId: node.job.subscriptionId };
  if (node instanceof SubscriptionNode) return { id: node.subscription.id, subscriptionId: node.subscriptionId };
  return undefined;
}
