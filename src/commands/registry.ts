import * as vscode from 'vscode';
import { isCancellation } from '../ui/errorInfo';
import { showError } from '../ui/showError';
import type { CommandDefinition, CommandDeps } from './commandDeps';
import { azureResourcesBackupNow } from './azureResources/backupNow';
import { azureResourcesBackupStatus } from './azureResources/backupStatus';
import { azureResourcesEnableBackup } from './azureResources/enableBackup';
import { azureResourcesRestore } from './azureResources/restore';
import { azureResourcesShowInView } from './azureResources/showInView';
import { backupNow } from './backupNow';
import { cancelJob } from './cancelJob';
import { changePolicy } from './changePolicy';
import { configureStorage } from './configureStorage';
import { copyResourceId } from './copyResourceId';
import { createPolicy } from './createPolicy';
import { createVault } from './createVault';
import { editPolicy } from './editPolicy';
import { enableBackup } from './enableBackup';
import { enableBackupFromVault } from './enableBackupFromVault';
import { loadMore } from './loadMore';
import { openInPortal } from './openInPortal';
import { openSandbox } from './openSandbox';
import { recoverFiles } from './recoverFiles';
import { refresh } from './refresh';
import { resumeProtection } from './resumeProtection';
import { restore } from './restore';
import { retry } from './retry';
import { selectSubscriptions } from './selectSubscriptions';
import { showCoverage } from './showCoverage';
import { showJob } from './showJob';
import { showLog } from './showLog';
import { showRecoveryPoints } from './showRecoveryPoints';
import { showRunningJobs } from './showRunningJobs';
import { signIn, signInWithAzureCli } from './signIn';
import { stopProtectionDelete } from './stopProtectionDelete';
import { stopProtectionRetain } from './stopProtectionRetain';
import { undelete } from './undelete';
import { vaultSecurity } from './vaultSecurity';
import { unmountDisks } from './unmountDisks';
import { viewPolicy } from './viewPolicy';

/** Every command of the extension; package.json declares exactly these (checked by a unit test). */
export const allCommands: CommandDefinition[] = [
  signIn,
  signInWithAzureCli,
  openSandbox,
  selectSubscriptions,
  refresh,
  retry,
  loadMore,
  showLog,
  createVault,
  configureStorage,
  enableBackup,
  enableBackupFromVault,
  backupNow,
  createPolicy,
  editPolicy,
  viewPolicy,
  showJob,
  cancelJob,
  showRunningJobs,
  showRecoveryPoints,
  restore,
  recoverFiles,
  unmountDisks,
  stopProtectionRetain,
  stopProtectionDelete,
  changePolicy,
  resumeProtection,
  undelete,
  vaultSecurity,
  openInPortal,
  copyResourceId,
  showCoverage,
  azureResourcesBackupStatus,
  azureResourcesEnableBackup,
  azureResourcesBackupNow,
  azureResourcesRestore,
  azureResourcesShowInView,
];

/**
 * The one wrapper: logs each run, treats cancellation as silent, and shows failures with the ARM code,
 * message and request id plus "Show log". Returns the handler's result (tests use it), undefined on failure.
 */
export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  return allCommands.map((command) =>
    vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
      deps.log.debug(`command ${command.id}`);
      try {
        return await command.run(deps, ...args);
      } catch (error) {
        if (isCancellation(error)) {
          deps.log.debug(`command ${command.id} cancelled`);
          return undefined;
        }
        void showError(deps.log, command.title(), error);
        return undefined;
      }
    }),
  );
}
