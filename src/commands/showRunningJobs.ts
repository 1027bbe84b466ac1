import * as vscode from 'vscode';
import * as notify from '../ui/notify';
import { jobStatusLabel } from '../presentation/describe';
import type { CommandDefinition } from './commandDeps';

/** The status-bar item's command: the operations this window follows; choosing one shows its job. */
export const showRunningJobs: CommandDefinition = {
  id: 'azureBackup.showRunningJobs',
  title: () => vscode.l10n.t('Show running jobs'),
  async run(deps) {
    const ops = deps.jobs.list();
    if (ops.length === 0) {
      void notify.info(vscode.l10n.t('No Azure Backup operations are running.'));
      return [];
    }
    const chosen = await notify.quickPick(
      ops.map((op) => ({
        label: op.label,
        description: op.job ? jobStatusLabel(op.job, vscode.l10n) : vscode.l10n.t('Starting…'),
        op,
      })),
      { placeHolder: vscode.l10n.t('Running Azure Backup operations') },
    );
    if (chosen?.op.job) await vscode.commands.executeCommand('azureBackup.showJob', chosen.op.job);
    return ops.map((op) => op.label);
  },
};
