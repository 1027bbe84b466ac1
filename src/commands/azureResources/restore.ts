import * as vscode from 'vscode';
import type { CommandDefinition } from '../commandDeps';
import { restore } from '../restore';
import { VmArgument } from '../shared/targets';
import { protectedVmOfRow } from './vmFromRow';

/** Restore… on an Azure Resources row: the VM's recovery points and the Restore form, or an offer to enable backup. */
export const azureResourcesRestore: CommandDefinition = {
  id: 'azureBackup.azureResources.restore',
  title: () => vscode.l10n.t('Restore…'),
  async run(deps, row, input) {
    const vm = await protectedVmOfRow(deps, row, (name) =>
      vscode.l10n.t('{0} has no backup to restore from. Enable backup first.', name),
    );
    if (!vm) return { started: false };
    return restore.run(deps, new VmArgument(vm), input);
  },
};
