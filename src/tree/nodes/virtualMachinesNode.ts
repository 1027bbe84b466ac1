import type * as vscode from 'vscode';
import type { TreeNode } from '../treeNode';
import type { TreeContext } from '../treeContext';
import { ContextValue } from '../contextValues';
import { childNodeId } from '../nodeIds';
import { makeTreeItem } from '../treeItems';
import { MessageNode } from './basicNodes';
import type { SubscriptionNode } from './subscriptionNode';
import { VmNode } from './vmNode';

/** Every VM of the subscription with its protection (one VM listing joined with each vault's items). */
export class VirtualMachinesNode implements TreeNode {
  readonly id: string;

  constructor(readonly parent: SubscriptionNode, private readonly context: TreeContext) {
    this.id = childNodeId(parent.id, 'vms');
  }

  get subscriptionId(): string { return this.parent.subscriptionId; }

  getTreeItem(): vscode.TreeItem {
    const { l10n } = this.context;
    return makeTreeItem({ id: this.id, label: l10n.t('Virtual machines'), icon: 'vm', contextValue: ContextValue.virtualMachines, collapsible: true });
  }

  async getChildren(): Promise<TreeNode[]> {
    const service = await this.context.session.service(this.parent.subscriptionId);
    const vms = await service.listVirtualMachinesWithProtection(this.parent.subscriptionId);
    vms.sort((a, b) => a.location.localeCompare(b.location) || a.name.localeCompare(b.name));
    const { l10n } = this.context;
    return vms.length > 0
      ? vms.map((vm) => new VmNode(this, vm, this.parent.tenantId, this.context))
      : [new MessageNode(this, `${this.id}#empty`, l10n.t('No virtual machines.'))];
  }
}
