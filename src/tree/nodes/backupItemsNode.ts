import type { BackupItem } from '../../azure/model';
import type { NodeTarget, TreeNode } from '../treeNode';
import type { TreeContext } from '../treeContext';
import { ContextValue } from '../contextValues';
import { childNodeId } from '../nodeIds';
import { BackupItemNode } from './backupItemNode';
import { type GroupLook, PagedGroupNode } from './pagedGroup';
import type { VaultNode } from './vaultNode';

/** "Backup items": the VMs this vault protects. */
export class BackupItemsNode extends PagedGroupNode<BackupItem> {
  constructor(
    readonly parent: VaultNode,
    context: TreeContext,
  ) {
    super(childNodeId(parent.id, 'items'), context, async (options) =>
      (await context.session.service(parent.subscriptionId)).listBackupItems(parent.ref, options),
    );
  }

  target(): NodeTarget {
    return { kind: 'items', vault: this.parent.vault };
  }

  /** Items loaded so far (for the vault tooltip); undefined before the first load. */
  get loadedCount(): number | undefined {
    return this.pages.isLoaded ? this.pages.all.length : undefined;
  }

  /** Soft-deleted items loaded so far (the vault cannot be deleted while it holds any); undefined before the first load. */
  get softDeletedCount(): number | undefined {
    return this.pages.isLoaded ? this.pages.all.filter((i) => i.softDeleted).length : undefined;
  }

  protected look(): GroupLook {
    return { label: this.context.l10n.t('Backup items'), icon: 'vm', contextValue: ContextValue.backupItems };
  }

  override reset(): void {
    super.reset();
    this.context.session.forgetListings({ subscriptionId: this.parent.subscriptionId, vault: this.parent.ref });
  }

  protected childNode(item: BackupItem): TreeNode {
    return new BackupItemNode(this, item, this.parent.tenantId, this.context);
  }

  protected emptyMessage(): string {
    return this.context.l10n.t('No protected items.');
  }
}
