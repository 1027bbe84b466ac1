// Sentences for the protection states (protectionState.ts): the tree, the pickers and the coverage page say
// the same thing for the same state. Takes a Localize-style l10n so it is unit-tested without VS Code.
// The vscode type import lets the l10n string extractor see the l10n.t() calls; nothing is loaded at runtime.
import type * as vscode from 'vscode';
import type { ProtectionStatus } from '../azure/protectionState';
import type { L10n } from './describe';

/** vscode.l10n fits L10n. The type-only vscode import also lets `npm run l10n` find this file's strings. @public */
export type StateL10n = Pick<typeof vscode.l10n, 't'> | L10n;

/** The state on its own: "Protection stopped (data retained)". */
export function protectionStatusLabel(status: ProtectionStatus | undefined, l10n: L10n): string {
  switch (status) {
    case 'Protected':
      return l10n.t('Protected');
    case 'InitialBackupPending':
      return l10n.t('Initial backup pending');
    case 'ProtectionStopped':
      return l10n.t('Protection stopped (data retained)');
    case 'SoftDeleted':
      return l10n.t('Soft deleted (backup data kept until purged)');
    case 'ProtectionError':
      return l10n.t('Protection error');
    case 'NotProtected':
      return l10n.t('Not protected');
    default:
      return l10n.t('Protection unknown');
  }
}

/** The state with its vault, for a VM: "Protected by contoso-vault", "Protection stopped in contoso-vault (data retained)". */
export function protectionWithVault(
  status: ProtectionStatus | undefined,
  vaultName: string | undefined,
  l10n: L10n,
): string {
  if (!vaultName) return protectionStatusLabel(status, l10n);
  switch (status) {
    case 'Protected':
      return l10n.t('Protected by {0}', vaultName);
    case 'InitialBackupPending':
      return l10n.t('Initial backup pending in {0}', vaultName);
    case 'ProtectionStopped':
      return l10n.t('Protection stopped in {0} (data retained)', vaultName);
    case 'SoftDeleted':
      return l10n.t('Soft deleted in {0}', vaultName);
    case 'ProtectionError':
      return l10n.t('Protection error in {0}', vaultName);
    default:
      return protectionStatusLabel(status, l10n);
  }
}
