import * as vscode from 'vscode';
import * as notify from '../ui/notify';
import type { RecoveryPoint } from '../azure/model';
import { itemRef } from '../tree/refs';
import type { DetailsPage } from '../presentation/detailsPage';
import { formatDateTime } from '../presentation/time';
import type { CommandDefinition } from './commandDeps';
import { resolveItem } from './shared/targets';

function pointTypeLabel(type: string): string {
  switch (type) {
    case 'AppConsistent':
      return vscode.l10n.t('Application consistent');
    case 'CrashConsistent':
      return vscode.l10n.t('Crash consistent');
    case 'FileSystemConsistent':
      return vscode.l10n.t('File-system consistent');
    default:
      return type;
  }
}

/** Where a recovery point is kept: the snapshot tier or the vault; a status other than valid is said. */
function tierLabel(tier: { type: string; status: string }): string {
  const where =
    tier.type === 'InstantRP'
      ? vscode.l10n.t('Snapshot')
      : tier.type === 'HardenedRP'
        ? vscode.l10n.t('Vault')
        : tier.type === 'ArchivedRP'
          ? vscode.l10n.t('Archive')
          : tier.type;
  return tier.status === 'Valid' ? where : vscode.l10n.t('{0} ({1})', where, tier.status);
}

/** The item's recovery points as a table; times in the display language and this machine's time zone. */
export function recoveryPointsPage(
  itemName: string,
  points: RecoveryPoint[],
  locale = vscode.env.language,
): DetailsPage {
  const title = vscode.l10n.t('Recovery points of {0}', itemName);
  if (points.length === 0) return { title, sections: [{ note: vscode.l10n.t('No recovery points yet.') }] };
  return {
    title,
    sections: [
      {
        table: {
          columns: [
            vscode.l10n.t('Time'),
            vscode.l10n.t('Type'),
            vscode.l10n.t('Kept until'),
            vscode.l10n.t('Stored in'),
          ],
          rows: points.map((p) => [
            formatDateTime(p.time, locale),
            pointTypeLabel(p.type),
            p.expiry ? formatDateTime(p.expiry, locale) : vscode.l10n.t('No expiry set'),
            p.tiers.map(tierLabel).join(', '),
          ]),
        },
      },
    ],
  };
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
    deps.details.show('recoveryPoints', target.item.id, recoveryPointsPage(target.item.friendlyName, points));
    return points;
  },
};
