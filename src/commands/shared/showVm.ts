// "Show VM" after a restore: the new VM's node under "Virtual machines", read again so it is there, selected in the
// view; a VM nothing protects yet is offered "Enable backup" at once.
import * as vscode from 'vscode';
import * as notify from '../../ui/notify';
import { sameId } from '../../azure/ids';
import { isActivelyProtected } from '../../azure/protectionState';
import { SubscriptionNode } from '../../tree/nodes/subscriptionNode';
import { VirtualMachinesNode } from '../../tree/nodes/virtualMachinesNode';
import { VmNode } from '../../tree/nodes/vmNode';
import type { CommandDeps } from '../commandDeps';

/** Pages of VMs read at most while looking for the new one (the list is sorted by the service, not by age). */
const MAX_PAGES = 20;

async function findVmNode(deps: CommandDeps, group: VirtualMachinesNode, vmId: string): Promise<VmNode | undefined> {
  for (let page = 0; page < MAX_PAGES; page++) {
    const children = await deps.tree.getChildren(group);
    const found = children.find((n): n is VmNode => n instanceof VmNode && sameId(n.vm.id, vmId));
    if (found) return found;
    if (!children.some((n) => n.getTreeItem().contextValue === 'loadMore')) return undefined;
    await group.loadMore();
    deps.tree.refresh(group, true);
  }
  return undefined;
}

/** The subscription's "Virtual machines" node, loading the levels above it as expanding them would. */
async function virtualMachinesGroup(
  deps: CommandDeps,
  subscriptionId: string,
): Promise<VirtualMachinesNode | undefined> {
  const shown = deps.tree.findAll(
    (n) => n instanceof VirtualMachinesNode && sameId(n.subscriptionId, subscriptionId),
  )[0];
  if (shown instanceof VirtualMachinesNode) return shown;
  const subscription = (await deps.tree.getChildren()).find(
    (n) => n instanceof SubscriptionNode && sameId(n.subscriptionId, subscriptionId),
  );
  if (!subscription) return undefined;
  return (await deps.tree.getChildren(subscription)).find(
    (n): n is VirtualMachinesNode => n instanceof VirtualMachinesNode,
  );
}

/** Reveals the VM; resolves with its node (undefined when the view does not show its subscription or it is not listed). */
export async function showVm(
  deps: CommandDeps,
  subscriptionId: string,
  vmId: string,
  vmName: string,
): Promise<VmNode | undefined> {
  const group = await virtualMachinesGroup(deps, subscriptionId);
  if (!group) {
    void notify.info(
      vscode.l10n.t(
        'The Azure Backup view does not show the subscription of {0}: select it with Select Subscriptions.',
        vmName,
      ),
    );
    return undefined;
  }
  deps.tree.refresh(group);
  const node = await findVmNode(deps, group, vmId);
  if (!node) {
    void notify.info(vscode.l10n.t('{0} is not listed yet. Refresh Virtual machines in a moment.', vmName));
    return undefined;
  }
  await deps.reveal(node);
  if (!isActivelyProtected(node.vm.protection?.state)) {
    const enable = vscode.l10n.t('Enable backup');
    void notify
      .info(vscode.l10n.t('{0} is not protected by Azure Backup yet.', vmName), enable)
      .then(async (choice) => {
        if (choice === enable) await vscode.commands.executeCommand('azureBackup.enableBackup', node);
      });
  }
  return node;
}
