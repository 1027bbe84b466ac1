import type * as vscode from 'vscode';
import type { Policy } from '../../azure/model';
import { policySummary } from '../../presentation/policyText';
import type { NodeTarget, TreeNode } from '../treeNode';
import type { TreeContext } from '../treeContext';
import { ContextValue } from '../contextValues';
import { resourceNodeId } from '../nodeIds';
import { makeTooltip, makeTreeItem } from '../treeItems';
import type { PoliciesNode } from './policiesNode';

export class PolicyNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: PoliciesNode,
    readonly policy: Policy,
    readonly tenantId: string,
    private readonly context: TreeContext,
  ) {
    this.id = resourceNodeId(tenantId, policy.id);
  }

  get vaultNode(): PoliciesNode['parent'] {
    return this.parent.parent;
  }

  target(): NodeTarget {
    return { kind: 'policy', vault: this.parent.parent.vault, policy: this.policy };
  }

  /** Azure VM policies, Standard and Enhanced, are edited with the form; other workloads' are shown only. */
  get editable(): boolean {
    return this.policy.backupManagementType === 'AzureIaasVM';
  }

  getTreeItem(): vscode.TreeItem {
    const { l10n } = this.context;
    const p = this.policy;
    const summary = policySummary(p, l10n);
    return makeTreeItem({
      id: this.id,
      label: p.name,
      description: summary,
      icon: 'calendar',
      contextValue: this.editable ? ContextValue.policy : ContextValue.policyReadOnly,
      tooltip: makeTooltip(p.name, [
        [l10n.t('Schedule'), summary],
        [l10n.t('Time zone'), p.timeZone],
        [
          l10n.t('Instant restore'),
          p.instantRestoreDays === undefined ? undefined : l10n.t('{0} days', p.instantRestoreDays),
        ],
        [l10n.t('Protected items'), p.protectedItemsCount],
      ]),
      command: { command: 'azureBackup.viewPolicy', title: l10n.t('View policy'), arguments: [this] },
      accessibleLabel: l10n.t('Policy {0}, {1}', p.name, summary),
    });
  }
}
