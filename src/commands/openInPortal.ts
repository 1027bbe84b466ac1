import * as vscode from 'vscode';
import * as notify from '../ui/notify';
import type { CommandDefinition } from './commandDeps';
import { resourceIdOf } from './shared/resourceIdOf';
import { resolveVault } from './shared/targets';

/** Opens the resource in the Azure portal of the session's cloud (the sandbox has none). */
export const openInPortal: CommandDefinition = {
  id: 'azureBackup.openInPortal',
  title: () => vscode.l10n.t('Open in portal'),
  async run(deps, node) {
    const resource = resourceIdOf(node) ?? await (async () => {
      const { vault } = await resolveVault(deps, node);
      return { id: vault.id, subscriptionId: vault.subscriptionId };
    })();
    const portal = await deps.session.portalUrl(resource.subscriptionId);
    if (!portal) {
      void notify.info(vscode.l10n.t('The sandbox has no portal. Resource id: {0}', resource.id));
      return undefined;
    }
    const uri = vscode.Uri.parse(`${portal.replace(/\/$/, '')}/#@/resource${resource.id}`);
    await vscode.env.openExternal(uri);
    return uri.toString();
  },
};
