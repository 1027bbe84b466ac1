import * as vscode from 'vscode';
import type { Vault, VaultSecurity } from '../azure/model';
import { immutabilityLabel } from '../presentation/vaultSecurityText';
import { vaultRef } from '../tree/refs';
import { withProgress } from '../ui/progress';
import { formStrings } from '../webview/fieldMessages';
import { fieldError } from '../webview/replyError';
import { securityProblem, type SecurityChoice } from '../webview/rules';
import type { CommandDefinition, CommandDeps } from './commandDeps';
import { guardOf, guardSentence } from './shared/resourceGuard';
import { resolveVault, type VaultTarget } from './shared/targets';

/** The read-only lines: immutability and multi-user authorization (with the guard's name when one is mapped). */
function readOnlyLines(
  vault: Vault,
  guardName: string | undefined,
): { immutability: string; multiUserAuthorization: string } {
  const unknown = vscode.l10n.t('Not reported');
  const mua = guardName
    ? vscode.l10n.t('On: Resource Guard {0} must approve critical operations', guardName)
    : vault.multiUserAuthorization
      ? vscode.l10n.t('On: a Resource Guard must approve critical operations')
      : vault.multiUserAuthorization === false
        ? vscode.l10n.t('Off')
        : unknown;
  return { immutability: immutabilityLabel(vault.immutability, vscode.l10n) ?? unknown, multiUserAuthorization: mua };
}

/** Checked as the form checks it, then saved; a Resource Guard's refusal is said as a sentence on the form. */
async function save(
  deps: CommandDeps,
  { service, vault }: VaultTarget,
  current: VaultSecurity,
  next: SecurityChoice,
): Promise<VaultSecurity> {
  const strings = formStrings('vaultSecurity');
  const problem = securityProblem(vault.name, current, next);
  if (problem) {
    throw fieldError(strings[problem.key === 'confirmName' ? 'confirmHelp' : problem.key], problem.field);
  }
  try {
    const saved = await withProgress(
      vscode.l10n.t('Saving the security settings of {0}…', vault.name),
      true,
      (signal) =>
        service.updateVaultSecurity(
          vaultRef(vault),
          {
            softDelete: next.softDelete,
            softDeleteRetentionDays: next.softDeleteRetentionDays,
            enhancedSecurity: next.enhancedSecurity,
          },
          signal,
        ),
    );
    deps.tree.refreshResource(vault.subscriptionId, ['vaults']);
    return saved;
  } catch (e) {
    const guard = guardOf(e);
    if (!guard) throw e;
    deps.log.info(`Notice: ${guardSentence(vscode.l10n.t('Weakening soft delete'), guard)}`);
    throw fieldError(guardSentence(vscode.l10n.t('Weakening soft delete'), guard), 'softDelete');
  }
}

/** `azureBackup.vaultSecurity(vaultNode?, {softDelete, softDeleteRetentionDays, enhancedSecurity, confirmName}?)` */
export const vaultSecurity: CommandDefinition = {
  id: 'azureBackup.vaultSecurity',
  title: () => vscode.l10n.t('Vault security'),
  async run(deps, node, input) {
    const target = await resolveVault(deps, node);
    const ref = vaultRef(target.vault);
    const [current, guards, vault] = await Promise.all([
      target.service.getVaultSecurity(ref),
      target.service.listResourceGuardMappings(ref),
      target.service.getVault(ref),
    ]);
    if (typeof input === 'object' && input !== null) {
      const i = input as Partial<SecurityChoice>;
      return save(deps, target, current, {
        softDelete: i.softDelete ?? current.softDelete,
        softDeleteRetentionDays: i.softDeleteRetentionDays ?? current.softDeleteRetentionDays,
        enhancedSecurity: i.enhancedSecurity ?? current.enhancedSecurity,
        confirmName: i.confirmName ?? '',
      });
    }
    deps.forms.open({
      kind: 'vaultSecurity',
      key: `${vault.id}#security`,
      title: vscode.l10n.t('Vault security: {0}', vault.name),
      strings: formStrings('vaultSecurity'),
      init: { vaultName: vault.name, ...current, ...readOnlyLines(vault, guards[0]?.resourceGuardName) },
      submit: async (p) => {
        const saved = await save(deps, target, current, p);
        Object.assign(current, saved);
        return { message: vscode.l10n.t('Security settings of {0} saved.', vault.name) };
      },
    });
    return current;
  },
};
