import type * as vscode from 'vscode';
import type { Vault } from '../../azure/model';
import type { NodeTarget, TreeNode } from '../treeNode';
import type { TreeContext } from '../treeContext';
import { ContextValue } from '../contextValues';
import { childNodeId } from '../nodeIds';
import { makeTreeItem } from '../treeItems';
import type { SubscriptionNode } from './subscriptionNode';
import { MessageNode } from './basicNodes';
import { PagedChildren, type PagedNode } from './pagedGroup';
import { VaultNode } from './vaultNode';

/** "Recovery Services vaults" of a subscription, paged. */
export class VaultsNode implements PagedNode {
  readonly id: string;
  private readonly pages: PagedChildren<Vault>;

  constructor(
    readonly parent: SubscriptionNode,
    private readonly context: TreeContext,
  ) {
    this.id = childNodeId(parent.id, 'vaults');
    this.pages = new PagedChildren(async (options) =>
      (await context.session.service(parent.subscriptionId)).listVaults(parent.subscriptionId, options),
    );
  }

  get subscriptionId(): string {
    return this.parent.subscriptionId;
  }

  target(): NodeTarget {
    return { kind: 'vaults', subscriptionId: this.subscriptionId };
  }

  getTreeItem(): vscode.TreeItem {
    const { l10n } = this.context;
    return makeTreeItem({
      id: this.id,
      label: l10n.t('Recovery Services vaults'),
      icon: 'archive',
      contextValue: ContextValue.vaults,
      collapsible: true,
      expanded: true,
    });
  }

  reset(): void {
    this.pages.reset();
    this.context.session.forgetListings({ subscriptionId: this.subscriptionId, vaultList: true });
  }

  loadMore(): Promise<void> {
    return this.pages.loadMore(this.context.pageSize);
  }

  async getChildren(signal?: AbortSignal): Promise<TreeNode[]> {
    const nodes = await this.pages.nodes(
      this,
      this.context,
      (vault) => new VaultNode(this, vault, this.parent.tenantId, this.context),
      signal,
    );
    const { l10n } = this.context;
    return nodes.length > 0 ? nodes : [new MessageNode(this, `${this.id}#empty`, l10n.t('No vaults. Create one…'))];
  }
}
