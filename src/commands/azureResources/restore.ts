import * as vscode from 'vscode';
import { hasBackupItem } from '../../azure/protectionState';
import * as notify from '../../ui/notify';
import type { CommandDefinition } from '../commandDeps';
import { restore } from '../restore';
import { VmArgument } from '../shared/targets';
import { liveVmOfRow } from './vmFromRow';

/** Restore… on an Azure Resources row: the VM's recovery points and the Restore form, or an offer to enable backup. */
export const azureResourcesRestore: CommandDefinition = {
  id: 'azureBackup.azureResources.restore',
  title: () => vscode.l10n.t('Restore…'),
  async run(deps, row, input) {
    const target = await liveVmOfRow(deps, row);
    if (!target) return undefined;
    const { vm } = target;
    if (!hasBackupItem(vm.protection?.state) || !vm.protection?.item) {
      const enable = vscode.l10n.t('Enable Backup…');
      const text = vscode.l10n.t('{0} has no backup to restore from. Enable backup first.', vm.name);
      deps.log.info(`Notice: ${text}`);
      // Not awaited: nothing was started, and the offer stays open for the user.
      void notify.info(text, enable).then((choice) => {
        if (choice === enable) void vscode.commands.executeCommand('azureBackup.azureResources.enableBackup', row);
      });
      return { started: false };
    }
    return restore.run(deps, new VmArgument(vm), input);
  },
};
