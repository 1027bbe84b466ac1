import * as vscode from 'vscode';
import type { CommandDefinition } from './commandDeps';
import { isTreeNode } from './refresh';

/** "Retry" on an error node: reload the node whose children failed to load. */
export const retry: CommandDefinition = {
  id: 'azureBackup.retry',
  title: () => vscode.l10n.t('Retry'),
  async run(deps, node) {
    if (isTreeNode(node)) deps.tree.refresh(node);
    else deps.session.reset();
  },
};
