import * as vscode from 'vscode';
import * as notify from '../ui/notify';
import type { AzureOperation, RestoreRequest } from '../azure/model';
import { isArchived } from '../presentation/recoveryPointText';
import type { VmNode } from '../tree/nodes/vmNode';
import type { CommandDefinition } from './commandDeps';
import { announceRestoreEnd, newVmId, startRestore } from './shared/restoreTracking';
import { openRestoreForm } from './shared/restoreForm';
import { showVm } from './shared/showVm';
import { resolvePointFromInput, type PointTarget } from './shared/targets';

/** What a test (or another command) passes instead of filling in the form. */
export interface RestoreInput {
  /** The point, when the command was given an item rather than a point. */
  recoveryPointId?: string;
  request: RestoreRequest;
  /** Replace existing disks only: the VM's name, typed to confirm. */
  confirmName?: string;
  /** After a new VM is created, reveal it as "Show VM" does. */
  showVm?: boolean;
}

export interface RestoreOutcome {
  started: boolean;
  /** No input: the Restore form was opened instead. */
  formOpened?: boolean;
  operation?: AzureOperation;
  vmNode?: VmNode;
}

function isRestoreInput(value: unknown): value is RestoreInput {
  return typeof value === 'object' && value !== null && typeof (value as { request?: unknown }).request === 'object';
}

/** Runs a restore given as input: confirmed by name where it replaces disks, followed to its end. */
async function restoreDirectly(
  deps: Parameters<CommandDefinition['run']>[0],
  t: PointTarget,
  input: RestoreInput,
): Promise<RestoreOutcome> {
  const { service, item, point } = t;
  if (input.request.kind === 'replaceDisks' && input.confirmName !== item.friendlyName) {
    throw new Error(
      vscode.l10n.t("Type the virtual machine's name, {0}, to confirm that its disks are replaced.", item.friendlyName),
    );
  }
  const start = startRestore(deps, service, item, point, input.request);
  if (!start.started || !start.running) {
    void notify.info(vscode.l10n.t('A restore of {0} is already running.', item.friendlyName));
    return { started: false };
  }
  announceRestoreEnd(deps, item, input.request, start.running.started, start.running.done, { failures: false });
  const operation = await start.running.done;
  const outcome: RestoreOutcome = { started: true, operation };
  if (input.showVm && input.request.kind === 'newVm' && operation.outcome === 'Completed') {
    outcome.vmNode = await showVm(
      deps,
      item.subscriptionId,
      newVmId(item.subscriptionId, input.request),
      input.request.vmName,
    );
  }
  return outcome;
}

/** `azureBackup.restore(pointNode | itemNode?, input?)`: restores from a recovery point (a new VM, disks, or the VM's own disks). */
export const restore: CommandDefinition = {
  id: 'azureBackup.restore',
  title: () => vscode.l10n.t('Restore'),
  async run(deps, node, input) {
    const given = isRestoreInput(input) ? input : undefined;
    const t = await resolvePointFromInput(deps, node, given, (p) => !isArchived(p));
    if (!t) return { started: false } satisfies RestoreOutcome;
    if (given) {
      if (isArchived(t.point)) {
        void notify.info(
          vscode.l10n.t(
            'This recovery point is in the archive tier: it must be rehydrated in the Azure portal before it can be restored.',
          ),
        );
        return { started: false } satisfies RestoreOutcome;
      }
      return restoreDirectly(deps, t, given);
    }
    // The form says itself what an archived point needs, and offers nothing the service would refuse.
    await openRestoreForm(deps, t.service, t.item, t.point);
    return { started: false, formOpened: true };
  },
};
