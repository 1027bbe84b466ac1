import type * as vscode from 'vscode';
import type { ItemRef } from '../../azure/backupService';
import type { BackupItem, RecoveryPoint } from '../../azure/model';
import type { NodeTarget, TreeNode } from '../treeNode';
import type { TreeContext } from '../treeContext';
import { isActivelyProtected, itemProtectionStatus } from '../../azure/protectionState';
import { backupItemContextValue } from '../contextValues';
import { healthLabel, itemDescription, itemHealth, itemIcon } from '../../presentation/describe';
import { resourceNodeId } from '../nodeIds';
import { protectionStatusLabel } from '../../presentation/protectionText';
import { itemRef } from '../refs';
import { diskSelectionSentence } from '../../presentation/diskText';
import { makeTooltip, makeTreeItem } from '../treeItems';
import { formatDateTime } from '../../presentation/time';
import { MessageNode } from './basicNodes';
import { PagedChildren, type PagedNode } from './pagedGroup';
import { RecoveryPointNode } from './recoveryPointNode';
import { idKey } from '../../azure/ids';

/**
 * A VM's backup item inside a vault: protected, pending, in error, stopped or soft deleted. Its recovery points are
 * its children, newest first, read only when it is expanded (a tree load makes no call per item).
 */
export class BackupItemNode implements PagedNode {
  readonly id: string;
  /** The VM id: the VM node and this node spin together while a job for it runs. */
  readonly resourceKey: string;
  private readonly points: PagedChildren<RecoveryPoint>;

  constructor(
    readonly parent: TreeNode,
    readonly item: BackupItem,
    readonly tenantId: string,
    private readonly context: TreeContext,
  ) {
    this.id = resourceNodeId(tenantId, item.id);
    this.resourceKey = idKey(item.sourceResourceId);
    this.points = new PagedChildren(async (options) =>
      (await context.session.service(item.subscriptionId)).listRecoveryPoints(itemRef(item), options),
    );
  }

  reset(): void {
    this.points.reset();
  }

  loadMore(): Promise<void> {
    return this.points.loadMore(this.context.pageSize);
  }

  async getChildren(signal?: AbortSignal): Promise<TreeNode[]> {
    const nodes = await this.points.nodes(
      this,
      this.context,
      (point) => new RecoveryPointNode(this, point, this.tenantId, this.context),
      signal,
    );
    return nodes.length > 0
      ? nodes
      : [new MessageNode(this, `${this.id}#empty`, this.context.l10n.t('No recovery points yet.'))];
  }

  get ref(): ItemRef {
    return itemRef(this.item);
  }
  get subscriptionId(): string {
    return this.item.subscriptionId;
  }

  target(): NodeTarget {
    return { kind: 'item', item: this.item };
  }

  getTreeItem(): vscode.TreeItem {
    const { l10n } = this.context;
    const item = this.item;
    const running = this.context.jobs.isBusy(this.resourceKey);
    const status = itemProtectionStatus(item);
    const health = itemHealth(item);
    const description = running
      ? l10n.t('Backup job running…')
      : itemDescription(item, this.context.now(), l10n, this.context.locale);
    return makeTreeItem({
      id: this.id,
      label: item.friendlyName,
      description,
      icon: itemIcon(health, running),
      iconColor: running
        ? undefined
        : health === 'healthy'
          ? 'testing.iconPassed'
          : health === 'error'
            ? 'errorForeground'
            : health === 'pending' || health === 'warning'
              ? 'list.warningForeground'
              : undefined,
      contextValue: backupItemContextValue(status),
      collapsible: true,
      tooltip: makeTooltip(item.friendlyName, [
        [l10n.t('Protection'), protectionStatusLabel(status, l10n)],
        [l10n.t('Health'), isActivelyProtected(status) ? healthLabel(health, l10n) : undefined],
        [
          l10n.t('Deleted'),
          item.deferredDeleteTime && formatDateTime(item.deferredDeleteTime, this.context.locale ?? 'en'),
        ],
        [l10n.t('Purged on'), item.purgeTime && formatDateTime(item.purgeTime, this.context.locale ?? 'en')],
        [l10n.t('Policy'), item.policyName],
        [l10n.t('Disks'), diskSelectionSentence(item.diskSelection, l10n)],
        [l10n.t('Last backup status'), item.lastBackupStatus],
        [
          l10n.t('Last backup'),
          item.lastBackupTime && formatDateTime(item.lastBackupTime, this.context.locale ?? 'en'),
        ],
        [l10n.t('Virtual machine'), item.sourceResourceId],
        [l10n.t('Vault'), item.vaultName],
      ]),
      accessibleLabel: l10n.t('Backup item {0}, {1}', item.friendlyName, description),
    });
  }
}
