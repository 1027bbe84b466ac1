// The Restore form: its messages, payload check and strings (page: src/webview-ui/forms/restore.ts).
// Type-only vscode import, so the payload check loads without vscode; `npm run l10n` finds the strings here.
import type * as vscode from 'vscode';
import type { FormOption } from '../protocol';
import { maxId, onlyKeys, str } from '../shape';
import { defineForm } from './contract';

export type RestoreFormKind = 'newVm' | 'restoreDisks' | 'replaceDisks';

/** A virtual network in the source VM's region, with its subnets. */
export interface RestoreNetwork {
  value: string;
  label: string;
  subnets: FormOption[];
}

export interface RestoreInit {
  itemName: string;
  vaultName: string;
  /** The point in words: time, consistency, tier. */
  pointLabel: string;
  regionLabel: string;
  /** Decides the new VM's name rule (15 characters for Windows). */
  osType: 'Windows' | 'Linux' | 'Unknown';
  /** An archive-tier point: the form says so and offers no restore. */
  archived: boolean;
  resourceGroups: FormOption[];
  /** The group proposed for a new VM or disks: the source VM's. */
  resourceGroup: string;
  networks: RestoreNetwork[];
  stagingAccounts: FormOption[];
  /** Availability zones the new VM may be placed in ('' = none); empty when zones are not offered. */
  zones: FormOption[];
  /** A restore of this item started here is still running. */
  runningNote?: string;
}

export interface RestoreSubmit {
  kind: RestoreFormKind;
  vmName: string;
  targetResourceGroup: string;
  virtualNetworkId: string;
  subnetId: string;
  stagingStorageAccountId: string;
  zone: string;
  /** Replace existing disks: the VM's name as typed to confirm. */
  confirmName: string;
}

const KINDS: RestoreFormKind[] = ['newVm', 'restoreDisks', 'replaceDisks'];
const KEYS = [
  'kind',
  'vmName',
  'targetResourceGroup',
  'virtualNetworkId',
  'subnetId',
  'stagingStorageAccountId',
  'zone',
  'confirmName',
];

type L10n = Pick<typeof vscode, 'l10n'>;

export const restoreForm = defineForm<RestoreInit, RestoreSubmit>()({
  kind: 'restore',
  parseSubmit(p) {
    const kind = KINDS.find((k) => k === p.kind);
    // Names pass at any length a user can type, so the rules answer them next to their fields.
    const vmName = str(p.vmName);
    const targetResourceGroup = str(p.targetResourceGroup);
    const virtualNetworkId = str(p.virtualNetworkId, maxId);
    const subnetId = str(p.subnetId, maxId);
    const stagingStorageAccountId = str(p.stagingStorageAccountId, maxId);
    const zone = str(p.zone, 1);
    const confirmName = str(p.confirmName);
    if (
      !onlyKeys(p, KEYS) ||
      kind === undefined ||
      vmName === undefined ||
      targetResourceGroup === undefined ||
      virtualNetworkId === undefined ||
      subnetId === undefined ||
      stagingStorageAccountId === undefined ||
      zone === undefined ||
      confirmName === undefined
    )
      return undefined;
    return {
      kind,
      vmName,
      targetResourceGroup,
      virtualNetworkId,
      subnetId,
      stagingStorageAccountId,
      zone,
      confirmName,
    };
  },
  strings: (vscode: L10n) => ({
    submit: vscode.l10n.t('Restore'),
    item: vscode.l10n.t('Backup item'),
    point: vscode.l10n.t('Recovery point'),
    region: vscode.l10n.t('Region'),
    configuration: vscode.l10n.t('Restore configuration'),
    newVm: vscode.l10n.t('Create a new virtual machine'),
    newVmHelp: vscode.l10n.t(
      'Creates a new VM from the recovery point in a resource group you choose; the protected VM is not touched.',
    ),
    restoreDisks: vscode.l10n.t('Restore disks'),
    restoreDisksHelp: vscode.l10n.t(
      "Creates the recovery point's disks as managed disks in a resource group, with a template to create a VM from them; no VM is created or changed.",
    ),
    replaceDisks: vscode.l10n.t('Replace existing disks'),
    replaceDisksHelp: vscode.l10n.t('Puts the protected VM itself on disks restored from the recovery point.'),
    replaceWarning: vscode.l10n.t(
      "The VM's current disks are replaced by the ones restored from the recovery point. The service keeps the current disks in the VM's resource group, unattached: changes made since the recovery point stay only on them.",
    ),
    vmName: vscode.l10n.t('New virtual machine name'),
    targetResourceGroup: vscode.l10n.t('Target resource group'),
    virtualNetwork: vscode.l10n.t('Virtual network'),
    subnet: vscode.l10n.t('Subnet'),
    stagingAccount: vscode.l10n.t('Staging storage account'),
    stagingHelp: vscode.l10n.t("A storage account in the VM's region where the service stages the restored data."),
    zone: vscode.l10n.t('Availability zone'),
    noZone: vscode.l10n.t('No zone'),
    confirmName: vscode.l10n.t("Type the VM's name to confirm"),
    noNetworks: vscode.l10n.t(
      'There is no virtual network in this region: create one first, or restore the disks instead.',
    ),
    noStaging: vscode.l10n.t(
      'There is no storage account in this region to stage the restore: create one (standard, not premium) first.',
    ),
    archived: vscode.l10n.t(
      'This recovery point is in the archive tier. It must be rehydrated in the Azure portal before it can be restored; choose a point in the snapshot or vault tier here.',
    ),
    vmNameAvailable: vscode.l10n.t('The name is available in this resource group.'),
  }),
});
