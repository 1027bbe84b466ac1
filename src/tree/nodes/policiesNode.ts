import type { Policy } from '../../azure/model';
import type { NodeTarget, TreeNode } from '../treeNode';
import type { TreeContext } from '../treeContext';
import { ContextValue } from '../contextValues';
import { childNodeId } from '../nodeIds';
import { type GroupLook, PagedGroupNode } from './pagedGroup';
import { PolicyNode } from './policyNode';
import type { VaultNode } from './vaultNode';

export class PoliciesNode extends PagedGroupNode<Policy> {
  constructor(
    readonly parent: VaultNode,
    context: TreeContext,
  ) {
    super(childNodeId(parent.id, 'policies'), context, async (options) =>
      (await context.session.service(parent.subscriptionId)).listPolicies(parent.ref, options),
    );
  }

  target(): NodeTarget {
    return { kind: 'policies', vault: this.parent.vault };
  }

  protected look(): GroupLook {
    return { label: this.context.l10n.t('Backup policies'), icon: 'calendar', contextValue: ContextValue.policies };
  }

  protected childNode(policy: Policy): TreeNode {
    return new PolicyNode(this, policy, this.parent.tenantId, this.context);
  }

  protected emptyMessage(): string {
    return this.context.l10n.t('No policies.');
  }
}
