import * as vscode from 'vscode';
import type { AzureOperation } from '../azure/model';
import { itemProtectionStatus } from '../azure/protectionState';
import { itemRef } from '../tree/refs';
import { protectionStatusLabel } from '../presentation/protectionText';
import * as notify from '../ui/notify';
import type { CommandDefinition, CommandDeps } from './commandDeps';
import { isEnhancedPolicy } from '../azure/enhancedPolicy';
import {
  enhancedOnlySentence,
  policyPickItems,
  pickItemPolicy,
  tellStandardRefused,
  trackItemConfiguration,
  vmOfItem,
  vmPolicies,
} from './shared/itemPolicyPick';
import { lastPolicyOf } from './shared/lastPolicy';
import { resolveItem } from './shared/targets';

export type ResumeOutcome = { resumed: true; operation: AzureOperation } | { resumed: false };

/** Protection again for an item stopped with its data retained; its last policy is offered first. */
async function resume(
  deps: CommandDeps,
  node: unknown,
  input: { policyName?: unknown } | undefined,
): Promise<ResumeOutcome> {
  const target = await resolveItem(deps, node);
  if ('vm' in target) {
    void notify.info(vscode.l10n.t('{0} is not protected.', target.vm.name));
    return { resumed: false };
  }
  const { service, item } = target;
  const status = itemProtectionStatus(item);
  if (status !== 'ProtectionStopped') {
    const text =
      status === 'SoftDeleted'
        ? vscode.l10n.t(
            'The backup data of {0} is soft deleted: undelete it first, then resume protection.',
            item.friendlyName,
          )
        : vscode.l10n.t(
            'Protection of {0} cannot be resumed: {1}.',
            item.friendlyName,
            protectionStatusLabel(status, vscode.l10n),
          );
    void notify.info(text);
    return { resumed: false };
  }
  const [policies, vm] = await Promise.all([vmPolicies(service, item), vmOfItem(service, item)]);
  const enhancedOnly = enhancedOnlySentence(item, vm);
  const policy =
    typeof input?.policyName === 'string'
      ? policies.find((p) => p.name.toLowerCase() === (input.policyName as string).toLowerCase())
      : await pickItemPolicy(
          policyPickItems(policies, lastPolicyOf(item), vscode.l10n.t('last policy'), undefined, enhancedOnly),
          vscode.l10n.t('Select the backup policy to protect {0} with', item.friendlyName),
          { item, service, enhancedOnly },
        );
  if (!policy)
    throw new Error(
      vscode.l10n.t('Vault {0} has no VM backup policy named {1}.', item.vaultName, String(input?.policyName)),
    );
  if (enhancedOnly && !isEnhancedPolicy(policy)) {
    tellStandardRefused(deps, enhancedOnly, policy.name);
    return { resumed: false };
  }
  const done = trackItemConfiguration(
    deps,
    item,
    vscode.l10n.t('Resuming protection of {0}', item.friendlyName),
    (name) => vscode.l10n.t('Protection of {0} resumed with policy {1}.', name, policy.name),
    (opts) => service.resumeProtection(itemRef(item), policy.name, opts),
  );
  return { resumed: true, operation: await done };
}

export const resumeProtection: CommandDefinition = {
  id: 'azureBackup.resumeProtection',
  title: () => vscode.l10n.t('Resume protection'),
  run: (deps, node, input) => resume(deps, node, input as { policyName?: unknown } | undefined),
};
