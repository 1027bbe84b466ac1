import * as vscode from 'vscode';
import type { PolicyInput } from '../azure/model';
import type { CommandDefinition } from './commandDeps';
import { openPolicyForm, savePolicy } from './shared/policyForm';
import { policyToInput } from './shared/policyDocument';
import { resolvePolicy } from './shared/targets';

/** `azureBackup.editPolicy(policyNode?, changes?)`: changes are merged over the current policy. */
export const editPolicy: CommandDefinition = {
  id: 'azureBackup.editPolicy',
  title: () => vscode.l10n.t('Edit policy'),
  async run(deps, node, input) {
    const target = await resolvePolicy(deps, node);
    if (typeof input === 'object' && input !== null) {
      return savePolicy(deps, target, { ...policyToInput(target.policy), ...(input as Partial<PolicyInput>), name: target.policy.name });
    }
    openPolicyForm(deps, target, 'edit', target.policy);
    return undefined;
  },
};
