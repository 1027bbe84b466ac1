// When a job this window started ends (backup, stop protection, enable), a notification says how, in the texts its
// command gives: completed, with warnings, cancelled, failed (with the service's error), with "Show job".
// Following stopped by the user (Cancel on the progress) is not a cancelled job.
import * as vscode from 'vscode';
import * as notify from '../../ui/notify';
import type { VaultRef } from '../../azure/backupService';
import type { AzureOperation } from '../../azure/model';
import { toErrorInfo } from '../../ui/errorInfo';
import type { Log } from '../../ui/log';

export interface JobEndSubject {
  /** The item's name as the user knows it. */
  name: string;
  vault: VaultRef;
  /** The job's name (GUID) once the service reported it. */
  jobName: Promise<string | undefined>;
}

function failureDetails(error: unknown): string {
  const info = toErrorInfo(error);
  const details = [info.message];
  if (info.code) details.push(vscode.l10n.t('Code: {0}', info.code));
  if (info.requestId) details.push(vscode.l10n.t('Request id: {0}', info.requestId));
  return details.join(' · ');
}

/** Shows a job's end (logged as a notice), with "Show job" once the service has named the job. */
function announcer(log: Log, subject: JobEndSubject): (text: string, failed: boolean) => Promise<void> {
  const showJob = vscode.l10n.t('Show job');
  return async (text, failed) => {
    log.info(`Notice: ${text}`);
    const jobName = await subject.jobName;
    const actions = jobName ? [showJob] : [];
    const choice = failed ? await notify.error(text, ...actions) : await notify.info(text, ...actions);
    if (choice === showJob && jobName)
      await vscode.commands.executeCommand('azureBackup.showJob', { vault: subject.vault, jobName });
  };
}

/** What a job's end says. Completed is always told; an end without its text here (a failure another display
 * already shows, a cancel the command cannot cause) is not announced. */
export interface JobEndTexts {
  completed: (name: string) => string;
  /** Completed with warnings; without it, the completed text. */
  warnings?: (name: string) => string;
  /** The job itself was cancelled (not only its following). */
  cancelled?: (name: string) => string;
  failed?: (name: string, details: string) => string;
}

/** The sentence for an operation's end; undefined when it says nothing (e.g. only the following ended: the job runs on in Azure). */
export function jobEndText(texts: JobEndTexts, name: string, operation: AzureOperation): string | undefined {
  if (operation.outcome === 'Completed') {
    return operation.job?.status === 'CompletedWithWarnings' && texts.warnings
      ? texts.warnings(name)
      : texts.completed(name);
  }
  const status = operation.job?.status;
  if (operation.outcome === 'Cancelled' && (status === 'Cancelled' || status === 'Cancelling'))
    return texts.cancelled?.(name);
  return undefined;
}

/** Announces the end of `done` (trackOperation's promise); handles its rejection, so no caller needs to. */
export function announceJobEnd(
  log: Log,
  subject: JobEndSubject,
  done: Promise<AzureOperation>,
  texts: JobEndTexts,
): void {
  const announce = announcer(log, subject);
  done.then(
    (operation) => {
      const text = jobEndText(texts, subject.name, operation);
      if (text) void announce(text, false);
    },
    (error: unknown) => {
      if (!texts.failed) return;
      log.error(`${subject.name}: ${toErrorInfo(error).code ?? ''} ${toErrorInfo(error).message}`);
      void announce(texts.failed(subject.name, failureDetails(error)), true);
    },
  );
}

/** A backup's end: completed (or with warnings), cancelled, or failed with the service's error. */
export function backupEndTexts(): JobEndTexts {
  return {
    completed: (name) => vscode.l10n.t('Backup of {0} completed.', name),
    warnings: (name) => vscode.l10n.t('Backup of {0} completed with warnings.', name),
    cancelled: (name) => vscode.l10n.t('Backup of {0} was cancelled.', name),
    failed: (name, details) => vscode.l10n.t('Backup of {0} failed: {1}', name, details),
  };
}
