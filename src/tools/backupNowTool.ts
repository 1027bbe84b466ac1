// Tool: an on-demand backup of one protected VM, its recovery point kept until a date. Confirmed by the user first;
// the date passes the form's rule (after today, within 99 years); the start goes through the command's own guard
// (one backup per item: this window's claim and the vault's running Backup jobs), so it never runs twice.
import * as vscode from 'vscode';
import type { BackupService } from '../azure/backupService';
import type { BackupItem } from '../azure/model';
import { isActivelyProtected, itemProtectionStatus } from '../azure/protectionState';
import { startBackup } from '../commands/backupNow';
import { fieldMessages } from '../webview/fieldMessages';
import { announceJobEnd, backupEndTexts, jobEndText } from '../commands/shared/jobEndNotice';
import { protectionStatusLabel } from '../presentation/protectionText';
import { itemRef } from '../tree/refs';
import { addDays, toDateInput } from '../presentation/time';
import { readRetainUntil } from '../webview/rules';
import { failureText, literal, plain, signedOutText, textResult } from './format';
import { findVms, Refusal, type ToolDeps } from './resolve';

interface BackupNowInput {
  vm: string;
  /** YYYY-MM-DD (UTC); 30 days from today when absent. */
  retainUntil?: string;
  subscription?: string;
}

interface BackupPlan {
  service: BackupService;
  item: BackupItem;
  retainUntil: Date;
}

async function plan(deps: ToolDeps, input: BackupNowInput): Promise<BackupPlan> {
  const given = input.retainUntil?.trim();
  let retainUntil = addDays(new Date(), 30);
  if (given) {
    const read = readRetainUntil(given, new Date());
    if ('problem' in read)
      throw new Refusal(vscode.l10n.t('Retain until {0} is refused: {1}', plain(given), fieldMessages()[read.problem]));
    retainUntil = read.date;
  }
  const [{ vm, service }] = await findVms(deps, [input.vm ?? ''], input.subscription);
  const item = vm.protection?.item;
  if (!item) throw new Refusal(vscode.l10n.t('{0} is not protected yet. Enable backup first.', plain(vm.name)));
  const status = itemProtectionStatus(item);
  if (!isActivelyProtected(status))
    throw new Refusal(
      vscode.l10n.t('{0} cannot be backed up: {1}.', plain(vm.name), protectionStatusLabel(status, vscode.l10n)),
    );
  const running = deps.jobs.isBusy(item.sourceResourceId)
    ? undefined
    : await service.findRunningJob(itemRef(item), 'Backup', item);
  if (deps.jobs.isBusy(item.sourceResourceId) || running) {
    throw new Refusal(
      running
        ? vscode.l10n.t(
            'A backup of {0} is already running (job id {1}); no other was started.',
            plain(vm.name),
            running.name,
          )
        : vscode.l10n.t('A backup of {0} is already running.', plain(vm.name)),
    );
  }
  return { service, item, retainUntil };
}

export function backupNowTool(deps: ToolDeps): vscode.LanguageModelTool<BackupNowInput> {
  return {
    async prepareInvocation(options) {
      if (deps.session.mode === 'signedOut') return undefined;
      const p = await plan(deps, options.input).catch(() => undefined);
      // A refused request writes nothing: invoke answers with the refusal.
      if (!p) return { invocationMessage: vscode.l10n.t('Checking the backup request') };
      return {
        invocationMessage: vscode.l10n.t('Starting a backup of {0}', plain(p.item.friendlyName)),
        confirmationMessages: {
          title: vscode.l10n.t('Back up now?'),
          message: literal([
            vscode.l10n.t(
              'Start an on-demand backup of {0} in the vault {1} now, and keep its recovery point until {2} (UTC).',
              plain(p.item.friendlyName),
              plain(p.item.vaultName),
              toDateInput(p.retainUntil),
            ),
          ]),
        },
      };
    },
    async invoke(options, token) {
      if (deps.session.mode === 'signedOut') return textResult(signedOutText());
      try {
        const { service, item, retainUntil } = await plan(deps, options.input);
        if (token.isCancellationRequested) return textResult(vscode.l10n.t('Cancelled: nothing more was done.'));
        const name = plain(item.friendlyName);
        const { outcome, running } = await startBackup(deps, service, item, retainUntil);
        if (!outcome.started || !running) {
          return textResult(
            outcome.jobName
              ? vscode.l10n.t(
                  'A backup of {0} is already running (job id {1}); no other was started.',
                  name,
                  outcome.jobName,
                )
              : vscode.l10n.t('A backup of {0} is already running.', name),
          );
        }
        if (!outcome.jobName) {
          // No job was reported: the request has already ended, and its end is the answer.
          const operation = await running.done;
          return textResult(
            jobEndText(backupEndTexts(), name, operation) ?? vscode.l10n.t('Backup of {0} started.', name),
          );
        }
        announceJobEnd(
          deps.log,
          { name: item.friendlyName, vault: itemRef(item), jobName: Promise.resolve(outcome.jobName) },
          running.done,
          backupEndTexts(),
        );
        return textResult(
          vscode.l10n.t(
            'Backup of {0} started in the vault {1}: job id {2}. Its recovery point is kept until {3} (UTC). The backup jobs tool shows whether it is still running.',
            name,
            plain(item.vaultName),
            outcome.jobName,
            toDateInput(retainUntil),
          ),
        );
      } catch (error) {
        return textResult(error instanceof Refusal ? error.message : failureText(error));
      }
    },
  };
}
