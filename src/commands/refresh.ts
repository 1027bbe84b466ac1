import * as vscode from 'vscode';
import type { CommandDefinition } from './commandDeps';
import type { TreeNode } from '../tree/treeNode';

export function isTreeNode(value: unknown): value is TreeNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<TreeNode>).id === 'string' &&
    typeof (value as Partial<TreeNode>).getTreeItem === 'function'
  );
}

export const refresh: CommandDefinition = {
  id: 'azureBackup.refresh',
  title: () => vscode.l10n.t('Refresh'),
  async run(deps, node) {
    if (isTreeNode(node)) {
      deps.tree.refresh(node);
    } else {
      deps.session.reset();
    }
  },
};
