import * as vscode from 'vscode';
import { hasBackupItem } from '../../azure/protectionState';
import * as notify from '../../ui/notify';
import { backupNow } from '../backupNow';
import type { CommandDefinition } from '../commandDeps';
import { VmArgument } from '../shared/targets';
import { liveVmOfRow } from './vmFromRow';

/** Backup Now… on an Azure Resources row: the backup form of the VM's item, or an offer to enable backup first. */
export const azureResourcesBackupNow: CommandDefinition = {
  id: 'azureBackup.azureResources.backupNow',
  title: () => vscode.l10n.t('Backup now'),
  async run(deps, row, input) {
    const target = await liveVmOfRow(deps, row);
    if (!target) return undefined;
    const { vm } = target;
    if (!hasBackupItem(vm.protection?.state) || !vm.protection?.item) {
      const enable = vscode.l10n.t('Enable Backup…');
      const text = vscode.l10n.t('{0} is not protected yet. Enable backup first.', vm.name);
      deps.log.info(`Notice: ${text}`);
      // Not awaited: nothing was started, and the offer stays open for the user.
      void notify.info(text, enable).then((choice) => {
        if (choice === enable) void vscode.commands.executeCommand('azureBackup.azureResources.enableBackup', row);
      });
      return { started: false };
    }
    return backupNow.run(deps, new VmArgument(vm), input);
  },
};
