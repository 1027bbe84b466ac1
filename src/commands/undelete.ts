import * as vscode from 'vscode';
import type { AzureOperation } from '../azure/model';
import { itemRef } from '../tree/refs';
import * as notify from '../ui/notify';
import type { CommandDefinition, CommandDeps } from './commandDeps';
import { announceJobEnd } from './shared/jobEndNotice';
import { resolveItem } from './shared/targets';
import { trackOperation } from './shared/trackOperation';

export type UndeleteOutcome = { undeleted: true; operation: AzureOperation } | { undeleted: false };

/** A soft-deleted item back to "protection stopped, data retained", its recovery points kept; then Resume protection. */
async function undeleteItem(deps: CommandDeps, node: unknown): Promise<UndeleteOutcome> {
  const target = await resolveItem(deps, node);
  if ('vm' in target || !target.item.softDeleted) {
    const name = 'vm' in target ? target.vm.name : target.item.friendlyName;
    void notify.info(vscode.l10n.t('The backup data of {0} is not soft deleted.', name));
    return { undeleted: false };
  }
  const { service, item } = target;
  const running = trackOperation(
    deps,
    {
      title: vscode.l10n.t('Undeleting the backup data of {0}', item.friendlyName),
      keys: [item.sourceResourceId],
      vault: itemRef(item),
      kind: 'Other',
      affected: () => {
        deps.tree.refreshResource(item.vaultId, ['items', 'jobs']);
        deps.tree.refreshResource(item.subscriptionId, ['virtualMachines']);
      },
    },
    (opts) => service.undelete(itemRef(item), opts),
  );
  announceJobEnd(deps.log, { name: item.friendlyName, vault: itemRef(item), jobName: running.started }, running.done, {
    completed: (name) =>
      vscode.l10n.t(
        'The backup data of {0} is undeleted: protection is stopped with its data retained. Resume protection to back it up again.',
        name,
      ),
  });
  return { undeleted: true, operation: await running.done };
}

export const undelete: CommandDefinition = {
  id: 'azureBackup.undelete',
  title: () => vscode.l10n.t('Undelete'),
  run: (deps, node) => undeleteItem(deps, node),
};
