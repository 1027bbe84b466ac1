import * as vscode from 'vscode';
import { withProgress } from '../../ui/progress';
import type { PolicyInput, Policy } from '../../azure/model';
import type { VaultTarget } from './targets';
import { vaultRef } from '../../tree/refs';
import { policyProblem, rangeMessage } from '../../webview/rules';
import type { CommandDeps } from '../commandDeps';
import { formStrings } from './formStrings';
import { refreshVault } from './refreshAffected';
import { policyToInput } from './policyDocument';

const timeZones = ['UTC', 'W. Europe Standard Time', 'GMT Standard Time', 'Eastern Standard Time', 'Pacific Standard Time', 'Central European Standard Time', 'Tokyo Standard Time', 'India Standard Time', 'AUS Eastern Standard Time'];

/** The host's check of a policy, with the Azure layer's rules (the form checks the same live): a message on its field. */
export function checkPolicy(input: PolicyInput): void {
  const problem = policyProblem(input);
  if (!problem) return;
  const s = formStrings('policy');
  const message = problem.range ? rangeMessage(s, problem.range) : s[problem.key];
  throw Object.assign(new Error(message), { field: problem.field });
}

export async function savePolicy(deps: CommandDeps, target: VaultTarget, input: PolicyInput): Promise<Policy> {
  checkPolicy(input);
  // Cancellable: a stalled request must not hold the user (saving again is idempotent).
  const policy = await withProgress(vscode.l10n.t('Saving policy {0}…', input.name), true, (signal) => target.service.createOrUpdatePolicy(vaultRef(target.vault), input, signal));
  refreshVault(deps.tree, target.vault.id, ['policies']);
  return policy;
}

export function openPolicyForm(deps: CommandDeps, target: VaultTarget, mode: 'create' | 'edit' | 'view', policy?: Policy): void {
  deps.forms.open({
    kind: 'policy', key: `${target.vault.id}/${policy?.name ?? '#new'}`,
    title: mode === 'create' ? vscode.l10n.t('New backup policy in {0}', target.vault.name) : vscode.l10n.t('Backup policy {0}', policy?.name ?? ''),
    strings: formStrings('policy'),
    init: { vaultName: target.vault.name, mode, policy: policyToInput(policy), timeZones },
    submit: async (input) => {
      if (mode === 'view') throw new Error(formStrings('policy').readOnly);
      if (mode === 'edit' && policy && input.name !== policy.name) throw Object.assign(new Error(formStrings('policy').policyNameInvalid), { field: 'name' });
      const saved = await savePolicy(deps, target, input);
      return { message: vscode.l10n.t('Policy {0} saved.', saved.name) };
    },
  });
}
