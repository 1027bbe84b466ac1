import * as vscode from 'vscode';
import type { BackupService, VaultRef } from '../../azure/backupService';
import { policySummary } from '../../presentation/policyText';
import type { PolicyChoice } from '../../webview/protocol';

/** The vault's VM policies with their schedule and retention in words, DefaultPolicy first. */
export async function policyChoices(service: BackupService, ref: VaultRef): Promise<PolicyChoice[]> {
  const page = await service.listPolicies(ref);
  return page.items
    .filter((p) => p.backupManagementType === 'AzureIaasVM')
    .sort((a, b) => (a.name === 'DefaultPolicy' ? -1 : b.name === 'DefaultPolicy' ? 1 : a.name.localeCompare(b.name)))
    .map((p) => ({ name: p.name, summary: policySummary(p, vscode.l10n) }));
}

export function parseVaultId(id: string): VaultRef | undefined {
  const m =
    /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.RecoveryServices\/vaults\/([^/]+)$/i.exec(
      id,
    );
  return m ? { subscriptionId: m[1], resourceGroup: m[2], name: m[3] } : undefined;
}
