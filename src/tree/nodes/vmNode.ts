import { regionDisplayName } from '../../azure/regionNames';
import type * as vscode from 'vscode';
import type { VirtualMachine } from '../../azure/model';
import type { NodeTarget, TreeNode } from '../treeNode';
import type { TreeContext } from '../treeContext';
import { isActivelyProtected } from '../../azure/protectionState';
import { vmContextValue } from '../contextValues';
import { itemDescription, vmDescription } from '../../presentation/describe';
import { resourceNodeId } from '../nodeIds';
import { protectionStatusLabel } from '../../presentation/protectionText';
import { makeTooltip, makeTreeItem } from '../treeItems';
import { idKey } from '../../azure/ids';

export class VmNode implements TreeNode {
  readonly id: string;
  readonly resourceKey: string;

  constructor(
    readonly parent: TreeNode,
    readonly vm: VirtualMachine,
    readonly tenantId: string,
    private readonly context: TreeContext,
  ) {
    this.id = resourceNodeId(tenantId, vm.id);
    this.resourceKey = idKey(vm.id);
  }

  get subscriptionId(): string {
    return this.vm.subscriptionId;
  }

  target(): NodeTarget {
    return { kind: 'vm', vm: this.vm };
  }
  /** Scheduled backups run (protected, initial backup pending, protection error); not a stopped or soft-deleted item. */
  get isProtected(): boolean {
    return isActivelyProtected(this.vm.protection?.state);
  }

  getTreeItem(): vscode.TreeItem {
    const { l10n } = this.context;
    const vm = this.vm;
    const running = this.context.jobs.isBusy(this.resourceKey);
    const description = vmDescription(vm, l10n);
    const item = vm.protection?.item;
    return makeTreeItem({
      id: this.id,
      label: vm.name,
      description,
      icon: running ? 'loading~spin' : this.isProtected ? 'vm-active' : 'vm-outline',
      contextValue: vmContextValue(vm.protection?.state),
      tooltip: makeTooltip(vm.name, [
        [l10n.t('Resource group'), vm.resourceGroup],
        [l10n.t('Region'), regionDisplayName(vm.location)],
        [l10n.t('Operating system'), vm.osType],
        [l10n.t('Size'), vm.vmSize],
        [l10n.t('Protection'), protectionStatusLabel(vm.protection?.state, l10n)],
        [l10n.t('Vault'), vm.protection?.vaultName],
        [l10n.t('Policy'), vm.protection?.policyName],
        [l10n.t('Backup'), item ? itemDescription(item, this.context.now(), l10n, this.context.locale) : undefined],
      ]),
      accessibleLabel: l10n.t(
        'Virtual machine {0}, {1}',
        vm.name,
        running ? l10n.t('backup job running') : description,
      ),
    });
  }
}
