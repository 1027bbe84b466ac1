import * as vscode from 'vscode';
import { withProgress } from '../../ui/progress';
import { confirm } from '../../ui/pickers';
import { showError } from '../../ui/showError';
import type { PolicyInput, Policy } from '../../azure/model';
import type { VaultTarget } from './targets';
import { vaultRef } from '../../tree/refs';
import { fieldMessage, policyProblem, retentionShrinks } from '../../webview/rules';
import { fieldError } from '../../webview/replyError';
import type { CommandDeps } from '../commandDeps';
import { formStrings, policyNameTakenMessage } from '../../webview/fieldMessages';
import { policyPage, policyToInput } from './policyDocument';

const timeZones = [
  'UTC',
  'W. Europe Standard Time',
  'GMT Standard Time',
  'Eastern Standard Time',
  'Pacific Standard Time',
  'Central European Standard Time',
  'Tokyo Standard Time',
  'India Standard Time',
  'AUS Eastern Standard Time',
];

/** The host's check of a policy, with the Azure layer's rules (the form checks the same live): a message on its field. */
export function checkPolicy(input: PolicyInput): void {
  const problem = policyProblem(input);
  if (!problem) return;
  throw Object.assign(new Error(fieldMessage(formStrings('policy'), problem)), { field: problem.field });
}

/** A policy keeps its type (Standard or Enhanced) when edited: the service moves no policy between them. */
export function refuseTypeChange(policy: Policy, input: PolicyInput): void {
  if ((input.policyType ?? 'V1') !== (policy.policyType === 'V2' ? 'V2' : 'V1'))
    throw fieldError(formStrings('policy')['policy.typeChanged'], 'policyType');
}

/** Every policy name of the vault, any workload: Azure's policy names are case-insensitive. */
async function policyNames(target: VaultTarget): Promise<string[]> {
  const names: string[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await target.service.listPolicies(vaultRef(target.vault), { continuationToken });
    names.push(...page.items.map((p) => p.name));
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return names;
}

/**
 * A PUT with an existing name replaces that policy (and a shorter retention deletes its items' older points), so a
 * create asks Azure for the vault's names first: the page's own check runs on a list that may be stale, or be skipped.
 */
async function refuseTakenName(target: VaultTarget, name: string): Promise<void> {
  const taken = (await policyNames(target)).find((n) => n.toLowerCase() === name.toLowerCase());
  if (taken !== undefined) throw fieldError(policyNameTakenMessage(taken), 'name');
}

/** Before a policy in use keeps its points for less time: say what is deleted and ask (read afresh: the tree may be stale). */
async function confirmRetentionCut(target: VaultTarget, input: PolicyInput): Promise<void> {
  const current = await target.service.getPolicy(vaultRef(target.vault), input.name);
  const count = current.protectedItemsCount;
  if (count === 0 || !retentionShrinks(policyToInput(current), input)) return;
  const message =
    count === 1
      ? vscode.l10n.t(
          'Policy {0} protects 1 item and its new retention is shorter: existing recovery points older than the new retention are deleted.',
          current.name,
        )
      : vscode.l10n.t(
          'Policy {0} protects {1} items and its new retention is shorter: existing recovery points older than the new retention are deleted.',
          current.name,
          count,
        );
  await confirm(message, vscode.l10n.t('Save and shorten retention'));
}

export async function savePolicy(deps: CommandDeps, target: VaultTarget, input: PolicyInput): Promise<Policy> {
  checkPolicy(input);
  // Cancellable: a stalled request must not hold the user (saving again is idempotent).
  const policy = await withProgress(vscode.l10n.t('Saving policy {0}…', input.name), true, (signal) =>
    target.service.createOrUpdatePolicy(vaultRef(target.vault), input, signal),
  );
  deps.tree.refreshResource(target.vault.id, ['policies']);
  return policy;
}

/** A new policy: refused when the vault has one of that name. */
export async function createNewPolicy(deps: CommandDeps, target: VaultTarget, input: PolicyInput): Promise<Policy> {
  checkPolicy(input);
  await refuseTakenName(target, input.name);
  return savePolicy(deps, target, input);
}

/** Changes to an existing policy: a retention cut on a policy in use is confirmed first (unless `confirmed`). */
export async function changePolicy(
  deps: CommandDeps,
  target: VaultTarget,
  input: PolicyInput,
  confirmed = false,
): Promise<Policy> {
  checkPolicy(input);
  if (!confirmed) await confirmRetentionCut(target, input);
  return savePolicy(deps, target, input);
}

export async function openPolicyForm(
  deps: CommandDeps,
  target: VaultTarget,
  mode: 'create' | 'edit' | 'view',
  policy?: Policy,
): Promise<void> {
  const takenNames = mode === 'create' ? await policyNames(target) : undefined;
  deps.forms.open({
    kind: 'policy',
    key: `${target.vault.id}/${policy?.name ?? '#new'}`,
    title:
      mode === 'create'
        ? vscode.l10n.t('New backup policy in {0}', target.vault.name)
        : vscode.l10n.t('Backup policy {0}', policy?.name ?? ''),
    strings: formStrings('policy'),
    init: {
      vaultName: target.vault.name,
      mode,
      policy: policyToInput(policy),
      timeZones,
      ...(takenNames ? { takenNames } : {}),
      ...(mode === 'edit' && policy ? { protectedItems: policy.protectedItemsCount } : {}),
    },
    submit: async (input) => {
      if (mode === 'view') throw new Error(formStrings('policy').readOnly);
      if (mode === 'edit' && policy && input.name !== policy.name)
        throw Object.assign(new Error(formStrings('policy')['policyName.renamed']), { field: 'name' });
      if (mode === 'edit' && policy) refuseTypeChange(policy, input);
      const saved =
        mode === 'create' ? await createNewPolicy(deps, target, input) : await changePolicy(deps, target, input);
      return { message: vscode.l10n.t('Policy {0} saved.', saved.name) };
    },
    editPolicy: async (name) => {
      // The name comes from the page: only a policy this vault has, and only a VM one, opens for editing.
      try {
        const existing = await target.service.getPolicy(vaultRef(target.vault), name);
        // Policies of other workloads open as the tree's View Policy does.
        if (existing.backupManagementType === 'AzureIaasVM') await openPolicyForm(deps, target, 'edit', existing);
        else await deps.details.show('policy', existing.id, policyPage(existing));
      } catch (error) {
        void showError(deps.log, vscode.l10n.t('Edit policy'), error);
      }
    },
  });
}
