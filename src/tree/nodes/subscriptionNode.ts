import type * as vscode from 'vscode';
import type { Subscription } from '../../azure/model';
import type { NodeTarget, TreeNode } from '../treeNode';
import type { TreeContext } from '../treeContext';
import { ContextValue } from '../contextValues';
import { resourceNodeId } from '../nodeIds';
import { makeTooltip, makeTreeItem } from '../treeItems';
import { VaultsNode } from './vaultsNode';
import { VirtualMachinesNode } from './virtualMachinesNode';
import { idKey } from '../../azure/ids';

export class SubscriptionNode implements TreeNode {
  readonly id: string;
  readonly resourceKey: string;

  constructor(
    readonly parent: TreeNode,
    readonly subscription: Subscription,
    private readonly sandbox: boolean,
    private readonly context: TreeContext,
  ) {
    this.id = resourceNodeId(subscription.tenantId, subscription.id);
    this.resourceKey = idKey(subscription.id);
  }

  get subscriptionId(): string {
    return this.subscription.subscriptionId;
  }

  target(): NodeTarget {
    return { kind: 'subscription', subscriptionId: this.subscriptionId, resourceId: this.subscription.id };
  }
  get tenantId(): string {
    return this.subscription.tenantId;
  }

  getTreeItem(): vscode.TreeItem {
    const { l10n } = this.context;
    const description = this.sandbox ? l10n.t('Sandbox') : undefined;
    return makeTreeItem({
      id: this.id,
      label: this.subscription.displayName,
      description,
      icon: 'key',
      contextValue: ContextValue.subscription,
      collapsible: true,
      expanded: true,
      tooltip: makeTooltip(this.subscription.displayName, [
        [l10n.t('Subscription id'), this.subscription.subscriptionId],
        [l10n.t('Tenant'), this.subscription.tenantId],
        [l10n.t('State'), this.subscription.state],
      ]),
      accessibleLabel: description
        ? l10n.t('Subscription {0}, {1}', this.subscription.displayName, description)
        : l10n.t('Subscription {0}', this.subscription.displayName),
    });
  }

  async getChildren(): Promise<TreeNode[]> {
    return [new VaultsNode(this, this.context), new VirtualMachinesNode(this, this.context)];
  }
}
