// Tool: enable backup of VMs in one vault with one policy. Confirmed by the user first (prepareInvocation names
// every VM, the vault, its region and the policy); then the coverage page's bulk enable runs it, which reads the
// join again and skips a VM protected meanwhile, so nothing is enabled twice.
import { sameId } from '../azure/ids';
import * as vscode from 'vscode';
import { isEnhancedPolicy, needsEnhancedPolicy } from '../azure/enhancedPolicy';
import { enhancedReasonSentence } from '../presentation/diskText';
import type { BackupService } from '../azure/backupService';
import type { Vault } from '../azure/model';
import { isActivelyProtected } from '../azure/protectionState';
import { regionDisplayName } from '../azure/regionNames';
import { alreadyProtectedText } from '../commands/shared/alreadyProtected';
import { policyChoices } from '../commands/shared/policyChoices';
import { enableFromCoverage } from '../coverage/coverageActions';
import { vaultRef } from '../tree/refs';
import { errorText, failureText, literal, nameList, plain, signedOutText, textResult } from './format';
import { findVault, findVms, Refusal, type FoundVm, type ToolDeps } from './resolve';

interface EnableBackupInput {
  virtualMachines: string[];
  vault: string;
  policy?: string;
  subscription?: string;
}

interface EnablePlan {
  service: BackupService;
  vault: Vault;
  policyName: string;
  todo: FoundVm[];
  /** VMs left out, each with the reason, said in the confirmation and in the result. */
  refused: string[];
}

async function plan(deps: ToolDeps, input: EnableBackupInput): Promise<EnablePlan> {
  const found = await findVms(
    deps,
    Array.isArray(input.virtualMachines) ? input.virtualMachines : [],
    input.subscription,
  );
  const wanted = (input.vault ?? '').trim();
  if (!wanted)
    throw new Refusal(vscode.l10n.t('Name the Recovery Services vault to protect the virtual machines with.'));
  const home = found[0];
  const vault = await findVault(home.service, home.subscription.subscriptionId, wanted);
  const policyName = input.policy?.trim() || 'DefaultPolicy';
  const policies = await policyChoices(home.service, vaultRef(vault));
  const policy = policies.find((p) => p.name.toLowerCase() === policyName.toLowerCase());
  if (!policy)
    throw new Refusal(
      vscode.l10n.t(
        'The vault {0} has no virtual machine policy {1}. Its policies: {2}',
        plain(vault.name),
        plain(policyName),
        nameList(policies.map((p) => p.name)) || '-',
      ),
    );
  const todo: FoundVm[] = [];
  const refused: string[] = [];
  // Read only when a VM needs an Enhanced policy: whether this one is.
  const standard = found.some((f) => needsEnhancedPolicy(f.vm))
    ? !isEnhancedPolicy(await home.service.getPolicy(vaultRef(vault), policy.name))
    : false;
  for (const f of found) {
    const { vm } = f;
    const protection = vm.protection;
    const enhancedReason = standard ? needsEnhancedPolicy(vm) : undefined;
    if (isActivelyProtected(protection?.state))
      refused.push(
        alreadyProtectedText(plain(vm.name), {
          vaultName: plain(protection?.vaultName ?? ''),
          policyName: protection?.policyName && plain(protection.policyName),
        }),
      );
    else if (!sameId(vm.subscriptionId, vault.subscriptionId))
      refused.push(
        vscode.l10n.t('{0} is in another subscription than the vault {1}.', plain(vm.name), plain(vault.name)),
      );
    else if (vm.location.toLowerCase() !== vault.location.toLowerCase())
      refused.push(
        vscode.l10n.t(
          '{0} is in {1}, the vault {2} in {3}: a vault protects only virtual machines of its own region.',
          plain(vm.name),
          regionDisplayName(vm.location),
          plain(vault.name),
          regionDisplayName(vault.location),
        ),
      );
    else if (enhancedReason)
      refused.push(
        vscode.l10n.t(
          '{0}: {1} is a Standard policy.',
          enhancedReasonSentence(plain(vm.name), enhancedReason, vscode.l10n),
          plain(policy.name),
        ),
      );
    else if (deps.jobs.isBusy(vm.id))
      refused.push(vscode.l10n.t('Backup of {0} is already being configured.', plain(vm.name)));
    else todo.push(f);
  }
  return { service: home.service, vault, policyName: policy.name, todo, refused };
}

