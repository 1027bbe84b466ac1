import * as vscode from 'vscode';
import type { CommandDefinition } from './commandDeps';

export const showLog: CommandDefinition = {
  id: 'azureBackup.showLog',
  title: () => vscode.l10n.t('Show log'),
  async run(deps) {
    deps.log.show();
  },
};
