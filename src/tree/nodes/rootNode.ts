import type * as vscode from 'vscode';
import type { TreeNode } from '../treeNode';
import type { TreeContext } from '../treeContext';
import { ContextValue } from '../contextValues';
import { makeTreeItem } from '../treeItems';
import { ActionNode, MessageNode } from './basicNodes';
import { SubscriptionNode } from './subscriptionNode';
import { idKey } from '../../azure/ids';

/** The invisible root: nothing when signed out (the welcome content shows); tenants needing sign-in and subscriptions otherwise. */
export class RootNode implements TreeNode {
  readonly id = 'root';
  readonly parent = undefined;

  constructor(private readonly context: TreeContext) {}

  getTreeItem(): vscode.TreeItem {
    return makeTreeItem({ id: this.id, label: '', contextValue: ContextValue.message });
  }

  reset(): void {
    /* the root holds no data of its own */
  }

  async getChildren(): Promise<TreeNode[]> {
    const { session, l10n } = this.context;
    // Signed out, the view is empty on purpose: VS Code then shows its welcome content, which offers the same three
    // choices (sign in, sign in with the Azure CLI, open the sandbox) with a line of explanation. Nodes here would
    // hide it as soon as the tree loads.
    if (session.mode === 'signedOut') return [];
    const [tenants, subscriptions] = await Promise.all([session.listTenants(), session.listSubscriptions()]);
    const nodes: TreeNode[] = [];
    for (const tenant of tenants.filter((x) => x.status !== 'ok')) {
      const name = tenant.displayName ?? tenant.tenantId;
      nodes.push(
        tenant.status === 'needsSignIn'
          ? new ActionNode(
              this,
              `tenant#${idKey(tenant.tenantId)}`,
              l10n.t('Sign in to tenant {0}…', name),
              'sign-in',
              'azureBackup.signIn',
              [tenant.tenantId],
              ContextValue.tenantNeedsSignIn,
            )
          : new MessageNode(
              this,
              `tenant#${idKey(tenant.tenantId)}`,
              l10n.t('Tenant {0}: {1}', name, tenant.error ?? l10n.t('unavailable')),
              'error',
            ),
      );
    }
    nodes.push(
      ...subscriptions.map((c) => new SubscriptionNode(this, c.subscription, session.mode === 'sandbox', this.context)),
    );
    if (subscriptions.length === 0)
      nodes.push(new MessageNode(this, 'message#noSubscriptions', l10n.t('No subscriptions to show.')));
    if (session.mode !== 'sandbox') {
      nodes.push(
        new ActionNode(
          this,
          'action#selectSubscriptions',
          l10n.t('Select subscriptions…'),
          'filter',
          'azureBackup.selectSubscriptions',
        ),
      );
    }
    return nodes;
  }
}
