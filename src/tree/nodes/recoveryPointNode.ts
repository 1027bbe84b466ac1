import type * as vscode from 'vscode';
import { idKey } from '../../azure/ids';
import type { RecoveryPoint } from '../../azure/model';
import type { NodeTarget, TreeNode } from '../treeNode';
import type { TreeContext } from '../treeContext';
import { ContextValue } from '../contextValues';
import { resourceNodeId } from '../nodeIds';
import { consistencyLabel, isArchived, tierLabel } from '../../presentation/recoveryPointText';
import { makeTooltip, makeTreeItem } from '../treeItems';
import { formatDateTime } from '../../presentation/time';
import type { BackupItemNode } from './backupItemNode';

/** One recovery point of a backup item: its time, consistency, tier and expiry; an open file-recovery session is shown. */
export class RecoveryPointNode implements TreeNode {
  readonly id: string;
  /** A restore or file recovery from this point spins it while it runs. */
  readonly resourceKey: string;

  constructor(
    readonly parent: BackupItemNode,
    readonly point: RecoveryPoint,
    tenantId: string,
    private readonly context: TreeContext,
  ) {
    this.id = resourceNodeId(tenantId, point.id);
    this.resourceKey = idKey(point.id);
  }

  get subscriptionId(): string {
    return this.parent.subscriptionId;
  }

  target(): NodeTarget {
    return { kind: 'recoveryPoint', item: this.parent.item, point: this.point };
  }

  getTreeItem(): vscode.TreeItem {
    const { l10n } = this.context;
    const locale = this.context.locale ?? 'en';
    const point = this.point;
    const consistency = consistencyLabel(point.consistency, l10n);
    const tier = tierLabel(point.tier, l10n);
    const parts = [consistency, tier];
    if (point.fileRecoveryActive) parts.unshift(l10n.t('Disks mounted for file recovery'));
    const running = this.context.jobs.isBusy(this.resourceKey);
    if (running) parts.unshift(l10n.t('Restore running…'));
    const description = parts.join(' · ');
    const contextValue = isArchived(point)
      ? ContextValue.recoveryPointArchived
      : point.fileRecoveryActive
        ? ContextValue.recoveryPointFileRecoveryActive
        : ContextValue.recoveryPoint;
    const label = formatDateTime(point.time, locale);
    return makeTreeItem({
      id: this.id,
      label,
      description,
      contextValue,
      icon: running ? 'sync~spin' : point.fileRecoveryActive ? 'plug' : isArchived(point) ? 'archive' : 'history',
      tooltip: makeTooltip(label, [
        [l10n.t('Consistency'), consistency],
        [l10n.t('Tier'), tier],
        [l10n.t('Kept until'), point.expiry ? formatDateTime(point.expiry, locale) : l10n.t('No expiry set')],
        [
          l10n.t('File recovery'),
          point.fileRecoveryActive ? l10n.t('Disks mounted; Unmount Disks closes the session') : undefined,
        ],
        [
          l10n.t('Restore'),
          isArchived(point)
            ? l10n.t('In the archive tier: it must be rehydrated in the Azure portal before it can be restored.')
            : undefined,
        ],
      ]),
      accessibleLabel: l10n.t('Recovery point {0}, {1}', label, description),
    });
  }
}
