import * as vscode from 'vscode';
import type { PolicyInput } from '../azure/model';
import type { CommandDefinition } from './commandDeps';
import { createNewPolicy, openPolicyForm } from './shared/policyForm';
import { resolveVault } from './shared/targets';

/** `azureBackup.createPolicy(vaultNode?, policyInput?)` */
export const createPolicy: CommandDefinition = {
  id: 'azureBackup.createPolicy',
  title: () => vscode.l10n.t('Create policy'),
  async run(deps, node, input) {
    const target = await resolveVault(deps, node);
    if (typeof input === 'object' && input !== null) return createNewPolicy(deps, target, input as PolicyInput);
    await openPolicyForm(deps, target, 'create');
    return undefined;
  },
};
