import type { Vault } from '../../azure/model';
import type { NodeTarget, TreeNode } from '../treeNode';
import type { TreeContext } from '../treeContext';
import { ContextValue } from '../contextValues';
import { childNodeId } from '../nodeIds';
import type { SubscriptionNode } from './subscriptionNode';
import { type GroupLook, PagedGroupNode } from './pagedGroup';
import { VaultNode } from './vaultNode';

/** "Recovery Services vaults" of a subscription, paged. */
export class VaultsNode extends PagedGroupNode<Vault> {
  constructor(
    readonly parent: SubscriptionNode,
    context: TreeContext,
  ) {
    super(childNodeId(parent.id, 'vaults'), context, async (options) =>
      (await context.session.service(parent.subscriptionId)).listVaults(parent.subscriptionId, options),
    );
  }

  get subscriptionId(): string {
    return this.parent.subscriptionId;
  }

  target(): NodeTarget {
    return { kind: 'vaults', subscriptionId: this.subscriptionId };
  }

  protected look(): GroupLook {
    const { l10n } = this.context;
    return {
      label: l10n.t('Recovery Services vaults'),
      icon: 'archive',
      contextValue: ContextValue.vaults,
      expanded: true,
    };
  }

  override reset(): void {
    super.reset();
    this.context.session.forgetListings({ subscriptionId: this.subscriptionId, vaultList: true });
  }

  protected childNode(vault: Vault): TreeNode {
    return new VaultNode(this, vault, this.parent.tenantId, this.context);
  }

  protected emptyMessage(): string {
    return this.context.l10n.t('No vaults. Create one…');
  }
}
