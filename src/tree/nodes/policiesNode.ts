import type * as vscode from 'vscode';
import type { Policy } from '../../azure/model';
import type { NodeTarget, TreeNode } from '../treeNode';
import type { TreeContext } from '../treeContext';
import { ContextValue } from '../contextValues';
import { childNodeId } from '../nodeIds';
import { makeTreeItem } from '../treeItems';
import { MessageNode } from './basicNodes';
import { PagedChildren, type PagedNode } from './pagedGroup';
import { PolicyNode } from './policyNode';
import type { VaultNode } from './vaultNode';

export class PoliciesNode implements PagedNode {
  readonly id: string;
  private readonly pages: PagedChildren<Policy>;

  constructor(
    readonly parent: VaultNode,
    private readonly context: TreeContext,
  ) {
    this.id = childNodeId(parent.id, 'policies');
    this.pages = new PagedChildren(async (options) =>
      (await context.session.service(parent.subscriptionId)).listPolicies(parent.ref, options),
    );
  }

  target(): NodeTarget {
    return { kind: 'policies', vault: this.parent.vault };
  }

  getTreeItem(): vscode.TreeItem {
    const { l10n } = this.context;
    return makeTreeItem({
      id: this.id,
      label: l10n.t('Backup policies'),
      icon: 'calendar',
      contextValue: ContextValue.policies,
      collapsible: true,
    });
  }

  reset(): void {
    this.pages.reset();
  }

  loadMore(): Promise<void> {
    return this.pages.loadMore(this.context.pageSize);
  }

  async getChildren(signal?: AbortSignal): Promise<TreeNode[]> {
    const nodes = await this.pages.nodes(
      this,
      this.context,
      (policy) => new PolicyNode(this, policy, this.parent.tenantId, this.context),
      signal,
    );
    const { l10n } = this.context;
    return nodes.length > 0 ? nodes : [new MessageNode(this, `${this.id}#empty`, l10n.t('No policies.'))];
  }
}
