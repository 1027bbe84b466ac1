import * as vscode from 'vscode';
import { enableBackup } from '../enableBackup';
import type { CommandDefinition } from '../commandDeps';
import { VmArgument } from '../shared/targets';
import { liveVmOfRow } from './vmFromRow';

/** Enable Backup… on an Azure Resources row: our enable form (or, with input, the enable itself) for that VM. */
export const azureResourcesEnableBackup: CommandDefinition = {
  id: 'azureBackup.azureResources.enableBackup',
  title: () => vscode.l10n.t('Enable backup'),
  async run(deps, row, input) {
    const target = await liveVmOfRow(deps, row);
    return target ? enableBackup.run(deps, new VmArgument(target.vm), input) : undefined;
  },
};
