import * as vscode from 'vscode';
import { openCoverage } from '../coverage/coverageHost';
import { targetOf } from '../tree/treeNode';
import type { CommandDefinition } from './commandDeps';

/**
 * `azureBackup.showCoverage(subscriptionNode?)`: the coverage of every selected subscription, filtered to the
 * node's subscription when run from one. Returns the panel (host tests drive it through `receive`).
 */
export const showCoverage: CommandDefinition = {
  id: 'azureBackup.showCoverage',
  title: () => vscode.l10n.t('Show backup coverage'),
  async run(deps, node) {
    const extension = vscode.extensions.getExtension('azbackup.azure-backup');
    if (!extension) throw new Error('The Azure Backup extension is not loaded.');
    const target = targetOf(node);
    return openCoverage(
      {
        session: deps.session,
        tree: deps.tree,
        log: deps.log,
        extensionUri: extension.extensionUri,
        now: () => new Date(),
      },
      target?.kind === 'subscription' ? target.subscriptionId : undefined,
    );
  },
};
