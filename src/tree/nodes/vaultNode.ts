import { regionDisplayName } from '../../azure/regionNames';
import type * as vscode from 'vscode';
import type { VaultRef } from '../../azure/backupService';
import type { Vault } from '../../azure/model';
import type { NodeTarget, TreeNode } from '../treeNode';
import type { TreeContext } from '../treeContext';
import { ContextValue } from '../contextValues';
import { redundancyLabel, vaultDescription } from '../../presentation/describe';
import { vaultSecurityRows } from '../../presentation/vaultSecurityText';
import { resourceNodeId } from '../nodeIds';
import { vaultRef } from '../refs';
import { makeTooltip, makeTreeItem } from '../treeItems';
import { BackupItemsNode } from './backupItemsNode';
import { JobsNode } from './jobsNode';
import { PoliciesNode } from './policiesNode';
import { idKey } from '../../azure/ids';

export class VaultNode implements TreeNode {
  readonly id: string;
  readonly resourceKey: string;
  readonly itemsNode: BackupItemsNode;

  constructor(
    readonly parent: TreeNode,
    readonly vault: Vault,
    readonly tenantId: string,
    private readonly context: TreeContext,
  ) {
    this.id = resourceNodeId(tenantId, vault.id);
    this.resourceKey = idKey(vault.id);
    this.itemsNode = new BackupItemsNode(this, context);
  }

  get ref(): VaultRef {
    return vaultRef(this.vault);
  }
  get subscriptionId(): string {
    return this.vault.subscriptionId;
  }

  target(): NodeTarget {
    return { kind: 'vault', vault: this.vault };
  }

  getTreeItem(): vscode.TreeItem {
    const { l10n } = this.context;
    const v = this.vault;
    const count = this.itemsNode.loadedCount;
    const busy = this.context.jobs.isBusy(this.resourceKey);
    return makeTreeItem({
      id: this.id,
      label: v.name,
      description: vaultDescription(v, l10n),
      icon: busy ? 'loading~spin' : 'shield',
      contextValue: ContextValue.vault,
      collapsible: true,
      tooltip: makeTooltip(v.name, [
        [l10n.t('Resource group'), v.resourceGroup],
        [l10n.t('Region'), regionDisplayName(v.location)],
        [l10n.t('Storage redundancy'), redundancyLabel(v.redundancy, l10n)],
        [l10n.t('Cross-region restore'), v.crossRegionRestore ? l10n.t('Enabled') : l10n.t('Disabled')],
        [l10n.t('Backup items'), count === undefined ? undefined : count],
        ...vaultSecurityRows(v, this.itemsNode.softDeletedCount, l10n),
      ]),
      accessibleLabel: l10n.t('Vault {0}, {1}', v.name, vaultDescription(v, l10n)),
    });
  }

  async getChildren(): Promise<TreeNode[]> {
    return [this.itemsNode, new JobsNode(this, this.context), new PoliciesNode(this, this.context)];
  }
}
