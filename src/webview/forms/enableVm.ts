// The Enable backup form of a VM: its messages, payload check and strings (page: src/webview-ui/forms/enableVm.ts).
// Type-only, so the payload check loads without vscode; `npm run l10n` finds strings in files that import vscode.
import type * as vscode from 'vscode';
import { type DiskChoiceSubmit, diskStrings, parseDiskChoice } from '../diskChoice';
import type { FormOption, PolicyChoice } from '../protocol';
import { maxId, onlyKeys, str } from '../shape';
import { defineForm } from './contract';

export interface EnableVmInit {
  vmName: string;
  vmLocation: string;
  vmResourceGroup: string;
  vaults: FormOption[];
  newVaultName: string;
  policies: PolicyChoice[];
  /** What a new vault offers the VM (its default policy that fits). */
  newVaultPolicies: PolicyChoice[];
  /** Why only Enhanced policies are offered (and what to do when the vault has none); absent for other VMs. */
  policyNote?: string;
  /** The VM's data disks (value: the LUN), for selective disk backup. */
  dataDisks: FormOption[];
}
/** `vaultId` empty: create `newVaultName` in the VM's resource group and region. */
export interface EnableVmSubmit extends DiskChoiceSubmit {
  vaultId: string;
  newVaultName: string;
  policyName: string;
}

type L10n = Pick<typeof vscode, 'l10n'>;

export const enableVmForm = defineForm<EnableVmInit, EnableVmSubmit>()({
  kind: 'enableBackupVm',
  parseSubmit(p) {
    const vaultId = str(p.vaultId, maxId);
    const newVaultName = str(p.newVaultName);
    const policyName = str(p.policyName, 150, 1);
    const disks = parseDiskChoice(p);
    if (
      !onlyKeys(p, ['vaultId', 'newVaultName', 'policyName', 'disks', 'luns']) ||
      vaultId === undefined ||
      newVaultName === undefined ||
      policyName === undefined ||
      disks === undefined
    )
      return undefined;
    return { vaultId, newVaultName, policyName, ...disks };
  },
  strings: (vscode: L10n) => ({
    submit: vscode.l10n.t('Enable backup'),
    vault: vscode.l10n.t('Recovery Services vault'),
    createVault: vscode.l10n.t('Create a new vault'),
    newVaultName: vscode.l10n.t('New vault name'),
    newVaultHelp: vscode.l10n.t('The vault is created in the resource group and region of the virtual machine.'),
    policy: vscode.l10n.t('Backup policy'),
    noVaults: vscode.l10n.t('No vault in this region: a new one will be created.'),
    ...diskStrings(vscode),
    createPolicy: vscode.l10n.t('Create an Enhanced policy'),
  }),
});
