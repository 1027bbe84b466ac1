import * as vscode from 'vscode';
import type { BackupService } from '../../azure/backupService';
import type { BackupItem, Vault } from '../../azure/model';
import { UserCancelled } from '../../ui/errorInfo';

/** What deleting the item's backup data does, with the vault's soft-delete setting (unknown when it cannot be read). */
/** The vault's soft-delete setting read now, not from the tree: what a delete does in this vault today (undefined when unreadable). */
export function softDeleteNow(service: BackupService, item: BackupItem): Promise<Vault['softDelete']> {
  const vaultRef = {
    subscriptionId: item.subscriptionId,
    resourceGroup: item.vaultResourceGroup,
    name: item.vaultName,
  };
  return service.getVault(vaultRef).then(
    (v) => v.softDelete,
    () => undefined,
  );
}

/** How the end of a stop with delete data reads: the data deleted for good, or kept in soft delete. */
export function deletedText(name: string, softDelete: Vault['softDelete']): string {
  if (softDelete?.enabled && softDelete.retentionDays !== undefined) {
    return vscode.l10n.t(
      'Protection of {0} stopped and its backup data deleted into soft delete: it is kept {1} days and can be undeleted until then.',
      name,
      softDelete.retentionDays,
    );
  }
  if (softDelete?.enabled)
    return vscode.l10n.t(
      'Protection of {0} stopped and its backup data deleted into soft delete: it can be undeleted until it is purged.',
      name,
    );
  return vscode.l10n.t('Protection of {0} stopped and its backup data deleted.', name);
}

export function deleteConsequence(item: BackupItem, softDelete: Vault['softDelete']): string {
  if (softDelete?.enabled && softDelete.retentionDays !== undefined) {
    return vscode.l10n.t(
      'All recovery points of {0} are deleted. Vault {1} has soft delete on: it keeps them in soft delete for {2} days, when they can still be undeleted, and then removes them for good.',
      item.friendlyName,
      item.vaultName,
      softDelete.retentionDays,
    );
  }
  if (softDelete?.enabled) {
    return vscode.l10n.t(
      'All recovery points of {0} are deleted. Vault {1} has soft delete on: it keeps them in soft delete for its retention period, and then removes them for good.',
      item.friendlyName,
      item.vaultName,
    );
  }
  if (softDelete)
    return vscode.l10n.t(
      'All recovery points of {0} are deleted for good: vault {1} has soft delete off.',
      item.friendlyName,
      item.vaultName,
    );
  return vscode.l10n.t('All recovery points of {0} are deleted.', item.friendlyName);
}

/**
 * Deleting backup data is confirmed by typing the item's name, as the portal asks: one Enter on a dialog is not
 * enough. Escape, or anything but the exact name, cancels and deletes nothing.
 */
export async function confirmDeleteData(item: BackupItem, softDelete: Vault['softDelete']): Promise<void> {
  const name = item.friendlyName;
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Stop protection of {0} and delete its backup data', name),
    prompt: `${deleteConsequence(item, softDelete)} ${vscode.l10n.t('Type {0} to confirm.', name)}`,
    placeHolder: name,
    ignoreFocusOut: true,
    validateInput: (value) =>
      value === '' || value === name ? undefined : vscode.l10n.t('The name does not match: type {0} to confirm.', name),
  });
  if (typed !== name) throw new UserCancelled();
}
