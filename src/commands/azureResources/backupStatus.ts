import * as vscode from 'vscode';
import type { VirtualMachine } from '../../azure/model';
import { hasBackupItem, isActivelyProtected } from '../../azure/protectionState';
import { relativeTime } from '../../presentation/describe';
import { protectionWithVault } from '../../presentation/protectionText';
import * as notify from '../../ui/notify';
import type { CommandDefinition, CommandDeps } from '../commandDeps';
import { liveVmOfRow } from './vmFromRow';

/** "web-vm-01: Protected by contoso-vault. Policy: DefaultPolicy. Last backup: 2 hours ago." */
export function backupStatusText(vm: VirtualMachine, now: Date): string {
  const p = vm.protection;
  if (!p || !hasBackupItem(p.state)) {
    return p?.state === 'NotProtected' || !p
      ? vscode.l10n.t('{0} is not protected by Azure Backup.', vm.name)
      : vscode.l10n.t('{0}: {1}.', vm.name, protectionWithVault(p.state, p.vaultName, vscode.l10n));
  }
  const item = p.item;
  const when = item?.lastBackupTime ? relativeTime(item.lastBackupTime, now, vscode.l10n) : undefined;
  const last = !when
    ? vscode.l10n.t('none yet')
    : item?.lastBackupStatus === 'Failed'
      ? vscode.l10n.t('failed {0}', when)
      : when;
  return vscode.l10n.t(
    '{0}: {1}. Policy: {2}. Last backup: {3}.',
    vm.name,
    protectionWithVault(p.state, p.vaultName, vscode.l10n),
    p.policyName ?? vscode.l10n.t('none'),
    last,
  );
}

function now(deps: CommandDeps): Date {
  return (deps.session.mode === 'sandbox' ? deps.session.sandbox?.clock.now() : undefined) ?? new Date();
}

/** Backup status of the VM of an Azure Resources row, read now, with the next step that fits its state. */
export const azureResourcesBackupStatus: CommandDefinition = {
  id: 'azureBackup.azureResources.backupStatus',
  title: () => vscode.l10n.t('Backup status'),
  async run(deps, row) {
    const target = await liveVmOfRow(deps, row);
    if (!target) return undefined;
    const { vm } = target;
    const text = backupStatusText(vm, now(deps));
    const enable = vscode.l10n.t('Enable Backup…');
    const backup = vscode.l10n.t('Backup Now…');
    const show = vscode.l10n.t('Show in Azure Backup View');
    const actions = isActivelyProtected(vm.protection?.state)
      ? [backup, show]
      : hasBackupItem(vm.protection?.state)
        ? [show]
        : [enable, show];
    void notify.info(text, ...actions).then((choice) => {
      const command =
        choice === enable
          ? 'azureBackup.azureResources.enableBackup'
          : choice === backup
            ? 'azureBackup.azureResources.backupNow'
            : choice === show
              ? 'azureBackup.azureResources.showInView'
              : undefined;
      if (command) void vscode.commands.executeCommand(command, row);
    });
    return { vmId: vm.id, state: vm.protection?.state, text, actions };
  },
};
