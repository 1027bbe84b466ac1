import * as vscode from 'vscode';
import type { BackupService } from '../../azure/backupService';
import { sameId } from '../../azure/ids';
import type { VirtualMachine } from '../../azure/model';
import { hasBackupItem } from '../../azure/protectionState';
import * as notify from '../../ui/notify';
import type { CommandDeps } from '../commandDeps';
import { vmOfHostArgument, type VmIdParts } from './hostResource';

/** Thrown for a row that is not a VM: the command wrapper shows it as the command's error. */
function refusal(found: ReturnType<typeof vmOfHostArgument>): Error {
  if ('problem' in found && found.problem === 'notAVm') {
    return new Error(
      vscode.l10n.t(
        '{0} is not a virtual machine (Microsoft.Compute/virtualMachines). Azure Backup acts on virtual machines only.',
        found.id,
      ),
    );
  }
  return new Error(
    vscode.l10n.t('This item does not name an Azure resource. Azure Backup acts on virtual machines only.'),
  );
}

/** The VM's ids from the row, or a refusal; nothing is read from Azure yet. */
export function vmIdOfRow(argument: unknown): VmIdParts {
  const found = vmOfHostArgument(argument);
  if ('vm' in found) return found.vm;
  throw refusal(found);
}

/**
 * Signed in, and the VM's subscription is one the account sees? Otherwise says what to do (sign in, open the
 * sandbox) and answers false: a command from another view must not open our sign-in unasked.
 */
async function canReach(deps: CommandDeps, vm: VmIdParts): Promise<boolean> {
  const signIn = vscode.l10n.t('Sign In…');
  const sandbox = vscode.l10n.t('Open Sandbox');
  let message: string | undefined;
  if (deps.session.mode === 'signedOut') {
    message = vscode.l10n.t('Azure Backup is not signed in. Sign in to see the backup of {0}.', vm.name);
  } else {
    const all = await deps.session.allSubscriptions();
    if (!all.some((c) => sameId(c.subscription.subscriptionId, vm.subscriptionId))) {
      message = vscode.l10n.t(
        'The subscription {0} of {1} is not one Azure Backup is signed in to. Sign in with an account that can see it.',
        vm.subscriptionId,
        vm.name,
      );
    }
  }
  if (!message) return true;
  deps.log.info(`Notice: ${message}`);
  // Not awaited: the command ends here, and the user's choice (whenever made) starts the sign-in.
  void notify.warning(message, signIn, sandbox).then((choice) => {
    if (choice === signIn) void vscode.commands.executeCommand('azureBackup.signIn');
    if (choice === sandbox) void vscode.commands.executeCommand('azureBackup.openSandbox');
  });
  return false;
}

/** The row's VM read now from Azure, with its protection; undefined when the user was told why not. */
export async function liveVmOfRow(
  deps: CommandDeps,
  argument: unknown,
): Promise<{ service: BackupService; vm: VirtualMachine } | undefined> {
  const ids = vmIdOfRow(argument);
  if (!(await canReach(deps, ids))) return undefined;
  const service = await deps.session.service(ids.subscriptionId);
  return { service, vm: await service.getVirtualMachine(ids) };
}

/**
 * The row's VM when it has a backup item; otherwise says `whyNot` (with the VM's name) and offers Enable Backup…,
 * and answers undefined: nothing was started.
 */
export async function protectedVmOfRow(
  deps: CommandDeps,
  row: unknown,
  whyNot: (vmName: string) => string,
): Promise<VirtualMachine | undefined> {
  const target = await liveVmOfRow(deps, row);
  if (!target) return undefined;
  const { vm } = target;
  if (hasBackupItem(vm.protection?.state) && vm.protection?.item) return vm;
  const enable = vscode.l10n.t('Enable Backup…');
  const text = whyNot(vm.name);
  deps.log.info(`Notice: ${text}`);
  // Not awaited: the offer stays open for the user.
  void notify.info(text, enable).then((choice) => {
    if (choice === enable) void vscode.commands.executeCommand('azureBackup.azureResources.enableBackup', row);
  });
  return undefined;
}