function vmNames(p: EnablePlan): string {
  return nameList(p.todo.map((f) => `${f.vm.name} (${f.vm.resourceGroup})`));
}

export function enableBackupTool(deps: ToolDeps): vscode.LanguageModelTool<EnableBackupInput> {
  return {
    async prepareInvocation(options) {
      if (deps.session.mode === 'signedOut') return undefined;
      let p: EnablePlan;
      try {
        p = await plan(deps, options.input);
      } catch {
        // Nothing will be written: invoke answers with the refusal.
        return { invocationMessage: vscode.l10n.t('Checking the virtual machines to protect') };
      }
      if (p.todo.length === 0) return { invocationMessage: vscode.l10n.t('Checking the virtual machines to protect') };
      const lines = [
        vscode.l10n.t('Enable Azure Backup for {0} virtual machines: {1}.', p.todo.length, vmNames(p)),
        vscode.l10n.t(
          'Vault: {0} (resource group {1}, {2}). Policy: {3}.',
          plain(p.vault.name),
          plain(p.vault.resourceGroup),
          regionDisplayName(p.vault.location),
          plain(p.policyName),
        ),
        vscode.l10n.t(
          'Each virtual machine gets a first backup and then the scheduled backups of the policy; protected instances and backup storage are billed.',
        ),
      ];
      if (p.refused.length > 0) lines.push(vscode.l10n.t('Left out: {0}', p.refused.join(' ')));
      return {
        invocationMessage: vscode.l10n.t('Enabling backup for {0} virtual machines', p.todo.length),
        confirmationMessages: { title: vscode.l10n.t('Enable backup?'), message: literal(lines) },
      };
    },
    async invoke(options, token) {
      if (deps.session.mode === 'signedOut') return textResult(signedOutText());
      try {
        const p = await plan(deps, options.input);
        // Stopped while the plan was read: nothing has been written yet, and nothing will be.
        if (token.isCancellationRequested) return textResult(vscode.l10n.t('Cancelled: nothing more was done.'));
        if (p.todo.length === 0) return textResult(vscode.l10n.t('Nothing was enabled.'), ...p.refused);
        // A VM whose enable runs meanwhile (its form, another call) is joined by the Azure layer, not enabled twice.
        const results = await enableFromCoverage(
          deps.session,
          deps.tree,
          [
            {
              subscriptionId: p.vault.subscriptionId,
              vaultId: p.vault.id,
              policyName: p.policyName,
              vmIds: p.todo.map((f) => f.vm.id),
            },
          ],
          () => undefined,
        );
        const nameOf = (vmId: string): string => plain(p.todo.find((f) => sameId(f.vm.id, vmId))?.vm.name ?? vmId);
        const done = results.filter((r) => r.state === 'done');
        const lines = [
          vscode.l10n.t(
            'Backup enabled for {0} of {1} virtual machines in {2} with the policy {3}.',
            done.length,
            p.todo.length + p.refused.length,
            plain(p.vault.name),
            plain(p.policyName),
          ),
        ];
        if (done.length > 0) lines.push(vscode.l10n.t('Enabled: {0}', nameList(done.map((r) => nameOf(r.vmId)))));
        for (const r of results) {
          if (r.state === 'skipped')
            lines.push(
              vscode.l10n.t(
                '{0} was already protected by {1}; nothing was changed.',
                nameOf(r.vmId),
                plain(r.vaultName ?? ''),
              ),
            );
          if (r.state === 'failed') lines.push(vscode.l10n.t('{0} failed: {1}', nameOf(r.vmId), errorText(r.error)));
        }
        lines.push(...p.refused);
        return textResult(...lines);
      } catch (error) {
        return textResult(error instanceof Refusal ? error.message : failureText(error));
      }
    },
  };
}
