import * as vscode from 'vscode';
import * as notify from '../../ui/notify';
import { itemRef } from '../../tree/refs';
import { confirm } from '../../ui/pickers';
import type { CommandDeps } from '../commandDeps';
import { confirmDeleteData, deletedText, softDeleteNow } from './confirmDeleteData';
import { resolveItem } from './targets';
import { announceJobEnd } from './jobEndNotice';
import { trackOperation } from './trackOperation';
import { guardOf, refusedByGuard, tellGuarded } from './resourceGuard';
import { rememberPolicy } from './lastPolicy';

/**
 * Stop protection of an item: keeping its data after a modal confirmation that names it, deleting its data only once
 * the user typed its name; `{confirmed: true}` skips the confirmation (tests).
 */
export async function stopProtection(
  deps: CommandDeps,
  node: unknown,
  options: unknown,
  mode: 'RetainData' | 'DeleteData',
): Promise<unknown> {
  const target = await resolveItem(deps, node);
  if ('vm' in target) {
    void notify.info(vscode.l10n.t('{0} is not protected.', target.vm.name));
    return undefined;
  }
  const { service, item } = target;
  // Checked before the user types the name: a stop with delete data the guard protects cannot be done here.
  const deleting = vscode.l10n.t('Stop protection with delete data');
  if (mode === 'DeleteData' && (await refusedByGuard(service, deps.log, itemRef(item), deleting)))
    return { refused: 'ResourceGuard' };
  rememberPolicy(item);
  const softDelete = mode === 'DeleteData' ? await softDeleteNow(service, item) : undefined;
  if ((options as { confirmed?: unknown } | undefined)?.confirmed !== true) {
    await (mode === 'RetainData'
      ? confirm(
          vscode.l10n.t('Stop protection of {0} and keep its backup data?', item.friendlyName),
          vscode.l10n.t('Stop and retain data'),
        )
      : confirmDeleteData(item, softDelete));
  }
  const running = trackOperation(
    deps,
    {
      title:
        mode === 'RetainData'
          ? vscode.l10n.t('Stopping protection of {0}', item.friendlyName)
          : vscode.l10n.t('Deleting backup data of {0}', item.friendlyName),
      keys: [item.sourceResourceId],
      vault: itemRef(item),
      kind: 'StopProtection',
      affected: () => {
        deps.tree.refreshResource(item.vaultId, ['items', 'jobs', 'policies']);
        deps.tree.refreshResource(item.subscriptionId, ['virtualMachines']);
      },
    },
    (opts) => service.stopProtection(itemRef(item), mode, opts),
  );
  const guard = running.done.catch((e: unknown) => {
    const name = guardOf(e);
    if (!name) throw e;
    tellGuarded(deps.log, deleting, name);
    return { refused: 'ResourceGuard' } as const;
  });
  // Failures are shown by the command's own error display; the end of a stop that worked is announced.
  announceJobEnd(deps.log, { name: item.friendlyName, vault: itemRef(item), jobName: running.started }, running.done, {
    completed: (name) =>
      mode === 'RetainData'
        ? vscode.l10n.t('Protection of {0} stopped; its backup data is kept.', name)
        : deletedText(name, softDelete),
  });
  return guard;
}
