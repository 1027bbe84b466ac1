import * as vscode from 'vscode';
import type { CommandDefinition } from './commandDeps';
import { withProgress } from '../ui/progress';

export const openSandbox: CommandDefinition = {
  id: 'azureBackup.openSandbox',
  title: () => vscode.l10n.t('Open the sandbox'),
  async run(deps) {
    const sandbox = await withProgress(vscode.l10n.t('Starting the Azure Backup sandbox…'), false, () =>
      deps.session.openSandbox(),
    );
    await vscode.commands.executeCommand('azureBackup.tree.focus');
    return { endpoint: sandbox.endpoint };
  },
};
