// The vault's security as tooltip rows: soft delete with its retention, immutability and multi-user authorization
// (read-only here), and why a vault holding soft-deleted items cannot be deleted. Pure; takes an L10n.
// The vscode type import lets the l10n string extractor see the l10n.t() calls; nothing is loaded at runtime.
import type * as vscode from 'vscode';
import type { Vault } from '../azure/model';
import type { L10n } from './describe';

/** vscode.l10n fits L10n. The type-only vscode import also lets `npm run l10n` find this file's strings. @public */
export type VscodeL10n = Pick<typeof vscode.l10n, 't'>;

export function softDeleteLabel(softDelete: Vault['softDelete'], l10n: L10n): string | undefined {
  if (!softDelete) return undefined;
  if (!softDelete.enabled) return l10n.t('Off');
  return softDelete.retentionDays === undefined
    ? l10n.t('On')
    : l10n.t('On, deleted data kept {0} days', softDelete.retentionDays);
}

export function immutabilityLabel(state: Vault['immutability'], l10n: L10n): string | undefined {
  switch (state) {
    case 'Disabled':
      return l10n.t('Off');
    case 'Unlocked':
      return l10n.t('On (not locked)');
    case 'Locked':
      return l10n.t('Locked (cannot be turned off)');
    default:
      return undefined;
  }
}

export function vaultSecurityRows(
  vault: Vault,
  softDeletedItems: number | undefined,
  l10n: L10n,
): [string, string | undefined][] {
  const mua = vault.multiUserAuthorization;
  return [
    [l10n.t('Soft delete'), softDeleteLabel(vault.softDelete, l10n)],
    [l10n.t('Immutability'), immutabilityLabel(vault.immutability, l10n)],
    [
      l10n.t('Multi-user authorization'),
      mua === undefined
        ? undefined
        : mua
          ? l10n.t('On: a Resource Guard must approve critical operations')
          : l10n.t('Off'),
    ],
    [
      l10n.t('Soft-deleted items'),
      softDeletedItems
        ? l10n.t(
            '{0}: the vault cannot be deleted until they are purged or undeleted and their data deleted',
            softDeletedItems,
          )
        : undefined,
    ],
  ];
}
