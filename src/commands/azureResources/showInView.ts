import * as vscode from 'vscode';
import * as notify from '../../ui/notify';
import { showError } from '../../ui/showError';
import { isPagedNode } from '../../tree/nodes/pagedGroup';
import { sameId } from '../../azure/ids';
import { targetOf, type TreeNode } from '../../tree/treeNode';
import { revealAndSelect } from '../../tree/revealAndSelect';
import type { CommandDefinition, CommandDeps } from '../commandDeps';
import type { VmIdParts } from './hostResource';
import { liveVmOfRow } from './vmFromRow';

/** The VM's node, loading the tree down to it (and further pages of VMs while there are more). */
async function findVmNode(deps: CommandDeps, vm: VmIdParts): Promise<TreeNode | undefined> {
  const sub = (await deps.tree.getChildren()).find((n) => {
    const t = targetOf(n);
    return t?.kind === 'subscription' && sameId(t.subscriptionId, vm.subscriptionId);
  });
  const group = sub && (await deps.tree.getChildren(sub)).find((n) => targetOf(n)?.kind === 'virtualMachines');
  if (!group) return undefined;
  const found = await findInGroup(deps, group, vm);
  if (found) return found;
  // The view may have listed its VMs before this one was created: read the list again once.
  deps.tree.refresh(group);
  return findInGroup(deps, group, vm);
}

async function findInGroup(deps: CommandDeps, group: TreeNode, vm: VmIdParts): Promise<TreeNode | undefined> {
  for (;;) {
    const children: TreeNode[] = await deps.tree.getChildren(group);
    const found = children.find((n) => {
      const t = targetOf(n);
      return t?.kind === 'vm' && sameId(t.vm.id, vm.id);
    });
    if (
      found ||
      !children.some((n) => n.getTreeItem().command?.command === 'azureBackup.loadMore') ||
      !isPagedNode(group)
    )
      return found;
    await group.loadMore();
    deps.tree.refresh(group, true);
  }
}

/** Adds the subscription to the view's filter (azureBackup.selectedSubscriptions), keeping the ones chosen. */
async function showSubscriptionToo(deps: CommandDeps, subscriptionId: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('azureBackup');
  const current = config.get<string[]>('selectedSubscriptions') ?? [];
  await config.update('selectedSubscriptions', [...current, subscriptionId], vscode.ConfigurationTarget.Global);
  deps.session.reset();
}

/** Selects the VM's node in our view (VS Code opens the view to show it). */
async function reveal(
  deps: CommandDeps,
  vm: VmIdParts,
): Promise<{ revealed: boolean; reason?: string; nodeId?: string }> {
  let listed = false;
  const node = await revealAndSelect(deps.treeView, async () => {
    const found = await findVmNode(deps, vm);
    listed ||= !!found;
    return found;
  });
  if (node) return { revealed: true, nodeId: node.id };
  if (!listed) {
    void notify.warning(vscode.l10n.t('{0} is not among the virtual machines the Azure Backup view lists.', vm.name));
    return { revealed: false, reason: 'notListed' };
  }
  void notify.warning(
    vscode.l10n.t('The Azure Backup view did not select {0}. Refresh the view and try again.', vm.name),
  );
  return { revealed: false, reason: 'notSelected' };
}

/** Show in Azure Backup View: reveals and selects the VM's node in our tree. */
export const azureResourcesShowInView: CommandDefinition = {
  id: 'azureBackup.azureResources.showInView',
  title: () => vscode.l10n.t('Show in Azure Backup view'),
  async run(deps, row) {
    const target = await liveVmOfRow(deps, row);
    if (!target) return undefined;
    const { vm } = target;
    const shown = await deps.session.listSubscriptions();
    if (!shown.some((c) => sameId(c.subscription.subscriptionId, vm.subscriptionId))) {
      const name =
        (await deps.session.allSubscriptions()).find((c) => sameId(c.subscription.subscriptionId, vm.subscriptionId))
          ?.subscription.displayName ?? vm.subscriptionId;
      const add = vscode.l10n.t('Show This Subscription');
      const text = vscode.l10n.t(
        '{0} is in the subscription {1}, which the Azure Backup view does not show (Select Subscriptions).',
        vm.name,
        name,
      );
      deps.log.info(`Notice: ${text}`);
      // Not awaited: the command ends here; choosing the action adds the subscription and reveals the VM.
      void notify
        .info(text, add)
        .then(async (choice) => {
          if (choice !== add) return;
          await showSubscriptionToo(deps, vm.subscriptionId);
          await reveal(deps, vm);
        })
        .then(undefined, (error: unknown) => showError(deps.log, vscode.l10n.t('Show in Azure Backup view'), error));
      return { revealed: false, reason: 'subscriptionNotShown' };
    }
    return reveal(deps, vm);
  },
};
