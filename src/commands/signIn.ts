import * as vscode from 'vscode';
import * as notify from '../ui/notify';
import type { CommandDefinition, CommandDeps } from './commandDeps';

async function signInWith(deps: CommandDeps, kind: 'vscode' | 'azureCli'): Promise<boolean> {
  const provider = await deps.createProvider(kind);
  const ok = await deps.session.signIn(provider);
  if (!ok) void notify.info(vscode.l10n.t('Sign-in was not completed.'));
  return ok;
}

export const signIn: CommandDefinition = {
  id: 'azureBackup.signIn',
  title: () => vscode.l10n.t('Sign in to Azure'),
  // From a tenant node ("Sign in to tenant …"), the tenant id comes along: sign in to that tenant of the account.
  run: async (deps, tenantId?: unknown) => {
    if (typeof tenantId === 'string' && deps.session.mode !== 'signedOut' && deps.session.mode !== 'sandbox') {
      await deps.session.signInToTenant(tenantId);
      return true;
    }
    return signInWith(deps, 'vscode');
  },
};

export const signInWithAzureCli: CommandDefinition = {
  id: 'azureBackup.signInWithAzureCli',
  title: () => vscode.l10n.t('Sign in with the Azure CLI'),
  run: (deps) => signInWith(deps, 'azureCli'),
};
