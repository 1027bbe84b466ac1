import * as vscode from 'vscode';
import type { BackupService, VaultRef, VmToProtect } from '../../azure/backupService';
import { needsEnhancedPolicy, policyFits } from '../../azure/enhancedPolicy';
import { enhancedReasonSentence } from '../../presentation/diskText';
import { policySummary } from '../../presentation/policyText';
import type { PolicyChoice } from '../../webview/protocol';

/**
 * The vault's VM policies with their schedule and retention in words, DefaultPolicy first; for a VM that needs an
 * Enhanced policy, only the Enhanced ones.
 */
export async function policyChoices(service: BackupService, ref: VaultRef, vm?: VmToProtect): Promise<PolicyChoice[]> {
  const page = await service.listPolicies(ref);
  const reason = vm && needsEnhancedPolicy(vm);
  return page.items
    .filter((p) => p.backupManagementType === 'AzureIaasVM' && policyFits(p, reason))
    .sort((a, b) => (a.name === 'DefaultPolicy' ? -1 : b.name === 'DefaultPolicy' ? 1 : a.name.localeCompare(b.name)))
    .map((p) => ({ name: p.name, summary: policySummary(p, vscode.l10n) }));
}

/**
 * Why only Enhanced policies are offered to `vm`, and what to do when the vault has none (`offered` 0); undefined
 * for a VM any policy may protect.
 */
export function enhancedOnlyNote(vm: VmToProtect, vaultName: string, offered: number): string | undefined {
  const reason = needsEnhancedPolicy(vm);
  if (!reason) return undefined;
  const why = enhancedReasonSentence(vm.name, reason, vscode.l10n);
  return offered > 0
    ? vscode.l10n.t('{0}: only Enhanced policies are offered.', why)
    : vscode.l10n.t('{0}, and vault {1} has none: create an Enhanced policy first.', why, vaultName);
}
