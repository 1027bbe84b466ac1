// The Create vault form: its messages, payload check and strings (page: src/webview-ui/forms/createVault.ts).
// Type-only, so the payload check loads without vscode; `npm run l10n` finds strings in files that import vscode.
import type * as vscode from 'vscode';
import type { FormOption } from '../protocol';
import { onlyKeys, str } from '../shape';
import { defineForm } from './contract';

export interface CreateVaultInit {
  subscriptions: FormOption[];
  subscriptionId: string;
  resourceGroups: FormOption[];
  regions: FormOption[];
  location: string;
}
export interface CreateVaultSubmit {
  subscriptionId: string;
  name: string;
  resourceGroup: string;
  newResourceGroup: boolean;
  location: string;
}

type L10n = Pick<typeof vscode, 'l10n'>;

export const createVaultForm = defineForm<CreateVaultInit, CreateVaultSubmit>()({
  kind: 'createVault',
  parseSubmit(p) {
    const subscriptionId = str(p.subscriptionId, 64, 1);
    const name = str(p.name);
    const resourceGroup = str(p.resourceGroup);
    const location = str(p.location, 64, 1);
    if (
      !onlyKeys(p, ['subscriptionId', 'name', 'resourceGroup', 'newResourceGroup', 'location']) ||
      typeof p.newResourceGroup !== 'boolean' ||
      subscriptionId === undefined ||
      name === undefined ||
      resourceGroup === undefined ||
      location === undefined
    )
      return undefined;
    return { subscriptionId, name, resourceGroup, location, newResourceGroup: p.newResourceGroup };
  },
  strings: (vscode: L10n) => ({
    submit: vscode.l10n.t('Create vault'),
    name: vscode.l10n.t('Vault name'),
    subscription: vscode.l10n.t('Subscription'),
    resourceGroup: vscode.l10n.t('Resource group'),
    newResourceGroup: vscode.l10n.t('Create a new resource group'),
    newResourceGroupName: vscode.l10n.t('New resource group name'),
    region: vscode.l10n.t('Region'),
  }),
});
