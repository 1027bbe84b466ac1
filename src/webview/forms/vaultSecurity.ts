// The Vault security form: its messages, payload check and strings (page: src/webview-ui/forms/vaultSecurity.ts).
// Type-only, so the payload check loads without vscode; `npm run l10n` finds strings in files that import vscode.
import type * as vscode from 'vscode';
import type { SecurityState } from '../../azure/model';
import { onlyKeys, str, typedInt } from '../shape';
import { defineForm } from './contract';

export interface VaultSecurityInit {
  vaultName: string;
  softDelete: SecurityState;
  softDeleteRetentionDays: number;
  enhancedSecurity: SecurityState;
  /** Read-only lines: immutability and multi-user authorization, already in words. */
  immutability: string;
  multiUserAuthorization: string;
}
/** `confirmName`: the vault's name, typed when a setting becomes always on (it cannot be undone). */
export interface VaultSecuritySubmit {
  softDelete: SecurityState;
  softDeleteRetentionDays: number;
  enhancedSecurity: SecurityState;
  confirmName: string;
}

export const securityStates: readonly SecurityState[] = ['Enabled', 'Disabled', 'AlwaysOn'];
const isState = (v: unknown): v is SecurityState =>
  typeof v === 'string' && (securityStates as readonly string[]).includes(v);

type L10n = Pick<typeof vscode, 'l10n'>;

export const vaultSecurityForm = defineForm<VaultSecurityInit, VaultSecuritySubmit>()({
  kind: 'vaultSecurity',
  parseSubmit(p) {
    const days = typedInt(p.softDeleteRetentionDays);
    const confirmName = str(p.confirmName);
    if (
      !onlyKeys(p, ['softDelete', 'softDeleteRetentionDays', 'enhancedSecurity', 'confirmName']) ||
      !isState(p.softDelete) ||
      !isState(p.enhancedSecurity) ||
      days === undefined ||
      confirmName === undefined
    )
      return undefined;
    return {
      softDelete: p.softDelete,
      softDeleteRetentionDays: days,
      enhancedSecurity: p.enhancedSecurity,
      confirmName,
    };
  },
  strings: (vscode: L10n) => ({
    submit: vscode.l10n.t('Save'),
    softDelete: vscode.l10n.t('Soft delete'),
    enhancedSecurity: vscode.l10n.t('Enhanced security'),
    Enabled: vscode.l10n.t('On'),
    Disabled: vscode.l10n.t('Off'),
    AlwaysOn: vscode.l10n.t('Always on (cannot be turned off again)'),
    retention: vscode.l10n.t('Keep deleted backup data for (days)'),
    retentionHelp: vscode.l10n.t('14 to 180 days.'),
    retentionRange: vscode.l10n.t('Enter a whole number from {0} to {1}.', 14, 180),
    alwaysOnLocked: vscode.l10n.t('Always on: it cannot be turned off.'),
    confirmName: vscode.l10n.t('Type the vault name to confirm always on'),
    confirmHelp: vscode.l10n.t('Always on cannot be undone: not here, not in the portal.'),
    immutability: vscode.l10n.t('Immutability'),
    multiUserAuthorization: vscode.l10n.t('Multi-user authorization'),
    readOnlyNote: vscode.l10n.t('Immutability and multi-user authorization are changed in the Azure portal.'),
  }),
});
