import { targetOf } from '../../tree/treeNode';

/** The ARM id behind a node, if it stands for a resource. */
export function resourceIdOf(node: unknown): { id: string; subscriptionId: string } | undefined {
  const target = targetOf(node);
  switch (target?.kind) {
    case 'vault':
      return { id: target.vault.id, subscriptionId: target.vault.subscriptionId };
    case 'vm':
      return { id: target.vm.id, subscriptionId: target.vm.subscriptionId };
    case 'item':
      return { id: target.item.id, subscriptionId: target.item.subscriptionId };
    case 'policy':
      return { id: target.policy.id, subscriptionId: target.vault.subscriptionId };
    case 'job':
      return { id: target.job.id, subscriptionId: target.job.subscriptionId };
    case 'subscription':
      return { id: target.resourceId, subscriptionId: target.subscriptionId };
    default:
      return undefined;
  }
}
