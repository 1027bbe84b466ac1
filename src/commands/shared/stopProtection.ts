import * as vscode from 'vscode';
import * as notify from '../../ui/notify';
import { itemRef } from '../../tree/refs';
import { confirm } from '../../ui/pickers';
import type { CommandDeps } from '../commandDeps';
import { confirmDeleteData } from './confirmDeleteData';
import { resolveItem } from './targets';
import { announceJobEnd } from './jobEndNotice';
import { trackOperation } from './trackOperation';

/**
 * Stop protection of an item: keeping its data after a modal confirmation that names it, deleting its data only once
 * the user typed its name; `{confirmed: true}` skips the confirmation (tests).
 */
export async function stopProtection(deps: CommandDeps, node: unknown, options: unknown, mode: 'RetainData' | 'DeleteData'): Promise<unknown> {
  const target = await resolveItem(deps, node);
  if ('vm' in target) {
    void notify.info(vscode.l10n.t('{0} is not protected.', target.vm.name));
    return undefined;
  }
  const { service, item } = target;
  if ((options as { confirmed?: unknown } | undefined)?.confirmed !== true) {
    await (mode === 'RetainData'
      ? confirm(vscode.l10n.t('Stop protection of {0} and keep its backup data?', item.friendlyName), vscode.l10n.t('Stop and retain data'))
      : confirmDeleteData(service, item));
  }
  const running = trackOperation(deps, {
    title: mode === 'RetainData' ? vscode.l10n.t('Stopping protection of {0}', item.friendlyName) : vscode.l10n.t('Deleting backup data of {0}', item.friendlyName),
    keys: [item.sourceResourceId], vault: itemRef(item), kind: 'StopProtection',
    affected: () => {
      deps.tree.refreshResource(item.vaultId, ['items', 'jobs', 'policies']);
      deps.tree.refreshResource(item.subscriptionId, ['virtualMachines']);
    },
  }, (opts) => service.stopProtection(itemRef(item), mode, opts));
  // Failures are shown by the command's own error display; the end of a stop that worked is announced.
  announceJobEnd(deps.log, { name: item.friendlyName, vault: itemRef(item), jobName: running.started }, running.done, {
    completed: (name) => mode === 'RetainData'
      ? vscode.l10n.t('Protection of {0} stopped; its backup data is kept.', name)
      : vscode.l10n.t('Protection of {0} stopped and its backup data deleted.', name),
  });
  return running.done;
}
