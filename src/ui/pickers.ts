import * as vscode from 'vscode';
import type { BackupService, ItemRef } from '../azure/backupService';
import type { BackupItem, Policy, RecoveryPoint, Subscription, Vault, VirtualMachine } from '../azure/model';
import { itemProtectionStatus } from '../azure/protectionState';
import { protectionStatusLabel } from '../presentation/protectionText';
import { consistencyLabel, tierLabel } from '../presentation/recoveryPointText';
import { formatDateTime } from '../presentation/time';
import { regionDisplayName } from '../azure/regionNames';
import { UserCancelled } from './errorInfo';
import * as notify from './notify';
import type { AccountSession } from '../session/session';

interface Pick<T> extends vscode.QuickPickItem {
  value: T;
}

/** A QuickPick that resolves to the chosen value or throws UserCancelled (silent in the command wrapper). */
async function pick<T>(items: Promise<Pick<T>[]> | Pick<T>[], placeHolder: string, empty: string): Promise<T> {
  const loaded = await items;
  if (loaded.length === 0) {
    void notify.info(empty);
    throw new UserCancelled();
  }
  const chosen = await notify.quickPick(loaded, { placeHolder, ignoreFocusOut: true, matchOnDescription: true });
  if (!chosen) throw new UserCancelled();
  return chosen.value;
}

export async function pickSubscription(session: AccountSession): Promise<Subscription> {
  if (session.mode === 'signedOut') {
    void notify.info(vscode.l10n.t('Sign in to Azure or open the sandbox first.'));
    throw new UserCancelled();
  }
  const contexts = await session.listSubscriptions();
  if (contexts.length === 1) return contexts[0].subscription;
  return pick(
    contexts.map((c) => ({
      label: c.subscription.displayName,
      description: c.subscription.subscriptionId,
      value: c.subscription,
    })),
    vscode.l10n.t('Select a subscription'),
    vscode.l10n.t('No subscriptions to choose from.'),
  );
}

export async function pickVault(
  service: BackupService,
  subscriptionId: string,
  filter: (v: Vault) => boolean = () => true,
): Promise<Vault> {
  const vaults = (async () =>
    (await service.listVaults(subscriptionId)).items.filter(filter).map((v) => ({
      label: v.name,
      description: `${regionDisplayName(v.location)} · ${v.resourceGroup}`,
      value: v,
    })))();
  return pick(
    vaults,
    vscode.l10n.t('Select a Recovery Services vault'),
    vscode.l10n.t('No Recovery Services vaults found.'),
  );
}

export async function pickBackupItem(service: BackupService, vault: Vault): Promise<BackupItem> {
  const ref = { subscriptionId: vault.subscriptionId, resourceGroup: vault.resourceGroup, name: vault.name };
  const items = (async () =>
    (await service.listBackupItems(ref)).items.map((i) => ({
      label: i.friendlyName,
      description: protectionStatusLabel(itemProtectionStatus(i), vscode.l10n),
      value: i,
    })))();
  return pick(items, vscode.l10n.t('Select a backup item'), vscode.l10n.t('This vault protects no items.'));
}

/** A VM the filter lets through; `empty` says why there is none, given how many VMs the subscription has. */
export async function pickVm(
  service: BackupService,
  subscriptionId: string,
  filter: (vm: VirtualMachine) => boolean,
  empty: (total: number) => string,
): Promise<VirtualMachine> {
  const all = await service.listVirtualMachinesWithProtection(subscriptionId);
  const vms = all.filter(filter).map((vm) => ({
    label: vm.name,
    description: `${regionDisplayName(vm.location)} · ${vm.resourceGroup}`,
    value: vm,
  }));
  return pick(vms, vscode.l10n.t('Select a virtual machine'), empty(all.length));
}

/** A recovery point of the item, newest first (the first page of the service's); `usable` leaves out points that cannot serve. */
export async function pickRecoveryPoint(
  service: BackupService,
  item: BackupItem,
  ref: ItemRef,
  usable: (p: RecoveryPoint) => boolean = () => true,
): Promise<RecoveryPoint> {
  const points = (async () =>
    (await service.listRecoveryPoints(ref, { maxItems: 100 })).items.filter(usable).map((p) => ({
      label: formatDateTime(p.time, vscode.env.language),
      description: `${consistencyLabel(p.consistency, vscode.l10n)} · ${tierLabel(p.tier, vscode.l10n)}`,
      value: p,
    })))();
  return pick(
    points,
    vscode.l10n.t('Select a recovery point of {0}', item.friendlyName),
    vscode.l10n.t('{0} has no recovery point that can be used for this.', item.friendlyName),
  );
}

export async function pickPolicy(service: BackupService, vault: Vault): Promise<Policy> {
  const ref = { subscriptionId: vault.subscriptionId, resourceGroup: vault.resourceGroup, name: vault.name };
  const policies = (async () =>
    (await service.listPolicies(ref)).items
      .filter((p) => p.backupManagementType === 'AzureIaasVM')
      .map((p) => ({ label: p.name, value: p })))();
  return pick(
    policies,
    vscode.l10n.t('Select a backup policy'),
    vscode.l10n.t('This vault has no VM backup policies.'),
  );
}

/**
 * A modal confirmation. `keep` names the way out when the modal's own "Cancel" would read as the action itself
 * (cancelling a job): the dialog then shows the action and `keep`, and no separate Cancel.
 */
export async function confirm(message: string, action: string, keep?: string): Promise<void> {
  const choice =
    keep === undefined
      ? await notify.modal('warning', message, action)
      : await notify.modalWithWayOut('warning', message, action, keep);
  if (choice !== action) throw new UserCancelled();
}
