import * as vscode from 'vscode';
import { backupNow } from '../backupNow';
import type { CommandDefinition } from '../commandDeps';
import { VmArgument } from '../shared/targets';
import { protectedVmOfRow } from './vmFromRow';

/** Backup Now… on an Azure Resources row: the backup form of the VM's item, or an offer to enable backup first. */
export const azureResourcesBackupNow: CommandDefinition = {
  id: 'azureBackup.azureResources.backupNow',
  title: () => vscode.l10n.t('Backup now'),
  async run(deps, row, input) {
    const vm = await protectedVmOfRow(deps, row, (name) =>
      vscode.l10n.t('{0} is not protected yet. Enable backup first.', name),
    );
    if (!vm) return { started: false };
    return backupNow.run(deps, new VmArgument(vm), input);
  },
};
