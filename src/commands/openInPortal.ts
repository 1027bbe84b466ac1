import * as vscode from 'vscode';
import * as notify from '../ui/notify';
import type { CommandDefinition } from './commandDeps';
import { resourceIdOf } from './shared/resourceIdOf';
import { resolveVault } from './shared/targets';

/** The sandbox's resources exist only in its local emulator: say so, and offer the id instead. */
async function explainNoPortal(id: string): Promise<void> {
  const copy = vscode.l10n.t('Copy Resource ID');
  const name = id.split('/').filter(Boolean).pop() ?? id;
  const choice = await notify.info(
    vscode.l10n.t(
      "The Azure portal cannot show {0}: the sandbox's resources exist only in its emulator on this computer.",
      name,
    ),
    copy,
  );
  if (choice === copy) {
    await vscode.env.clipboard.writeText(id);
    notify.status(vscode.l10n.t('Copied {0}', id), 3000);
  }
}

/** Opens the resource in the Azure portal of the session's cloud (the sandbox has none). */
export const openInPortal: CommandDefinition = {
  id: 'azureBackup.openInPortal',
  title: () => vscode.l10n.t('Open in portal'),
  async run(deps, node) {
    const resource =
      resourceIdOf(node) ??
      (await (async () => {
        const { vault } = await resolveVault(deps, node);
        return { id: vault.id, subscriptionId: vault.subscriptionId };
      })());
    const portal = await deps.session.portalUrl(resource.subscriptionId);
    if (!portal) {
      // Not awaited: the command ends while the message waits for the user.
      void explainNoPortal(resource.id);
      return undefined;
    }
    const uri = vscode.Uri.parse(`${portal.replace(/\/$/, '')}/#@/resource${resource.id}`);
    await vscode.env.openExternal(uri);
    return uri.toString();
  },
};
