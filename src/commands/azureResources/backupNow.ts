import * as vscode from 'vscode';
import { backupNow } from '../backupNow';
import type { CommandDefinition } from '../commandDeps';
import { VmArgument } from '../shared/targets';
import { liveVmOfRow } from './vmFromRow';

/** Backup Now… on an Azure Resources row: the backup form of the VM's item (or an offer to enable backup first). */
export const azureResourcesBackupNow: CommandDefinition = {
  id: 'azureBackup.azureResources.backupNow',
  title: () => vscode.l10n.t('Backup now'),
  async run(deps, row, input) {
    const target = await liveVmOfRow(deps, row);
    return target ? backupNow.run(deps, new VmArgument(target.vm), input) : undefined;
  },
};
