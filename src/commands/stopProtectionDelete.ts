import * as vscode from 'vscode';
import type { CommandDefinition } from './commandDeps';
import { stopProtection } from './shared/stopProtection';

export const stopProtectionDelete: CommandDefinition = {
  id: 'azureBackup.stopProtectionDelete',
  title: () => vscode.l10n.t('Stop protection (delete data)'),
  run: (deps, node, options) => stopProtection(deps, node, options, 'DeleteData'),
};
