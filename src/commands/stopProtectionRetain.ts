import * as vscode from 'vscode';
import type { CommandDefinition } from './commandDeps';
import { stopProtection } from './shared/stopProtection';

export const stopProtectionRetain: CommandDefinition = {
  id: 'azureBackup.stopProtectionRetain',
  title: () => vscode.l10n.t('Stop protection (retain data)'),
  run: (deps, node, options) => stopProtection(deps, node, options, 'RetainData'),
};
