import * as vscode from 'vscode';
import * as notify from '../ui/notify';
import type { BackupService } from '../azure/backupService';
import type { AzureOperation, Vault, VirtualMachine } from '../azure/model';
import { vaultRef } from '../tree/refs';
import { fieldMessage, vaultNameProblem } from '../webview/rules';
import { showError } from '../ui/showError';
import type { CommandDefinition, CommandDeps } from './commandDeps';
import { alreadyProtectedText, submitAnswer } from './shared/alreadyProtected';
import { formStrings } from '../webview/fieldMessages';
import { parseVaultId, policyChoices } from './shared/policyChoices';
import { noVmToProtectMessage } from '../ui/emptyPicks';
import { resolveVm } from './shared/targets';
import { announceJobEnd } from './shared/jobEndNotice';
import { trackOperation, type RunningOperation } from './shared/trackOperation';
import { isActivelyProtected } from '../azure/protectionState';
import { sameId } from '../azure/ids';

export interface EnableVmInput {
  /** An existing vault's id, or '' with newVaultName to create one in the VM's resource group and region. */
  vaultId?: string;
  newVaultName?: string;
  policyName?: string;
}

/** Creates the vault if asked, then enables protection and follows the ConfigureBackup job. */
async function enable(
  deps: CommandDeps,
  service: BackupService,
  vm: VirtualMachine,
  vaults: Vault[],
  input: Required<EnableVmInput>,
): Promise<(RunningOperation & { vault: Vault }) | undefined> {
  let vault = vaults.find((v) => sameId(v.id, input.vaultId));
  if (!vault) {
    if (input.vaultId) throw new Error(vscode.l10n.t('The vault {0} was not found.', input.vaultId));
    const strings = formStrings('enableBackupVm');
    const problem = vaultNameProblem(input.newVaultName);
    if (problem) throw Object.assign(new Error(fieldMessage(strings, problem)), { field: 'newVaultName' });
    // A PUT on a name already taken in the group would change that vault (or fail on its region): ask first.
    const check = await service.checkVaultName(vm.subscriptionId, vm.resourceGroup, vm.location, input.newVaultName);
    if (!check.available)
      throw Object.assign(new Error(check.message ?? strings['vaultName.taken']), { field: 'newVaultName' });
    vault = await service.createVault({
      subscriptionId: vm.subscriptionId,
      resourceGroup: vm.resourceGroup,
      createResourceGroup: false,
      name: input.newVaultName,
      location: vm.location,
    });
    deps.tree.refreshResource(vm.subscriptionId, ['vaults']);
  }
  const target = vault;
  // One enable per VM at a time, whichever command started it (from the VM or from the vault).
  const reservation = deps.jobs.reserve(service, 'enable', vm.id, [vm.id]);
  if (!reservation) {
    void notify.info(vscode.l10n.t('Backup of {0} is already being configured.', vm.name));
    return undefined;
  }
  const running = trackOperation(
    deps,
    {
      title: vscode.l10n.t('Enabling backup for {0}', vm.name),
      keys: [vm.id, target.id],
      vault: vaultRef(target),
      kind: 'ConfigureBackup',
      affected: () => {
        deps.tree.refreshResource(target.id, ['items', 'jobs', 'policies', 'vault']);
        deps.tree.refreshResource(vm.subscriptionId, ['virtualMachines']);
      },
    },
    (options) =>
      service.enableProtection(vaultRef(target), vm, input.policyName, { ...options, reserved: [reservation] }),
  );
  running.done.then(reservation.release, reservation.release);
  // Failures are shown where the enable was asked for (the form, the command); the end of one that worked is announced.
  announceJobEnd(deps.log, { name: vm.name, vault: vaultRef(target), jobName: running.started }, running.done, {
    completed: (name) => vscode.l10n.t('Backup of {0} is configured.', name),
  });
  return { ...running, vault: target };
}

/** `azureBackup.enableBackup(vmNode?, input?)`: from a VM. With input it runs directly and resolves when the job ended. */
export const enableBackup: CommandDefinition = {
  id: 'azureBackup.enableBackup',
  title: () => vscode.l10n.t('Enable backup'),
  async run(deps, node, input) {
    const { service, vm } = await resolveVm(
      deps,
      node,
      (v) => !isActivelyProtected(v.protection?.state),
      (total, name) => noVmToProtectMessage(total, name, vscode.l10n),
    );
    if (isActivelyProtected(vm.protection?.state)) {
      void notify.info(vscode.l10n.t('{0} is already protected by {1}.', vm.name, vm.protection?.vaultName ?? ''));
      return undefined;
    }
    const vaults = (await service.listVaults(vm.subscriptionId)).items.filter(
      (v) => v.location.toLowerCase() === vm.location.toLowerCase(),
    );
    const defaultNewName = `${vm.resourceGroup}-vault`.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 50);
    if (typeof input === 'object' && input !== null) {
      const i = input as EnableVmInput;
      const running = await enable(deps, service, vm, vaults, {
        vaultId: i.vaultId ?? vaults[0]?.id ?? '',
        newVaultName: i.newVaultName ?? defaultNewName,
        policyName: i.policyName ?? 'DefaultPolicy',
      });
      const operation: AzureOperation | undefined = await running?.done;
      if (operation?.alreadyProtected) void notify.info(alreadyProtectedText(vm.name, operation.alreadyProtected));
      return operation;
    }
    const firstPolicies = vaults[0]
      ? await policyChoices(service, vaultRef(vaults[0]))
      : [{ name: 'DefaultPolicy', summary: '' }];
    let jobVault: Vault | undefined;
    deps.forms.open({
      kind: 'enableBackupVm',
      key: vm.id,
      title: vscode.l10n.t('Enable backup: {0}', vm.name),
      strings: formStrings('enableBackupVm'),
      init: {
        vmName: vm.name,
        vmLocation: vm.location,
        vmResourceGroup: vm.resourceGroup,
        newVaultName: defaultNewName,
        policies: firstPolicies,
        vaults: vaults.map((v) => ({ value: v.id, label: v.name, description: v.resourceGroup })),
      },
      query: async (q) => {
        if (q.query !== 'vaultPolicies') return {};
        const ref = parseVaultId(q.vaultId);
        return { policies: ref ? await policyChoices(service, ref) : [{ name: 'DefaultPolicy', summary: '' }] };
      },
      submit: async (payload) => {
        const running = await enable(deps, service, vm, vaults, payload);
        if (!running) return { message: vscode.l10n.t('Backup of {0} is already being configured.', vm.name) };
        jobVault = running.vault;
        running.done.catch((error: unknown) => showError(deps.log, vscode.l10n.t('Enable backup'), error));
        // Submitted again after the first one finished: the form says the VM is protected already, not "Configuring".
        return submitAnswer(
          running.started,
          running.done,
          vscode.l10n.t('Configuring backup for {0}…', vm.name),
          (op) => op.alreadyProtected && alreadyProtectedText(vm.name, op.alreadyProtected),
        );
      },
      openJob: async (jobName) => {
        if (jobVault)
          await vscode.commands.executeCommand('azureBackup.showJob', { vault: vaultRef(jobVault), jobName });
      },
    });
    return undefined;
  },
};
