import type { VirtualMachine } from '../../azure/model';
import type { NodeTarget, TreeNode } from '../treeNode';
import type { TreeContext } from '../treeContext';
import { ContextValue } from '../contextValues';
import { childNodeId } from '../nodeIds';
import { type GroupLook, PagedGroupNode } from './pagedGroup';
import type { SubscriptionNode } from './subscriptionNode';
import { VmNode } from './vmNode';

/**
 * Every VM of the subscription with its protection, a page at a time ("Load more"): each VM page is joined with
 * the subscription's protection index (every vault's items, listed once per session and shared with the
 * "Backup items" nodes), so the first page shows without waiting for the other VM pages.
 */
export class VirtualMachinesNode extends PagedGroupNode<VirtualMachine> {
  constructor(
    readonly parent: SubscriptionNode,
    context: TreeContext,
  ) {
    super(childNodeId(parent.id, 'vms'), context, async (options) =>
      (await context.session.service(parent.subscriptionId)).listVirtualMachinesPage(parent.subscriptionId, options),
    );
  }

  get subscriptionId(): string {
    return this.parent.subscriptionId;
  }

  target(): NodeTarget {
    return { kind: 'virtualMachines', subscriptionId: this.subscriptionId };
  }

  protected look(): GroupLook {
    return { label: this.context.l10n.t('Virtual machines'), icon: 'vm', contextValue: ContextValue.virtualMachines };
  }

  /** A reload re-reads protection too: the subscription's vault list and items listings are dropped. */
  override reset(): void {
    super.reset();
    this.context.session.forgetListings({ subscriptionId: this.subscriptionId });
  }

  protected childNode(vm: VirtualMachine): TreeNode {
    return new VmNode(this, vm, this.parent.tenantId, this.context);
  }

  protected emptyMessage(): string {
    return this.context.l10n.t('No virtual machines.');
  }
}
