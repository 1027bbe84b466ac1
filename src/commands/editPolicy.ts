import * as vscode from 'vscode';
import type { PolicyInput } from '../azure/model';
import type { CommandDefinition } from './commandDeps';
import { changePolicy, openPolicyForm, refuseTypeChange } from './shared/policyForm';
import { policyToInput } from './shared/policyDocument';
import { resolvePolicy } from './shared/targets';

/**
 * `azureBackup.editPolicy(policyNode?, changes?, {confirmed}?)`: changes are merged over the current policy; a cut in
 * the retention of a policy in use is confirmed with the user unless `confirmed` is true.
 */
export const editPolicy: CommandDefinition = {
  id: 'azureBackup.editPolicy',
  title: () => vscode.l10n.t('Edit policy'),
  async run(deps, node, input, options) {
    const target = await resolvePolicy(deps, node);
    if (typeof input === 'object' && input !== null) {
      const confirmed = (options as { confirmed?: unknown } | undefined)?.confirmed === true;
      const changed = { ...policyToInput(target.policy), ...(input as Partial<PolicyInput>), name: target.policy.name };
      refuseTypeChange(target.policy, changed);
      return changePolicy(deps, target, changed, confirmed);
    }
    await openPolicyForm(deps, target, 'edit', target.policy);
    return undefined;
  },
};
