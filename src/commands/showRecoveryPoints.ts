import * as vscode from 'vscode';
import * as notify from '../ui/notify';
import type { RecoveryPoint } from '../azure/model';
import { itemRef } from '../tree/refs';
import { escapeMarkdown } from '../ui/escape';
import type { CommandDefinition } from './commandDeps';
import { resolveItem } from './shared/targets';

export function recoveryPointsMarkdown(itemName: string, points: RecoveryPoint[]): string {
  const lines = [`# ${escapeMarkdown(vscode.l10n.t('Recovery points of {0}', itemName))}`, ''];
  if (points.length === 0) lines.push(escapeMarkdown(vscode.l10n.t('No recovery points yet.')));
  else {
    lines.push(`| ${vscode.l10n.t('Time')} | ${vscode.l10n.t('Type')} | ${vscode.l10n.t('Expires')} | ${vscode.l10n.t('Tiers')} |`, '|---|---|---|---|');
    for (const p of points) {
      const tiers = p.tiers.map((x) => `${x.type} ${x.status}`).join(', ');
      lines.push(`| ${p.time.toISOString()} | ${escapeMarkdown(p.type)} | ${p.expiry ? p.expiry.toISOString().slice(0, 10) : '-'} | ${escapeMarkdown(tiers)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `azureBackup.showRecoveryPoints(itemNode?)`: opens the list; returns the points. */
export const showRecoveryPoints: CommandDefinition = {
  id: 'azureBackup.showRecoveryPoints',
  title: () => vscode.l10n.t('Show recovery points'),
  async run(deps, node) {
    const target = await resolveItem(deps, node);
    if ('vm' in target) {
      void notify.info(vscode.l10n.t('{0} is not protected yet. Enable backup first.', target.vm.name));
      return [];
    }
    const points: RecoveryPoint[] = [];
    let token: string | undefined;
    do {
      const page = await target.service.listRecoveryPoints(itemRef(target.item), { continuationToken: token });
      points.push(...page.items);
      token = page.continuationToken;
    } while (token && points.length < 500);
    await deps.details.show('recoveryPoints', target.item.friendlyName, recoveryPointsMarkdown(target.item.friendlyName, points));
    return points;
  },
};
