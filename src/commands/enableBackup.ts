import * as vscode from 'vscode';
import * as notify from '../ui/notify';
import type { BackupService } from '../azure/backupService';
import type { AzureOperation, DiskSelection, Vault, VirtualMachine } from '../azure/model';
import { isEnhancedPolicy, needsEnhancedPolicy } from '../azure/enhancedPolicy';
import { dataDiskLabel, enhancedReasonSentence } from '../presentation/diskText';
import { type DiskChoiceSubmit, diskSelectionOfChoice } from '../webview/diskChoice';
import type { PolicyChoice } from '../webview/protocol';
import { vaultRef } from '../tree/refs';
import { fieldMessage, vaultNameProblem } from '../webview/rules';
import { showError } from '../ui/showError';
import type { CommandDefinition, CommandDeps } from './commandDeps';
import { alreadyProtectedText, submitAnswer } from './shared/alreadyProtected';
import { formStrings } from '../webview/fieldMessages';
import { enhancedOnlyNote, policyChoices } from './shared/policyChoices';
import { noVmToProtectMessage } from '../ui/emptyPicks';
import { resolveVm, vaultArgument } from './shared/targets';
import { announceJobEnd } from './shared/jobEndNotice';
import { trackOperation, type RunningOperation } from './shared/trackOperation';
import { isActivelyProtected } from '../azure/protectionState';
import { sameId } from '../azure/ids';

export interface EnableVmInput extends DiskChoiceSubmit {
  /** An existing vault's id, or '' with newVaultName to create one in the VM's resource group and region. */
  vaultId?: string;
  newVaultName?: string;
  policyName?: string;
}

type EnableRequest = Required<Pick<EnableVmInput, 'vaultId' | 'newVaultName' | 'policyName'>> & DiskChoiceSubmit;

/** A new vault comes with DefaultPolicy and EnhancedPolicy: the one the VM may take. */
const newVaultPolicy = (vm: VirtualMachine): PolicyChoice => ({
  name: needsEnhancedPolicy(vm) ? 'EnhancedPolicy' : 'DefaultPolicy',
  summary: '',
});

const fieldError = (message: string, field: string): Error => Object.assign(new Error(message), { field });

/**
 * Refused before anything is created or sent: a Standard policy for a VM that needs an Enhanced one, and data disks
 * the VM does not have. Returns the disks to back up (undefined: every disk).
 */
async function checkRequest(
  service: BackupService,
  vm: VirtualMachine,
  vault: Vault | undefined,
  input: EnableRequest,
): Promise<DiskSelection | undefined> {
  const reason = needsEnhancedPolicy(vm);
  if (reason && vault) {
    const policy = await service.getPolicy(vaultRef(vault), input.policyName);
    if (!isEnhancedPolicy(policy))
      throw fieldError(
        vscode.l10n.t(
          '{0}: {1} is a Standard policy.',
          enhancedReasonSentence(vm.name, reason, vscode.l10n),
          policy.name,
        ),
        'policyName',
      );
  }
  const selection = diskSelectionOfChoice(input);
  const known = new Set((vm.disks?.dataDisks ?? []).map((d) => d.lun));
  const unknown = selection?.luns.filter((l) => !known.has(l)) ?? [];
  if (unknown.length)
    throw fieldError(vscode.l10n.t('{0} has no data disk at LUN {1}.', vm.name, unknown.join(', ')), 'disks');
  if (input.disks === 'chosen' && selection?.luns.length === 0)
    throw fieldError(formStrings('enableBackupVm').disksNone, 'disks');
  return selection;
}

/** Creates the vault if asked, then enables protection and follows the ConfigureBackup job. */
async function enable(
  deps: CommandDeps,
  service: BackupService,
  vm: VirtualMachine,
  vaults: Vault[],
  input: EnableRequest,
): Promise<(RunningOperation & { vault: Vault }) | undefined> {
  let vault = vaults.find((v) => sameId(v.id, input.vaultId));
  const diskSelection = await checkRequest(service, vm, vault, input);
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
      service.enableProtection(vaultRef(target), vm, input.policyName, {
        ...options,
        reserved: [reservation],
        diskSelection,
      }),
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
    const resolved = await resolveVm(
      deps,
      node,
      (v) => !isActivelyProtected(v.protection?.state),
      (total, name) => noVmToProtectMessage(total, name, vscode.l10n),
    );
    const { service } = resolved;
    // Its disks and security type decide the policies offered; a VM read without them is read again, once.
    const vm = resolved.vm.disks ? resolved.vm : await service.getVirtualMachine(resolved.vm);
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
        policyName: i.policyName ?? newVaultPolicy(vm).name,
        disks: i.disks,
        luns: i.luns,
      });
      const operation: AzureOperation | undefined = await running?.done;
      if (operation?.alreadyProtected) void notify.info(alreadyProtectedText(vm.name, operation.alreadyProtected));
      return operation;
    }
    const offered = async (vaultId: string): Promise<{ policies: PolicyChoice[]; policyNote?: string }> => {
      const vault = vaults.find((v) => sameId(v.id, vaultId));
      if (!vault) return { policies: [newVaultPolicy(vm)] };
      const policies = await policyChoices(service, vaultRef(vault), vm);
      const policyNote = enhancedOnlyNote(vm, vault.name, policies.length);
      return { policies, ...(policyNote ? { policyNote } : {}) };
    };
    const first = await offered(vaults[0]?.id ?? '');
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
        ...first,
        newVaultPolicies: [newVaultPolicy(vm)],
        vaults: vaults.map((v) => ({ value: v.id, label: v.name, description: v.resourceGroup })),
        dataDisks: (vm.disks?.dataDisks ?? []).map((d) => ({
          value: String(d.lun),
          label: dataDiskLabel(d, vscode.l10n),
        })),
      },
      query: async (q) => {
        if (q.query === 'vaultPolicies') return offered(q.vaultId);
        const vault = q.query === 'createPolicy' ? vaults.find((v) => sameId(v.id, q.vaultId)) : undefined;
        if (vault) await vscode.commands.executeCommand('azureBackup.createPolicy', vaultArgument(vault));
        return {};
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
