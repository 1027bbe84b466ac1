import * as vscode from 'vscode';
import type { JobTracker } from './jobTracker';

/** Counts the backup jobs this window follows; clicking lists them. Hidden when none run. */
export function createJobsStatusBar(jobs: JobTracker): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('azureBackup.jobs', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Azure Backup jobs');
  item.command = 'azureBackup.showRunningJobs';
  const update = (): void => {
    const count = jobs.runningBackups();
    const total = jobs.list().length;
    if (total === 0) {
      item.hide();
      return;
    }
    item.text =
      count === 1
        ? vscode.l10n.t('$(sync~spin) 1 backup running')
        : vscode.l10n.t('$(sync~spin) {0} backups running', count);
    item.tooltip = vscode.l10n.t('{0} Azure Backup operations in progress. Click to list them.', total);
    item.accessibilityInformation = { label: vscode.l10n.t('{0} Azure Backup operations in progress', total) };
    item.show();
  };
  const listener = jobs.onDidChange(update);
  return vscode.Disposable.from(item, listener);
}
