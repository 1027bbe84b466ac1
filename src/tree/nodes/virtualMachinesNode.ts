import type * as vscode from 'vscode';
import type { VirtualMachine } from '../../azure/model';
import type { NodeTarget, TreeNode } from '../treeNode';
import type { TreeContext } from '../treeContext';
import { ContextValue } from '../contextValues';
import { childNodeId } from '../nodeIds';
import { makeTreeItem } from '../treeItems';
import { MessageNode } from './basicNodes';
import { PagedChildren, type PagedNode } from './pagedGroup';
import type { SubscriptionNode } from './subscriptionNode';
import { VmNode } from './vmNode';

/**
 * Every VM of the subscription with its protection, a page at a time ("Load more"): each VM page is joined with
 * the subscription's protection index (every vault's items, listed once per session and shared with the
 * "Backup items" nodes), so the first page shows without waiting for the other VM pages.
 */
export class VirtualMachinesNode implements PagedNode {
  readonly id: string;
  private readonly pages: PagedChildren<VirtualMachine>;

  constructor(
    readonly parent: SubscriptionNode,
    private readonly context: TreeContext,
  ) {
    this.id = childNodeId(parent.id, 'vms');
    this.pages = new PagedChildren(async (options) =>
      (await context.session.service(parent.subscriptionId)).listVirtualMachinesPage(parent.subscriptionId, options),
    );
  }

  get subscriptionId(): string {
    return this.parent.subscriptionId;
  }

  target(): NodeTarget {
    return { kind: 'virtualMachines', subscriptionId: this.subscriptionId };
  }

  getTreeItem(): vscode.TreeItem {
    const { l10n } = this.context;
    return makeTreeItem({
      id: this.id,
      label: l10n.t('Virtual machines'),
      icon: 'vm',
      contextValue: ContextValue.virtualMachines,
      collapsible: true,
    });
  }

  /** A reload re-reads protection too: the subscription's vault list and items listings are dropped. */
  reset(): void {
    this.pages.reset();
    this.context.session.forgetListings({ subscriptionId: this.subscriptionId });
  }

  loadMore(): Promise<void> {
    return this.pages.loadMore(this.context.pageSize);
  }

  async getChildren(signal?: AbortSignal): Promise<TreeNode[]> {
    const nodes = await this.pages.nodes(
      this,
      this.context,
      (vm) => new VmNode(this, vm, this.parent.tenantId, this.context),
      signal,
    );
    const { l10n } = this.context;
    return nodes.length > 0 ? nodes : [new MessageNode(this, `${this.id}#empty`, l10n.t('No virtual machines.'))];
  }
}
