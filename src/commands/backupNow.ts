import * as vscode from 'vscode';
import * as notify from '../ui/notify';
import type { BackupService } from '../azure/backupService';
import type { AzureOperation, BackupItem } from '../azure/model';
import { isActivelyProtected, itemProtectionStatus } from '../azure/protectionState';
import { protectionStatusLabel } from '../presentation/protectionText';
import { itemRef } from '../tree/refs';
import { readRetainUntil } from '../webview/rules';
import { addDays, toDateInput } from '../presentation/time';
import type { CommandDefinition, CommandDeps } from './commandDeps';
import { fieldMessages, formStrings } from '../webview/fieldMessages';
import { announceJobEnd, backupEndTexts, jobEndText } from './shared/jobEndNotice';
import { resolveItem } from './shared/targets';
import { trackOperation, type RunningOperation } from './shared/trackOperation';

export interface BackupNowOutcome {
  /** false when another backup of the item was already running (the guard). */
  started: boolean;
  jobName?: string;
  operation?: AzureOperation;
}

/** The name of a backup of this item running by anyone (the vault's InProgress Backup jobs), as the Azure layer finds it. */
async function findRunning(service: BackupService, item: BackupItem): Promise<string | undefined> {
  return (await service.findRunningJob(itemRef(item), 'Backup', item))?.name;
}

/**
 * Starts one on-demand backup and follows it. The Azure layer's reservation is taken synchronously before any await
 * and held to the end, so a second "Backup now" on the same item while this runs does not start another job.
 */
export async function startBackup(
  deps: CommandDeps,
  service: BackupService,
  item: BackupItem,
  retainUntil: Date,
): Promise<{ outcome: BackupNowOutcome; running?: RunningOperation }> {
  const key = item.sourceResourceId;
  const reservation = deps.jobs.reserve(service, 'backup', item.id, [key]);
  if (!reservation) {
    void notify.info(vscode.l10n.t('A backup of {0} is already running.', item.friendlyName));
    return { outcome: { started: false } };
  }
  let running: RunningOperation | undefined;
  try {
    const existing = await findRunning(service, item);
    if (existing) {
      void notify.info(vscode.l10n.t('A backup of {0} is already running.', item.friendlyName));
      return { outcome: { started: false, jobName: existing } };
    }
    running = trackOperation(
      deps,
      {
        title: vscode.l10n.t('Backing up {0}', item.friendlyName),
        keys: [key],
        vault: itemRef(item),
        kind: 'Backup',
        affected: () => {
          deps.tree.refreshResource(item.vaultId, ['items', 'jobs']);
          deps.tree.refreshResource(item.subscriptionId, ['virtualMachines']);
        },
      },
      (options) => service.backupNow(itemRef(item), retainUntil, { ...options, reserved: [reservation] }),
    );
  } finally {
    if (!running) reservation.release();
  }
  running.done.then(reservation.release, reservation.release);
  return { outcome: { started: true, jobName: await running.started }, running };
}

function parseRetainUntil(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  const read = typeof value === 'string' ? readRetainUntil(value, new Date()) : undefined;
  return read && 'date' in read ? read.date : undefined;
}

/** `azureBackup.backupNow(node?, {retainUntil?})`: with arguments it runs directly and resolves when the job ended. */
export const backupNow: CommandDefinition = {
  id: 'azureBackup.backupNow',
  title: () => vscode.l10n.t('Backup now'),
  async run(deps, node, input) {
    const target = await resolveItem(deps, node);
    if ('vm' in target) {
      const enable = vscode.l10n.t('Enable backup');
      const choice = await notify.info(
        vscode.l10n.t('{0} is not protected yet. Enable backup first.', target.vm.name),
        enable,
      );
      if (choice === enable) await vscode.commands.executeCommand('azureBackup.enableBackup', node);
      return { started: false };
    }
    const { service, item } = target;
    const status = itemProtectionStatus(item);
    if (!isActivelyProtected(status)) {
      // A stopped or soft-deleted item takes no backup (the service refuses with BMSUserErrorProtectionStopped).
      void notify.info(
        vscode.l10n.t('{0} cannot be backed up: {1}.', item.friendlyName, protectionStatusLabel(status, vscode.l10n)),
      );
      return { started: false };
    }
    if (typeof input === 'object' && input !== null) {
      const retainUntil = parseRetainUntil((input as { retainUntil?: unknown }).retainUntil) ?? addDays(new Date(), 30);
      const { outcome, running } = await startBackup(deps, service, item, retainUntil);
      if (running) outcome.operation = await running.done;
      return outcome;
    }
    const today = new Date();
    const runningJob = deps.jobs.isBusy(item.sourceResourceId) ? 'local' : await findRunning(service, item);
    deps.forms.open({
      kind: 'backupNow',
      key: item.id,
      title: vscode.l10n.t('Backup now: {0}', item.friendlyName),
      strings: formStrings('backupNow'),
      init: {
        itemName: item.friendlyName,
        vaultName: item.vaultName,
        retainUntil: toDateInput(addDays(today, 30)),
        today: toDateInput(today),
        runningNote: runningJob
          ? vscode.l10n.t('A backup of this item is running now; another one will not start until it ends.')
          : undefined,
      },
      submit: async ({ retainUntil }) => {
        const read = readRetainUntil(retainUntil, new Date());
        if ('problem' in read) throw Object.assign(new Error(fieldMessages()[read.problem]), { field: 'retainUntil' });
        const { outcome, running } = await startBackup(deps, service, item, read.date);
        if (!outcome.started || !running)
          return {
            message: vscode.l10n.t('A backup of {0} is already running.', item.friendlyName),
            jobName: outcome.jobName,
          };
        if (!outcome.jobName) {
          // No job was reported, so the request has already ended: the reply is its outcome. A refusal throws here
          // (OperationFailed / AzureError), and the form shows its message, code and request id.
          const operation = await running.done;
          return {
            message:
              jobEndText(backupEndTexts(), item.friendlyName, operation) ??
              vscode.l10n.t('Backup of {0} started.', item.friendlyName),
          };
        }
        announceJobEnd(
          deps.log,
          { name: item.friendlyName, vault: itemRef(item), jobName: Promise.resolve(outcome.jobName) },
          running.done,
          backupEndTexts(),
        );
        return { message: vscode.l10n.t('Backup of {0} started.', item.friendlyName), jobName: outcome.jobName };
      },
      openJob: (jobName) => showJobByName(service, item, jobName),
    });
    return { started: false, formOpened: true };
  },
};

async function showJobByName(service: BackupService, item: BackupItem, jobName: string): Promise<void> {
  const job = await service.getJob(itemRef(item), jobName);
  await vscode.commands.executeCommand('azureBackup.showJob', job);
}
