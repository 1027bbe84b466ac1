// The forms whose inputs the boundary table varies: each is opened through its registered command on a node of
// the tree (what a click does) and comes with a valid payload, shaped as its page sends it, for the cases to vary.
// The estate is our own (resource group forms-rg: a vault, VMs added as needed), so the story data stays untouched.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Vault } from '../../../src/azure/model';
import type { AzureBackupApi } from '../../../src/extension';
import type { FormPanel } from '../../../src/webview/formPanel';
import type { FormKind, PolicyInit, RestoreInit } from '../../../src/webview/protocol';
import type { TreeNode } from '../../../src/tree/treeNode';
import { nodeAt, SUB, VAULTS, VMS } from '../ui/helpers';
import { runCommand } from '../reliability/fixtures';
import { sandboxOf } from '../ui/helpers';

export const RG = 'forms-rg';
export const LOCATION = 'westeurope';
/** Made before the cases run: the policy forms work on it and vault-name cases find its name taken. */
export const VAULT = 'forms-vault';

export type FormUnderTest = 'createVault' | 'enableBackupVm' | 'backupNow' | 'createPolicy' | 'editPolicy' | 'restore';
export type Payload = Record<string, unknown>;

export interface OpenedForm {
  panel: FormPanel<FormKind>;
  /** A payload the form accepts, as its page would send it. */
  base: Payload;
}

const DAY_MS = 86_400_000;
export const dayFromToday = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

let vmCount = 0;
let policyCount = 0;
let restoreCount = 0;
/** The VM the restore form restores from (its name confirms a replace). */
export let restoreSource = '';
function addVm(api: AzureBackupApi): { id: string; name: string } {
  const name = `forms-vm-${++vmCount}`;
  return { id: sandboxOf(api).control.addVm({ resourceGroup: RG, name, location: LOCATION }), name };
}

async function refreshedNode(api: AzureBackupApi, parent: string[], name: string): Promise<unknown> {
  await vscode.commands.executeCommand('azureBackup.refresh', await nodeAt(api, ...parent));
  return nodeAt(api, ...parent, name);
}

/** Runs the command as the UI does and returns the form it opened for `key` (one panel per target). */
async function openThrough(
  api: AzureBackupApi,
  command: string,
  node: unknown,
  kind: FormKind,
  key: (k: string) => boolean,
): Promise<FormPanel<FormKind>> {
  await vscode.commands.executeCommand(command, node);
  const panel = api.forms.list().find((p) => p.definition.kind === kind && key(p.definition.key.toLowerCase()));
  assert.ok(panel, `${command} opened its form`);
  await panel.ready.catch(() => undefined);
  return panel;
}

let vault: Vault | undefined;

/** The vault of the estate, made through the command (the sandbox's data is fresh for every run of the host tests). */
export async function prepareEstate(api: AzureBackupApi): Promise<void> {
  addVm(api); // makes the resource group
  vault = await runCommand<Vault>(api, 'azureBackup.createVault', await nodeAt(api, SUB, VAULTS), {
    name: VAULT,
    resourceGroup: RG,
    location: LOCATION,
  });
  assert.ok(vault, JSON.stringify(api.log.shownErrors().at(-1)));
  await refreshedNode(api, [SUB, VAULTS], VAULT);
}

const opened = new Map<FormUnderTest, OpenedForm>();

/**
 * The form under test, opened once and reused: a refused input leaves it as it was. `fresh` opens it anew on a new
 * target where an accepted input changes the target for good (enabling backup protects its VM); a form that
 * succeeded takes no second submit, so it is opened anew too.
 */
export async function openForm(api: AzureBackupApi, form: FormUnderTest, fresh: boolean): Promise<OpenedForm> {
  const known = opened.get(form);
  if (known && !(fresh && form === 'enableBackupVm') && !known.panel.settled && api.forms.list().includes(known.panel))
    return known;
  const made = await open(api, form);
  opened.set(form, made);
  return made;
}

