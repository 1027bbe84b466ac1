import * as vscode from 'vscode';
import * as notify from '../ui/notify';
import { itemRef } from '../tree/refs';
import { withProgress } from '../ui/progress';
import type { CommandDefinition } from './commandDeps';
import { resolvePointFromInput } from './shared/targets';

/** `azureBackup.unmountDisks(pointNode?)`: closes the point's file-recovery session; its mounted disks go away. */
export const unmountDisks: CommandDefinition = {
  id: 'azureBackup.unmountDisks',
  title: () => vscode.l10n.t('Unmount disks'),
  async run(deps, node, input) {
    const target = await resolvePointFromInput(deps, node, input, (p) => p.fileRecoveryActive);
    if (!target) return false;
    const { service, item, point } = target;
    await withProgress(vscode.l10n.t('Unmounting the disks of {0}', item.friendlyName), true, (signal) =>
      service.revokeFileRecovery(itemRef(item), point.name, signal),
    ).finally(() => deps.tree.refreshResource(item.id, ['recoveryPoints']));
    void notify.info(
      vscode.l10n.t('The file recovery session of {0} is closed: its disks are unmounted.', item.friendlyName),
    );
    return true;
  },
};
