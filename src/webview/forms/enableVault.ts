// The Enable backup form of a vault (pick VMs): its messages, payload check and strings (page: src/webview-ui/forms/enableVault.ts).
// Type-only, so the payload check loads without vscode; `npm run l10n` finds strings in files that import vscode.
import type * as vscode from 'vscode';
import type { FormOption, PolicyChoice } from '../protocol';
import { maxId, onlyKeys, str } from '../shape';
import { defineForm } from './contract';

export interface EnableVaultInit {
  vaultName: string;
  vaultLocation: string;
  policies: PolicyChoice[];
  vms: FormOption[];
}
export interface EnableVaultSubmit {
  policyName: string;
  vmIds: string[];
}

type L10n = Pick<typeof vscode, 'l10n'>;

export const enableVaultForm = defineForm<EnableVaultInit, EnableVaultSubmit>()({
  kind: 'enableBackupVault',
  parseSubmit(p) {
    const policyName = str(p.policyName, 150, 1);
    if (
      !onlyKeys(p, ['policyName', 'vmIds']) ||
      policyName === undefined ||
      !Array.isArray(p.vmIds) ||
      p.vmIds.length === 0 ||
      p.vmIds.length > 1000
    )
      return undefined;
    const vmIds = p.vmIds.filter((v): v is string => str(v, maxId, 1) !== undefined);
    return vmIds.length === p.vmIds.length ? { policyName, vmIds } : undefined;
  },
  strings: (vscode: L10n) => ({
    submit: vscode.l10n.t('Enable backup'),
    policy: vscode.l10n.t('Backup policy'),
    vms: vscode.l10n.t('Virtual machines to protect'),
    noVms: vscode.l10n.t('No virtual machines were discovered.'),
    selectOne: vscode.l10n.t('Select at least one virtual machine.'),
  }),
});
