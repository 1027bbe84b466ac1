// A restore started here is followed like Backup now: its Restore job under a cancellable notification, the point's
// node spinning, the job listed at once under "Backup jobs"; its end says what now exists: the new VM ("Show VM"),
// the restored disks and template, or the VM on its restored disks.
import * as vscode from 'vscode';
import * as notify from '../../ui/notify';
import type { BackupService } from '../../azure/backupService';
import type { AzureOperation, BackupItem, BackupJob, RecoveryPoint, RestoreRequest } from '../../azure/model';
import { itemRef } from '../../tree/refs';
import { toErrorInfo } from '../../ui/errorInfo';
import type { CommandDeps } from '../commandDeps';
import { showVm } from './showVm';
import { trackOperation, type RunningOperation } from './trackOperation';

export interface RestoreStart {
  /** false when a restore of the item started here is still running (nothing was sent). */
  started: boolean;
  running?: RunningOperation;
  jobName?: string;
}

/** The new VM's ARM id (the request names its group and name in the item's subscription). */
export function newVmId(subscriptionId: string, request: Extract<RestoreRequest, { kind: 'newVm' }>): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${request.targetResourceGroup}/providers/Microsoft.Compute/virtualMachines/${request.vmName}`;
}

/** A key the item's point nodes do not use: the running note of the item's form asks for it. */
function itemKey(item: BackupItem): string {
  return `restore:${item.id}`;
}

/** Is a restore of this item, started in this window, still running? */
export function restoreRunning(deps: CommandDeps, item: BackupItem): boolean {
  return deps.jobs.isBusy(itemKey(item));
}

/**
 * Sends one restore and follows it. The Azure layer's reservation is taken before any await and held to the end, so
 * a second submit while this runs sends nothing (the layer never resends a POST whose answer was lost either).
 */
export function startRestore(
  deps: CommandDeps,
  service: BackupService,
  item: BackupItem,
  point: RecoveryPoint,
  request: RestoreRequest,
): RestoreStart {
  const reservation = deps.jobs.reserve(service, 'restore', item.id, [point.id, itemKey(item)]);
  if (!reservation) return { started: false };
  let running: RunningOperation;
  try {
    running = trackOperation(
      deps,
      {
        title: vscode.l10n.t('Restoring {0}', item.friendlyName),
        keys: [point.id],
        vault: itemRef(item),
        kind: 'Restore',
        affected: () => {
          deps.tree.refreshResource(item.vaultId, ['jobs']);
          deps.tree.refreshResource(item.id, ['recoveryPoints']);
          if (request.kind !== 'restoreDisks') deps.tree.refreshResource(item.subscriptionId, ['virtualMachines']);
        },
      },
      (options) => service.restore(itemRef(item), point.name, request, { ...options, reserved: [reservation] }),
    );
  } catch (e) {
    reservation.release();
    throw e;
  }
  running.done.then(reservation.release, reservation.release);
  return { started: true, running };
}

/** The disks a finished Restore disks job names, and its template (from the job's property bag). */
export function restoredDisks(job: BackupJob | undefined): {
  disks: string[];
  template?: string;
  resourceGroup?: string;
} {
  const bag = job?.properties ?? {};
  const disks = (bag['Restored disks'] ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d.length > 0);
  return { disks, template: bag['Template Blob Uri'], resourceGroup: bag['Target resource group'] };
}

/** The sentence for a restore's end; undefined when only the following stopped (the job runs on in Azure). */
export function restoreEndText(
  item: BackupItem,
  request: RestoreRequest,
  operation: AzureOperation,
): string | undefined {
  const name = item.friendlyName;
  if (operation.outcome === 'Cancelled') {
    const status = operation.job?.status;
    return status === 'Cancelled' || status === 'Cancelling'
      ? vscode.l10n.t('Restore of {0} was cancelled.', name)
      : undefined;
  }
  if (operation.outcome !== 'Completed') return undefined;
  const warnings = operation.job?.status === 'CompletedWithWarnings';
  switch (request.kind) {
    case 'newVm':
      return warnings
        ? vscode.l10n.t(
            'Restore of {0} completed with warnings: the new virtual machine {1} is in {2}.',
            name,
            request.vmName,
            request.targetResourceGroup,
          )
        : vscode.l10n.t(
            'Restore of {0} completed: the new virtual machine {1} is in {2}.',
            name,
            request.vmName,
            request.targetResourceGroup,
          );
    case 'restoreDisks': {
      const { disks, template } = restoredDisks(operation.job);
      const list = disks.length > 0 ? disks.join(', ') : vscode.l10n.t('(the job names none)');
      return template
        ? vscode.l10n.t(
            'Restore of {0} completed: disks {1} in {2}; the template to create a VM from them is {3}.',
            name,
            list,
            request.targetResourceGroup,
            template,
          )
        : vscode.l10n.t('Restore of {0} completed: disks {1} in {2}.', name, list, request.targetResourceGroup);
    }
    case 'replaceDisks':
      return vscode.l10n.t(
        'Restore of {0} completed: the virtual machine runs on the restored disks; its previous disks are kept in its resource group.',
        name,
      );
  }
}

/** Announces a restore's end (completed, cancelled or failed with its error), with "Show VM" or "Show job". */
export function announceRestoreEnd(
  deps: CommandDeps,
  item: BackupItem,
  request: RestoreRequest,
  jobName: Promise<string | undefined>,
  done: Promise<AzureOperation>,
  options: { failures: boolean } = { failures: true },
): void {
  const showJob = vscode.l10n.t('Show job');
  const showVmAction = vscode.l10n.t('Show VM');
  const announce = async (text: string, failed: boolean, withVm: boolean): Promise<void> => {
    deps.log.info(`Notice: ${text}`);
    const name = await jobName;
    const actions = [...(withVm ? [showVmAction] : []), ...(name ? [showJob] : [])];
    const choice = failed ? await notify.error(text, ...actions) : await notify.info(text, ...actions);
    if (choice === showJob && name)
      await vscode.commands.executeCommand('azureBackup.showJob', { vault: itemRef(item), jobName: name });
    if (choice === showVmAction && request.kind === 'newVm')
      await showVm(deps, item.subscriptionId, newVmId(item.subscriptionId, request), request.vmName);
  };
  done.then(
    (operation) => {
      const text = restoreEndText(item, request, operation);
      if (text) void announce(text, false, request.kind === 'newVm' && operation.outcome === 'Completed');
    },
    (error: unknown) => {
      // A caller that shows the failure itself (the command's error display) leaves it out here.
      if (!options.failures) return;
      const info = toErrorInfo(error);
      deps.log.error(`Restore of ${item.friendlyName}: ${info.code ?? ''} ${info.message}`);
      const details = [
        info.message,
        ...(info.code ? [vscode.l10n.t('Code: {0}', info.code)] : []),
        ...(info.requestId ? [vscode.l10n.t('Request id: {0}', info.requestId)] : []),
      ].join(' · ');
      void announce(vscode.l10n.t('Restore of {0} failed: {1}', item.friendlyName, details), true, false);
    },
  );
}
