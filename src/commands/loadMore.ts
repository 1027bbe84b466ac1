import * as vscode from 'vscode';
import type { CommandDefinition } from './commandDeps';
import { isPagedNode } from '../tree/nodes/pagedGroup';

export const loadMore: CommandDefinition = {
  id: 'azureBackup.loadMore',
  title: () => vscode.l10n.t('Load more'),
  async run(deps, node) {
    if (!isPagedNode(node)) return;
    await node.loadMore();
    deps.tree.refresh(node, true);
  },
};
