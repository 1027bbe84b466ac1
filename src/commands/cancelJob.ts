import * as vscode from 'vscode';
import * as notify from '../ui/notify';
import { withProgress } from '../ui/progress';
import { jobVaultRef } from '../tree/refs';
import { confirm } from '../ui/pickers';
import { operationLabel } from '../presentation/describe';
import type { CommandDefinition } from './commandDeps';
import { currentJob } from './shared/jobTarget';
import { isCancellable } from './shared/pickJob';

/** `azureBackup.cancelJob(jobNode?, {confirmed: true}?)` */
export const cancelJob: CommandDefinition = {
  id: 'azureBackup.cancelJob',
  title: () => vscode.l10n.t('Cancel job'),
  async run(deps, node, options) {
    // From the palette, the picker lists only jobs that can be cancelled; a job node may have ended meanwhile.
    const { service, job } = await currentJob(deps, node, true);
    if (!isCancellable(job)) {
      void notify.info(vscode.l10n.t('The job for {0} cannot be cancelled now.', job.entityFriendlyName));
      return job;
    }
    if ((options as { confirmed?: unknown } | undefined)?.confirmed !== true) {
      await confirm(
        vscode.l10n.t('Cancel the {0} job of {1}?', operationLabel(job.operation, vscode.l10n), job.entityFriendlyName),
        vscode.l10n.t('Cancel job'),
        vscode.l10n.t('Keep running'),
      );
    }
    const result = await withProgress(
      vscode.l10n.t('Cancelling the {0} job of {1}…', job.operation, job.entityFriendlyName),
      true,
      (signal) => service.cancelJob(jobVaultRef(job), job.name, signal),
    );
    deps.tree.refreshResource(job.vaultId, ['jobs', 'items']);
    return result;
  },
};
