import * as vscode from 'vscode';
import * as notify from '../ui/notify';
import type { CommandDefinition } from './commandDeps';
import { resourceIdOf } from './shared/resourceIdOf';
import { resolveVault } from './shared/targets';

export const copyResourceId: CommandDefinition = {
  id: 'azureBackup.copyResourceId',
  title: () => vscode.l10n.t('Copy resource id'),
  async run(deps, node) {
    const id = resourceIdOf(node)?.id ?? (await resolveVault(deps, node)).vault.id;
    await vscode.env.clipboard.writeText(id);
    notify.status(vscode.l10n.t('Copied {0}', id), 3000);
    return id;
  },
};
