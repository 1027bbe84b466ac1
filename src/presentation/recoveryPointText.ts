// A recovery point in words: its consistency, where it is kept (tier) and what it can be used for. The tree, the
// pickers and the recovery points page say it the same way.
import type { RecoveryPoint, RecoveryPointConsistency, RecoveryPointTier } from '../azure/model';
import type { L10n } from './describe';
// The vscode type import lets `npm run l10n` find this file's strings; nothing is loaded at runtime.
import type * as vscode from 'vscode';

type Words = L10n | Pick<typeof vscode.l10n, 't'>;

export function consistencyLabel(consistency: RecoveryPointConsistency, l10n: Words): string {
  switch (consistency) {
    case 'ApplicationConsistent':
      return l10n.t('Application consistent');
    case 'FileSystemConsistent':
      return l10n.t('File-system consistent');
    case 'CrashConsistent':
      return l10n.t('Crash consistent');
    default:
      return l10n.t('Consistency unknown');
  }
}

/** The point's type as the portal names it: where its copies are (snapshot, snapshot and vault, vault, archive). */
export function tierLabel(tier: RecoveryPointTier, l10n: Words): string {
  switch (tier) {
    case 'Snapshot':
      return l10n.t('Snapshot');
    case 'SnapshotAndVault':
      return l10n.t('Snapshot and vault');
    case 'Vault':
      return l10n.t('Vault');
    case 'Archive':
      return l10n.t('Archive');
    default:
      return l10n.t('Tier unknown');
  }
}

/** An archived point cannot be restored or mounted without rehydration, which this extension does not offer. */
export function isArchived(point: Pick<RecoveryPoint, 'tier'>): boolean {
  return point.tier === 'Archive';
}
