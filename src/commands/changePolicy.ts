import * as vscode from 'vscode';
import type { AzureOperation, BackupItem, Policy } from '../azure/model';
import { isActivelyProtected, itemProtectionStatus } from '../azure/protectionState';
import { itemRef } from '../tree/refs';
import { protectionStatusLabel } from '../presentation/protectionText';
import * as notify from '../ui/notify';
import { confirm } from '../ui/pickers';
import { retentionShrinks } from '../webview/rules';
import type { CommandDefinition, CommandDeps } from './commandDeps';
import {
  enhancedOnlySentence,
  policyPickItems,
  pickItemPolicy,
  refusalOf,
  tellStandardRefused,
  trackItemConfiguration,
  vmOfItem,
  vmPolicies,
} from './shared/itemPolicyPick';
import { diskSelectionOfInput, pickDisks } from './shared/diskPick';
import { sameDiskSelection } from '../azure/diskSelection';
import { isEnhancedPolicy } from '../azure/enhancedPolicy';
import { policyToInput } from './shared/policyDocument';
import { guardOf, refusedByGuard, tellGuarded } from './shared/resourceGuard';
import { resolveItem } from './shared/targets';

export type ChangePolicyOutcome =
  | { changed: true; operation: AzureOperation }
  | {
      changed: false;
      reason: 'NotProtected' | 'SamePolicy' | 'EnhancedToStandard' | 'EnhancedPolicyRequired' | 'ResourceGuard';
    };

/**
 * Input for tests and scripts: the policy by name; `confirmed` skips the shorter-retention question; `disks` and
 * `luns` the disks to back up (the item keeps its disks without them).
 */
interface ChangePolicyInput {
  policyName?: unknown;
  confirmed?: unknown;
  disks?: unknown;
  luns?: unknown;
}

/** What a shorter retention does to the item's existing points, when the new policy keeps some tier for less time. */
export function shorterRetentionSentence(item: BackupItem, from: Policy | undefined, to: Policy): string | undefined {
  if (!from || !retentionShrinks(policyToInput(from), policyToInput(to))) return undefined;
  return vscode.l10n.t(
    '{0} keeps recovery points for less time than {1}: existing recovery points of {2} older than the new retention are deleted.',
    to.name,
    from.name,
    item.friendlyName,
  );
}

async function changePolicyOf(
  deps: CommandDeps,
  node: unknown,
  input: ChangePolicyInput | undefined,
): Promise<ChangePolicyOutcome> {
  const target = await resolveItem(deps, node);
  if ('vm' in target) {
    void notify.info(vscode.l10n.t('{0} is not protected.', target.vm.name));
    return { changed: false, reason: 'NotProtected' };
  }
  const { service, item } = target;
  const status = itemProtectionStatus(item);
  if (!isActivelyProtected(status)) {
    void notify.info(
      vscode.l10n.t(
        'The policy of {0} cannot be changed: {1}.',
        item.friendlyName,
        protectionStatusLabel(status, vscode.l10n),
      ),
    );
    return { changed: false, reason: 'NotProtected' };
  }
  const [policies, vm] = await Promise.all([vmPolicies(service, item), vmOfItem(service, item)]);
  const enhancedOnly = enhancedOnlySentence(item, vm);
  const current = policies.find((p) => p.name.toLowerCase() === item.policyName?.toLowerCase());
  const scripted = typeof input?.policyName === 'string';
  const next = scripted
    ? policies.find((p) => p.name.toLowerCase() === (input?.policyName as string).toLowerCase())
    : await pickItemPolicy(
        policyPickItems(policies, item.policyName, vscode.l10n.t('current policy'), current, enhancedOnly),
        vscode.l10n.t('Select the new backup policy of {0}', item.friendlyName),
        { item, service, enhancedOnly },
      );
  if (!next)
    throw new Error(
      vscode.l10n.t('Vault {0} has no VM backup policy named {1}.', item.vaultName, String(input?.policyName)),
    );
  const disks = scripted
    ? diskSelectionOfInput(input as Record<string, unknown>)
    : vm?.disks && (await pickDisks(vm, item.diskSelection));
  if (
    next.name.toLowerCase() === item.policyName?.toLowerCase() &&
    (!disks || sameDiskSelection(disks, item.diskSelection))
  ) {
    void notify.info(vscode.l10n.t('{0} already uses policy {1}.', item.friendlyName, next.name));
    return { changed: false, reason: 'SamePolicy' };
  }
  const refusal = refusalOf(current, next);
  if (refusal) {
    const text = vscode.l10n.t('The policy of {0} cannot become {1}: {2}', item.friendlyName, next.name, refusal);
    deps.log.info(`Notice: ${text}`);
    void notify.warning(text);
    return { changed: false, reason: 'EnhancedToStandard' };
  }
  if (enhancedOnly && !isEnhancedPolicy(next)) {
    tellStandardRefused(deps, enhancedOnly, next.name);
    return { changed: false, reason: 'EnhancedPolicyRequired' };
  }
  const shorter = shorterRetentionSentence(item, current, next);
  const operationName = vscode.l10n.t('Changing to a policy with shorter retention');
  if (shorter && (await refusedByGuard(service, deps.log, itemRef(item), operationName)))
    return { changed: false, reason: 'ResourceGuard' };
  if (shorter && input?.confirmed !== true) await confirm(shorter, vscode.l10n.t('Change policy'));
  const done = trackItemConfiguration(
    deps,
    item,
    vscode.l10n.t('Changing the policy of {0} to {1}', item.friendlyName, next.name),
    (name) => vscode.l10n.t('{0} is now protected by policy {1}.', name, next.name),
    (opts) => service.changePolicy(itemRef(item), next.name, { ...opts, diskSelection: disks }),
  );
  try {
    return { changed: true, operation: await done };
  } catch (e) {
    const guard = guardOf(e);
    if (!guard) throw e;
    tellGuarded(deps.log, operationName, guard);
    return { changed: false, reason: 'ResourceGuard' };
  }
}

export const changePolicy: CommandDefinition = {
  id: 'azureBackup.changePolicy',
  title: () => vscode.l10n.t('Change policy'),
  run: (deps, node, input) => changePolicyOf(deps, node, input as ChangePolicyInput | undefined),
};
