import type { TrackOptions, VaultRef } from '../../azure/backupService';
import type { AzureOperation, BackupJob } from '../../azure/model';
import { jobStatusLabel } from '../../presentation/describe';
import { withProgress } from '../../ui/progress';
import type { TrackedOperation } from '../../ui/jobTracker';
import * as vscode from 'vscode';
import type { CommandDeps } from '../commandDeps';

function vaultIdOf(vault: VaultRef): string {
  return `/subscriptions/${vault.subscriptionId}/resourceGroups/${vault.resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${vault.name}`;
}

export interface OperationInfo {
  title: string;
  keys: string[];
  vault: VaultRef;
  kind: TrackedOperation['operation'];
  /** Refresh the nodes the operation touched; called when it ends, whatever the outcome. */
  affected: () => void;
}

export interface RunningOperation {
  /** Resolves with the job name as soon as the service reports it (or when the operation ends without one). */
  started: Promise<string | undefined>;
  /** Resolves when the job ended; rejects with the ARM error if it failed. */
  done: Promise<AzureOperation>;
}

/** An operation failure carrying the ARM code and request id, shaped like AzureError for the error display. */
export class OperationFailed extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly requestId?: string,
  ) {
    super(message);
  }
}

/**
 * Runs an async backup operation under a cancellable progress notification, with the node spinner and the
 * status-bar count (JobTracker), and refreshes the affected nodes when it ends.
 */
export function trackOperation(
  deps: CommandDeps,
  info: OperationInfo,
  start: (options: TrackOptions) => Promise<AzureOperation>,
): RunningOperation {
  let reportStarted: (jobName: string | undefined) => void = () => undefined;
  const started = new Promise<string | undefined>((resolve) => {
    reportStarted = resolve;
  });
  let jobShown = false;
  // The job this window started is listed at once under its vault's "Backup jobs" (if shown), not at the next Refresh.
  const showJob = (): void => {
    if (jobShown) return;
    jobShown = true;
    deps.tree.refreshResource(vaultIdOf(info.vault), ['jobs']);
  };
  const done = withProgress(info.title, true, (signal, report) =>
    deps.jobs.track({ keys: info.keys, label: info.title, operation: info.kind, vault: info.vault }, (progress) =>
      start({
        signal,
        onProgress: (job: BackupJob) => {
          progress(job);
          reportStarted(job.name);
          showJob();
          report(jobStatusLabel(job, vscode.l10n));
        },
      }),
    ),
  )
    .then((operation) => {
      reportStarted(operation.job?.name ?? operation.jobId);
      deps.log.info(`${info.title}: ${operation.outcome} job=${operation.jobId ?? '-'}`);
      if (operation.outcome === 'Failed') {
        const e = operation.error ?? {
          code: operation.job?.errorCode,
          message: operation.job?.errorMessage ?? vscode.l10n.t('The job failed.'),
        };
        throw new OperationFailed(e.message, e.code, 'requestId' in e ? e.requestId : undefined);
      }
      return operation;
    })
    .finally(() => {
      reportStarted(undefined);
      info.affected();
    });
  return { started, done };
}
