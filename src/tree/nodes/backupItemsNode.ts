import type * as vscode from 'vscode';
import type { BackupItem } from '../../azure/model';
import type { NodeTarget, TreeNode } from '../treeNode';
import type { TreeContext } from '../treeContext';
import { ContextValue } from '../contextValues';
import { childNodeId } from '../nodeIds';
import { makeTreeItem } from '../treeItems';
import { MessageNode } from './basicNodes';
import { BackupItemNode } from './backupItemNode';
import { PagedChildren, type PagedNode } from './pagedGroup';
import type { VaultNode } from './vaultNode';

/** "Backup items": the VMs this vault protects. */
export class BackupItemsNode implements PagedNode {
  readonly id: string;
  private readonly pages: PagedChildren<BackupItem>;
  private loaded = false;

  constructor(
    readonly parent: VaultNode,
    private readonly context: TreeContext,
  ) {
    this.id = childNodeId(parent.id, 'items');
    this.pages = new PagedChildren(async (options) =>
      (await context.session.service(parent.subscriptionId)).listBackupItems(parent.ref, options),
    );
  }

  target(): NodeTarget {
    return { kind: 'items', vault: this.parent.vault };
  }

  /** Items loaded so far (for the vault tooltip); undefined before the first load. */
  get loadedCount(): number | undefined {
    return this.loaded ? this.pages.all.length : undefined;
  }

  /** Soft-deleted items loaded so far (the vault cannot be deleted while it holds any); undefined before the first load. */
  get softDeletedCount(): number | undefined {
    return this.loaded ? this.pages.all.filter((i) => i.softDeleted).length : undefined;
  }

  getTreeItem(): vscode.TreeItem {
    const { l10n } = this.context;
    return makeTreeItem({
      id: this.id,
      label: l10n.t('Backup items'),
      icon: 'vm',
      contextValue: ContextValue.backupItems,
      collapsible: true,
    });
  }

  reset(): void {
    this.pages.reset();
    this.loaded = false;
    this.context.session.forgetListings({ subscriptionId: this.parent.subscriptionId, vault: this.parent.ref });
  }

  loadMore(): Promise<void> {
    return this.pages.loadMore(this.context.pageSize);
  }

  async getChildren(signal?: AbortSignal): Promise<TreeNode[]> {
    const nodes = await this.pages.nodes(
      this,
      this.context,
      (item) => new BackupItemNode(this, item, this.parent.tenantId, this.context),
      signal,
    );
    this.loaded = true;
    const { l10n } = this.context;
    return nodes.length > 0 ? nodes : [new MessageNode(this, `${this.id}#empty`, l10n.t('No protected items.'))];
  }
}