async function open(api: AzureBackupApi, form: FormUnderTest): Promise<OpenedForm> {
  const vaultPath = [SUB, VAULTS, VAULT];
  switch (form) {
    case 'createVault': {
      const panel = await openThrough(
        api,
        'azureBackup.createVault',
        await nodeAt(api, SUB, VAULTS),
        'createVault',
        () => true,
      );
      const subscriptionId = (panel.definition.init as { subscriptionId: string }).subscriptionId;
      return {
        panel,
        base: {
          subscriptionId,
          name: 'forms-new-vault',
          resourceGroup: RG,
          newResourceGroup: false,
          location: LOCATION,
        },
      };
    }
    case 'enableBackupVm': {
      const vm = addVm(api);
      const panel = await openThrough(
        api,
        'azureBackup.enableBackup',
        await refreshedNode(api, [SUB, VMS], vm.name),
        'enableBackupVm',
        (k) => k === vm.id.toLowerCase(),
      );
      return { panel, base: { vaultId: '', newVaultName: 'forms-new-vault', policyName: 'DefaultPolicy' } };
    }
    case 'backupNow': {
      const vm = addVm(api);
      await runCommand(api, 'azureBackup.enableBackup', await refreshedNode(api, [SUB, VMS], vm.name), {
        vaultId: vault?.id,
        policyName: 'DefaultPolicy',
      });
      const item = await refreshedNode(api, [...vaultPath, 'Backup items'], vm.name);
      const panel = await openThrough(api, 'azureBackup.backupNow', item, 'backupNow', (k) => k.endsWith(vm.name));
      return { panel, base: { retainUntil: dayFromToday(30) } };
    }
    case 'createPolicy': {
      const panel = await openThrough(api, 'azureBackup.createPolicy', await nodeAt(api, ...vaultPath), 'policy', (k) =>
        k.endsWith('/#new'),
      );
      // A new name each time: a policy saved by an earlier case makes its name taken.
      return {
        panel,
        base: {
          name: `FormsPolicy${++policyCount}`,
          timeZone: 'UTC',
          instantRestoreDays: 2,
          schedule: { frequency: 'Daily', time: '02:30' },
          retention: { dailyDays: 30 },
        },
      };
    }
    case 'restore': {
      // A protected VM of our own with a recovery point: a restore from it leaves the story's VMs untouched.
      const vm = addVm(api);
      await runCommand(api, 'azureBackup.enableBackup', await refreshedNode(api, [SUB, VMS], vm.name), {
        vaultId: vault?.id,
        policyName: 'DefaultPolicy',
      });
      await runCommand(
        api,
        'azureBackup.backupNow',
        await refreshedNode(api, [...vaultPath, 'Backup items'], vm.name),
        { retainUntil: dayFromToday(30) },
      );
      const item = (await refreshedNode(api, [...vaultPath, 'Backup items'], vm.name)) as TreeNode;
      const [point] = await api.tree.getChildren(item);
      const pointId = (point as unknown as { point: { id: string } }).point.id.toLowerCase();
      const panel = await openThrough(api, 'azureBackup.restore', point, 'restore', (k) => k === pointId);
      const init = panel.definition.init as RestoreInit;
      restoreSource = vm.name;
      return {
        panel,
        base: {
          kind: 'newVm',
          vmName: `forms-restored-${++restoreCount}`,
          targetResourceGroup: RG,
          virtualNetworkId: init.networks[0]?.value ?? '',
          subnetId: init.networks[0]?.subnets[0]?.value ?? '',
          stagingStorageAccountId: init.stagingAccounts[0]?.value ?? '',
          zone: '',
          confirmName: '',
        },
      };
    }
    case 'editPolicy': {
      const node = await refreshedNode(api, [...vaultPath, 'Backup policies'], 'DefaultPolicy');
      const panel = await openThrough(api, 'azureBackup.editPolicy', node, 'policy', (k) =>
        k.endsWith('/defaultpolicy'),
      );
      return { panel, base: structuredClone((panel.definition.init as PolicyInit).policy) as unknown as Payload };
    }
  }
}

export function closeForms(): void {
  for (const { panel } of opened.values()) panel.dispose();
  opened.clear();
}
