// When a backup this window started ends, a notification says how: completed, failed (with the service's error)
// or cancelled, with "Show job". Following stopped by the user (Cancel on the progress) is not a cancelled job.
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

/** The sentence for an operation's end; undefined when only the following ended (the job runs on in Azure). */
export function backupEndText(name: string, operation: AzureOperation): { text: string; failed: boolean } | undefined {
  if (operation.outcome === 'Completed') {
    return operation.job?.status === 'CompletedWithWarnings'
      ? { text: vscode.l10n.t('Backup of {0} completed with warnings.', name), failed: false }
      : { text: vscode.l10n.t('Backup of {0} completed.', name), failed: false };
  }
  if (operation.outcome === 'Cancelled') {
    const status = operation.job?.status;
    if (status !== 'Cancelled' && status !== 'Cancelling') return undefined;
    return { text: vscode.l10n.t('Backup of {0} was cancelled.', name), failed: false };
  }
  return undefined;
}

function failureDetails(error: unknown): string {
  const info = toErrorInfo(error);
  const details = [info.message];
  if (info.code) details.push(vscode.l10n.t('Code: {0}', info.code));
  if (info.requestId) details.push(vscode.l10n.t('Request id: {0}', info.requestId));
  return details.join(' · ');
}

function failureText(name: string, error: unknown): string {
  return vscode.l10n.t('Backup of {0} failed: {1}', name, failureDetails(error));
}

/** Shows a job's end (logged as a notice), with "Show job" once the service has named the job. */
function announcer(log: Log, subject: JobEndSubject): (text: string, failed: boolean) => Promise<void> {
  const showJob = vscode.l10n.t('Show job');
  return async (text, failed) => {
    log.info(`Notice: ${text}`);
    const jobName = await subject.jobName;
    const actions = jobName ? [showJob] : [];
    const choice = failed ? await notify.error(text, ...actions) : await notify.info(text, ...actions);
    if (choice === showJob && jobName) await vscode.commands.executeCommand('azureBackup.showJob', { vault: subject.vault, jobName });
  };
}

/** What a job's end says: its completion, and its failure (undefined where another display already shows failures). */
export interface JobEndTexts {
  completed: (name: string) => string;
  failed?: (name: string, details: string) => string;
}

/** Announces the end of `done` (trackOperation's promise); handles its rejection, so no caller needs to. */
export function announceJobEnd(log: Log, subject: JobEndSubject, done: Promise<AzureOperation>, texts: JobEndTexts): void {
  const announce = announcer(log, subject);
  done.then((operation) => {
    if (operation.outcome === 'Completed') void announce(texts.completed(subject.name), false);
  }, (error: unknown) => {
    if (!texts.failed) return;
    log.error(`${subject.name}: ${toErrorInfo(error).code ?? ''} ${toErrorInfo(error).message}`);
    void announce(texts.failed(subject.name, failureDetails(error)), true);
  });
}

/** Announces the end of a backup started here: completed (or with warnings), cancelled, or failed with its error. */
export function announceBackupEnd(log: Log, subject: JobEndSubject, done: Promise<AzureOperation>): void {
  const announce = announcer(log, subject);
  done.then((operation) => {
    const end = backupEndText(subject.name, operation);
    if (end) void announce(end.text, end.failed);
  }, (error: unknown) => {
    log.error(`Backup of ${subject.name}: ${toErrorInfo(error).code ?? ''} ${toErrorInfo(error).message}`);
    void announce(failureText(subject.name, error), true);
  });
}
