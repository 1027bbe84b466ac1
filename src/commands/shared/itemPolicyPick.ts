// The QuickPick of a vault's VM policies for one item (Change policy, Resume protection): each by its schedule, the
// item's current (or last) policy first and marked, and, for an item on an Enhanced policy, the Standard ones
// listed apart with the reason the service refuses them.
import * as vscode from 'vscode';
import type { BackupService, TrackOptions } from '../../azure/backupService';
import { isEnhancedPolicy, needsEnhancedPolicy } from '../../azure/enhancedPolicy';
import { idParts } from '../../azure/ids';
import type { AzureOperation, BackupItem, Policy, VirtualMachine } from '../../azure/model';
import { enhancedReasonSentence } from '../../presentation/diskText';
import { policySummary } from '../../presentation/policyText';
import { UserCancelled } from '../../ui/errorInfo';
import * as notify from '../../ui/notify';
import { itemRef } from '../../tree/refs';
import type { CommandDeps } from '../commandDeps';
import { announceJobEnd } from './jobEndNotice';
import { vaultArgument } from './targets';
import { trackOperation } from './trackOperation';

export interface PolicyPickItem extends vscode.QuickPickItem {
  policy?: Policy;
}

/** Why the service refuses the policy for the item; undefined when it may take it. */
export function refusalOf(current: Policy | undefined, next: Policy): string | undefined {
  return current?.policyType === 'V2' && next.policyType === 'V1'
    ? vscode.l10n.t('An item on an Enhanced policy cannot move to a Standard policy.')
    : undefined;
}

/**
 * `enhancedOnly`: why the item's VM needs an Enhanced policy; then only Enhanced policies are listed, under that
 * sentence.
 */
export function policyPickItems(
  policies: Policy[],
  marked: string | undefined,
  markLabel: string,
  current: Policy | undefined,
  enhancedOnly?: string,
): PolicyPickItem[] {
  const isMarked = (p: Policy): boolean => p.name.toLowerCase() === marked?.toLowerCase();
  const sorted = [...policies]
    .filter((p) => !enhancedOnly || isEnhancedPolicy(p))
    .sort((a, b) => Number(isMarked(b)) - Number(isMarked(a)) || a.name.localeCompare(b.name));
  const allowed = sorted.filter((p) => !refusalOf(current, p));
  const refused = sorted.filter((p) => refusalOf(current, p));
  const row = (p: Policy): PolicyPickItem => ({
    label: p.name,
    policy: p,
    description: isMarked(p)
      ? markLabel
      : p.policyType === 'V2'
        ? vscode.l10n.t('Enhanced')
        : vscode.l10n.t('Standard'),
    detail: policySummary(p, vscode.l10n),
  });
  return [
    ...(enhancedOnly && sorted.length ? [{ label: enhancedOnly, kind: vscode.QuickPickItemKind.Separator }] : []),
    ...allowed.map(row),
    ...(refused.length
      ? [{ label: refusalOf(current, refused[0]) ?? '', kind: vscode.QuickPickItemKind.Separator }, ...refused.map(row)]
      : []),
  ];
}

/** The vault's VM policies, read now. */
export async function vmPolicies(service: BackupService, item: BackupItem): Promise<Policy[]> {
  return (await service.listPolicies(itemRef(item))).items.filter((p) => p.backupManagementType === 'AzureIaasVM');
}

/** The item's VM as read now (its disks and security type), or undefined when it cannot be read (gone). */
export async function vmOfItem(service: BackupService, item: BackupItem): Promise<VirtualMachine | undefined> {
  const { subscriptionId, resourceGroup, vm } = idParts(item.sourceResourceId);
  if (!resourceGroup || !vm) return undefined;
  return service
    .getVirtualMachine({ subscriptionId: subscriptionId ?? item.subscriptionId, resourceGroup, name: vm })
    .catch(() => undefined);
}

/** Why the item's VM needs an Enhanced policy, as a sentence; undefined when any policy may protect it. */
export function enhancedOnlySentence(item: BackupItem, vm: VirtualMachine | undefined): string | undefined {
  const reason = vm && needsEnhancedPolicy(vm);
  return reason ? enhancedReasonSentence(item.friendlyName, reason, vscode.l10n) : undefined;
}

/** A Standard policy asked for (by a script) for a VM that needs an Enhanced one: said, and nothing sent. */
export function tellStandardRefused(deps: CommandDeps, enhancedOnly: string, policyName: string): void {
  const text = vscode.l10n.t('{0}: {1} is a Standard policy.', enhancedOnly, policyName);
  deps.log.info(`Notice: ${text}`);
  void notify.warning(text);
}

/**
 * The chosen policy. When nothing can be offered: for a VM that needs an Enhanced policy, says so and offers the
 * policy form on the item's vault.
 */
export async function pickItemPolicy(
  items: PolicyPickItem[],
  placeHolder: string,
  none?: { item: BackupItem; service: BackupService; enhancedOnly?: string },
): Promise<Policy> {
  if (!items.some((i) => i.policy)) {
    if (none?.enhancedOnly) {
      const create = vscode.l10n.t('Create policy');
      const text = vscode.l10n.t(
        '{0}, and vault {1} has none: create an Enhanced policy first.',
        none.enhancedOnly,
        none.item.vaultName,
      );
      const { service, item } = none;
      void notify.info(text, create).then(async (choice) => {
        if (choice !== create) return;
        const vault = await service.getVault(itemRef(item));
        await vscode.commands.executeCommand('azureBackup.createPolicy', vaultArgument(vault));
      });
    } else void notify.info(vscode.l10n.t('This vault has no VM backup policies.'));
    throw new UserCancelled();
  }
  const chosen = await notify.quickPick(items, {
    placeHolder,
    ignoreFocusOut: true,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!chosen?.policy) throw new UserCancelled();
  return chosen.policy;
}

/**
 * Follows a ConfigureBackup of the item (change of policy, resume) like every operation started here, refreshes what
 * it changes, and announces its end with `completed`.
 */
export function trackItemConfiguration(
  deps: CommandDeps,
  item: BackupItem,
  title: string,
  completed: (name: string) => string,
  start: (options: TrackOptions) => Promise<AzureOperation>,
): Promise<AzureOperation> {
  const running = trackOperation(
    deps,
    {
      title,
      keys: [item.sourceResourceId],
      vault: itemRef(item),
      kind: 'ConfigureBackup',
      affected: () => {
        deps.tree.refreshResource(item.vaultId, ['items', 'jobs', 'policies']);
        deps.tree.refreshResource(item.subscriptionId, ['virtualMachines']);
      },
    },
    start,
  );
  announceJobEnd(deps.log, { name: item.friendlyName, vault: itemRef(item), jobName: running.started }, running.done, {
    completed,
  });
  return running.done;
}
