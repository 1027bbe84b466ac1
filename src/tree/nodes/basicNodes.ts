import type * as vscode from 'vscode';
import { ContextValue } from '../contextValues';
import { type L10n, waitSentence } from '../../presentation/describe';
import { makeTooltip, makeTreeItem } from '../treeItems';
import type { TreeNode } from '../treeNode';
import { toErrorInfo } from '../../ui/errorInfo';

/** A clickable row that runs a command: "Sign in to Azure", "Open the sandbox", "Select subscriptions…". */
export class ActionNode implements TreeNode {
  constructor(
    readonly parent: TreeNode | undefined,
    readonly id: string,
    private readonly label: string,
    private readonly icon: string,
    private readonly command: string,
    private readonly args: unknown[] = [],
    private readonly contextValue: string = ContextValue.action,
  ) {}

  getTreeItem(): vscode.TreeItem {
    return makeTreeItem({
      id: this.id,
      label: this.label,
      icon: this.icon,
      contextValue: this.contextValue,
      command: { command: this.command, title: this.label, arguments: this.args },
    });
  }
}

/** An informative leaf such as "No vaults". */
export class MessageNode implements TreeNode {
  constructor(
    readonly parent: TreeNode | undefined,
    readonly id: string,
    private readonly label: string,
    private readonly icon = 'info',
  ) {}

  getTreeItem(): vscode.TreeItem {
    return makeTreeItem({ id: this.id, label: this.label, icon: this.icon, contextValue: ContextValue.message });
  }
}

/** A failure while listing: shows the ARM message and code, and offers "Retry" (click or inline). */
export class ErrorNode implements TreeNode {
  readonly id: string;
  constructor(
    readonly parent: TreeNode,
    private readonly error: unknown,
    private readonly l10n: L10n,
  ) {
    this.id = `${parent.id}#error`;
  }

  getTreeItem(): vscode.TreeItem {
    const info = toErrorInfo(this.error);
    const { l10n } = this;
    const label = l10n.t('Error: {0}', info.message);
    return makeTreeItem({
      id: this.id,
      label,
      description: info.code,
      icon: 'error',
      iconColor: 'errorForeground',
      contextValue: ContextValue.error,
      tooltip: makeTooltip(l10n.t('Error'), [
        [l10n.t('Message'), info.message],
        [l10n.t('Code'), info.code],
        [l10n.t('Request id'), info.requestId],
        [l10n.t('Retry'), info.retryAfterMs === undefined ? undefined : waitSentence(info.retryAfterMs, l10n)],
      ]),
      command: { command: 'azureBackup.retry', title: l10n.t('Retry'), arguments: [this.parent] },
      accessibleLabel: l10n.t('{0}. Select to retry.', label),
    });
  }
}

/** A load the user cancelled: says so and reloads on click; not an error (cancelling was the user's choice). */
export function cancelledNode(parent: TreeNode, l10n: L10n): TreeNode {
  return new ActionNode(
    parent,
    `${parent.id}#cancelled`,
    l10n.t('Loading cancelled — click to retry'),
    'circle-slash',
    'azureBackup.retry',
    [parent],
    ContextValue.cancelled,
  );
}

/** Appended after a page when the service has more. */
export class LoadMoreNode implements TreeNode {
  readonly id: string;
  constructor(
    readonly parent: TreeNode,
    private readonly l10n: L10n,
  ) {
    this.id = `${parent.id}#loadMore`;
  }

  getTreeItem(): vscode.TreeItem {
    const { l10n } = this;
    const label = l10n.t('Load more…');
    return makeTreeItem({
      id: this.id,
      label,
      icon: 'ellipsis',
      contextValue: ContextValue.loadMore,
      command: { command: 'azureBackup.loadMore', title: label, arguments: [this.parent] },
    });
  }
}
