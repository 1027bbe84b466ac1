import * as vscode from 'vscode';
import * as notify from '../ui/notify';
import type { CommandDefinition } from './commandDeps';
import { pickSubscription } from '../ui/pickers';
import { sameId } from '../azure/ids';

/** Chooses which subscriptions the tree shows (setting azureBackup.selectedSubscriptions; none checked = all). */
export const selectSubscriptions: CommandDefinition = {
  id: 'azureBackup.selectSubscriptions',
  title: () => vscode.l10n.t('Select subscriptions'),
  async run(deps, ...args) {
    const config = vscode.workspace.getConfiguration('azureBackup');
    const given = args.find((a): a is string[] => Array.isArray(a) && a.every((x) => typeof x === 'string'));
    let ids: string[];
    if (given) {
      ids = given;
    } else {
      if (deps.session.mode === 'signedOut') await pickSubscription(deps.session);
      const all = await deps.session.allSubscriptions();
      const current = config.get<string[]>('selectedSubscriptions') ?? [];
      const items = all.map((c) => ({
        label: c.subscription.displayName,
        description: c.subscription.subscriptionId,
        id: c.subscription.subscriptionId,
        picked: current.length === 0 || current.some((x) => sameId(x, c.subscription.subscriptionId)),
      }));
      const chosen = await notify.quickPickMany(items, {
        placeHolder: vscode.l10n.t('Select the subscriptions to show'),
      });
      if (!chosen) return undefined;
      ids = chosen.length === all.length ? [] : chosen.map((c) => c.id);
    }
    await config.update('selectedSubscriptions', ids, vscode.ConfigurationTarget.Global);
    deps.session.reset();
    return ids;
  },
};
