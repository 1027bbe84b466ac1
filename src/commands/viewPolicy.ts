import * as vscode from 'vscode';
import type { CommandDefinition } from './commandDeps';
import { policyPage } from './shared/policyDocument';
import { resolvePolicy } from './shared/targets';

/** Opens the policy's schedule and retention as a read-only page; returns its text. */
export const viewPolicy: CommandDefinition = {
  id: 'azureBackup.viewPolicy',
  title: () => vscode.l10n.t('View policy'),
  async run(deps, node) {
    const { policy } = await resolvePolicy(deps, node);
    return deps.details.show('policy', policy.id, policyPage(policy));
  },
};
