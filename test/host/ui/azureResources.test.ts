// The "Azure Backup" submenu on VM rows of Microsoft's Azure Resources view, on the real extension host against
// the sandbox: each entry gets the argument that view passes (its wrapper, whose unwrap() gives the item with the
// resource), reads the VM from Azure, and does what the entry says; other resource types are refused.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AzureOperation, Vault, VirtualMachine } from '../../../src/azure/model';
import type { BackupNowOutcome } from '../../../src/commands/backupNow';
import { runCommand, until } from '../reliability/fixtures';
import type { RestoreOutcome } from '../../../src/commands/restore';
import type { RecoveryPoint, RestoreRequest } from '../../../src/azure/model';
import { labelOf, nodeAt, SUB, useApi, VAULTS, VMS, withFastClock } from './helpers';

const RG = 'azres-rg';
const LOCATION = 'westeurope';
const VAULT = 'azres-vault';

/** The element Azure Resources hands a menu command: a wrapper whose own id carries the view's account/tenant prefix. */
function row(wrapperId: string, resource: { id: string; resourceType: string }): { id: string; unwrap<T>(): T } {
  const item = {
    id: `/accounts/alice/tenants/t${resource.id.toLowerCase()}`,
    resource: { ...resource, name: resource.id.split('/').pop() },
  };
  return { id: wrapperId, unwrap: <T>() => item as T };
}

describe('Azure Backup submenu in the Azure Resources view', function () {
  this.timeout(120_000);
  const host = useApi();
  let subscriptionId = '';
  let vmCount = 0;
  let vault: Vault | undefined;
  const vmId = (name: string): string =>
    `/subscriptions/${subscriptionId}/resourceGroups/${RG}/providers/Microsoft.Compute/virtualMachines/${name}`;
  const vmRow = (name: string): ReturnType<typeof row> =>
    // The wrapper's own id names another VM (a protected one): the entries must act on the resource, not on it.
    row(
      `/accounts/alice/tenants/t/subscriptions/${subscriptionId}/resourceGroups/contoso-web-rg/providers/Microsoft.Compute/virtualMachines/web-vm-01`,
      { id: vmId(name), resourceType: 'microsoft.compute/virtualmachines' },
    );
  const newVm = (): string => {
    const name = `azres-vm-${++vmCount}`;
    host.sandbox.control.addVm({ resourceGroup: RG, name, location: LOCATION });
    return name;
  };

  before(async () => {
    subscriptionId = host.sandbox.subscriptionIds()[0];
    vault = await runCommand<Vault>(host.api, 'azureBackup.createVault', await nodeAt(host.api, SUB, VAULTS), {
      name: VAULT,
      resourceGroup: RG,
      location: LOCATION,
      createResourceGroup: true,
    });
    assert.ok(vault, JSON.stringify(host.api.log.shownErrors().at(-1)));
  });

  it('refuses a row that is not a virtual machine, naming it, without calling Azure', async () => {
    const vaultId = `/subscriptions/${subscriptionId}/resourceGroups/contoso-backup-rg/providers/Microsoft.RecoveryServices/vaults/contoso-vault`;
    const before = host.sandbox.requestLog.entries().length;
    for (const command of ['backupStatus', 'enableBackup', 'backupNow', 'restore', 'showInView']) {
      await assert.rejects(
        host.api.run(
          `azureBackup.azureResources.${command}`,
          row('/accounts/a/tenants/t/x', { id: vaultId, resourceType: 'microsoft.recoveryservices/vaults' }),
        ),
        (e: Error) =>
          e.message ===
          `${vaultId} is not a virtual machine (Microsoft.Compute/virtualMachines). Azure Backup acts on virtual machines only.`,
        command,
      );
    }
    await assert.rejects(
      host.api.run('azureBackup.azureResources.backupStatus', {
        id: 'x',
        unwrap: () => ({ id: 'resource-type-group' }),
      }),
      /does not name an Azure resource/,
    );
    assert.strictEqual(host.sandbox.requestLog.entries().length, before, 'no call to Azure for a refused row');
    // Through the command (as the menu runs it): the refusal is shown as the command's error.
    await vscode.commands.executeCommand(
      'azureBackup.azureResources.backupStatus',
      row('w', { id: vaultId, resourceType: 'microsoft.recoveryservices/vaults' }),
    );
    assert.match(JSON.stringify(host.api.log.shownErrors().at(-1)), /is not a virtual machine/);
  });

  it("Backup status reads the resource's VM from Azure now (never the wrapper's id) and offers to enable an unprotected one", async () => {
    const name = newVm();
    host.sandbox.requestLog.clear();
    const status = (await host.api.run('azureBackup.azureResources.backupStatus', vmRow(name))) as {
      vmId: string;
      state: string;
      text: string;
      actions: string[];
    };
    assert.strictEqual(status.vmId.toLowerCase(), vmId(name).toLowerCase());
    assert.strictEqual(status.state, 'NotProtected');
    assert.strictEqual(status.text, `${name} is not protected by Azure Backup.`);
    assert.deepStrictEqual(status.actions, ['Enable Backup…', 'Show in Azure Backup View']);
    const paths = host.sandbox.requestLog.entries().map((e) => e.path);
    assert.ok(
      paths.some((p) => p.toLowerCase() === vmId(name).toLowerCase()),
      `the VM was read: ${paths.join(', ')}`,
    );
    assert.ok(
      paths.some((p) => p.endsWith('/backupStatus')),
      'its protection was read live (backupStatus)',
    );
    assert.ok(
      !paths.some((p) => /web-vm-01|\/accounts\//i.test(p)),
      `nothing read for the wrapper's id: ${paths.join(', ')}`,
    );
  });

  it("Enable Backup… opens our enable form for that VM; with input it enables it, and both views' sources then say protected", async () => {
    const name = newVm();
    await host.api.run('azureBackup.azureResources.enableBackup', vmRow(name));
    const form = host.api.forms
      .list()
      .find(
        (p) => p.definition.kind === 'enableBackupVm' && p.definition.key.toLowerCase() === vmId(name).toLowerCase(),
      );
    assert.ok(
      form,
      `the enable form for ${name}: ${host.api.forms
        .list()
        .map((p) => p.definition.key)
        .join(', ')}`,
    );
    form.dispose();
    const op = await runCommand<AzureOperation>(host.api, 'azureBackup.azureResources.enableBackup', vmRow(name), {
      vaultId: vault?.id,
      policyName: 'DefaultPolicy',
    });
    assert.strictEqual(op?.outcome, 'Completed', JSON.stringify(host.api.log.shownErrors().at(-1)));
    const status = (await host.api.run('azureBackup.azureResources.backupStatus', vmRow(name))) as {
      state: string;
      text: string;
      actions: string[];
    };
    assert.strictEqual(status.state, 'InitialBackupPending');
    assert.strictEqual(
      status.text,
      `${name}: Initial backup pending in ${VAULT}. Policy: DefaultPolicy. Last backup: none yet.`,
    );
    assert.deepStrictEqual(status.actions, ['Backup Now…', 'Show in Azure Backup View']);
    await vscode.commands.executeCommand('azureBackup.refresh', await nodeAt(host.api, SUB, VMS));
    const node = (await host.api.tree.getChildren(await nodeAt(host.api, SUB, VMS))).find((n) => labelOf(n) === name);
    assert.match(String(node?.getTreeItem().description), new RegExp(`^Initial backup pending in ${VAULT}`));
  });

  it("Backup Now… on an unprotected VM starts nothing; on a protected one it backs up that VM's item", async () => {
    const name = newVm();
    const jobsBefore = host.sandbox.requestLog
      .entries()
      .filter((e) => e.method === 'POST' && e.path.endsWith('/backup')).length;
    const lines: string[] = [];
    const listening = host.api.log.onDidWrite((_level, line) => {
      if (line.includes('Notice: ')) lines.push(line);
    });
    const refused = (await host.api.run('azureBackup.azureResources.backupNow', vmRow(name), {
      retainUntil: new Date(Date.now() + 30 * 86_400_000),
    })) as BackupNowOutcome;
    listening.dispose();
    assert.strictEqual(refused.started, false);
    assert.ok(
      lines.some((l) => l.includes(`${name} is not protected yet. Enable backup first.`)),
      lines.join('\n'),
    );
    await runCommand(host.api, 'azureBackup.azureResources.enableBackup', vmRow(name), {
      vaultId: vault?.id,
      policyName: 'DefaultPolicy',
    });
    const outcome = await runCommand<BackupNowOutcome>(host.api, 'azureBackup.azureResources.backupNow', vmRow(name), {
      retainUntil: new Date(Date.now() + 30 * 86_400_000),
    });
    assert.strictEqual(outcome?.started, true, JSON.stringify(host.api.log.shownErrors().at(-1)));
    assert.strictEqual(outcome?.operation?.outcome, 'Completed');
    const backups = host.sandbox.requestLog.entries().filter((e) => e.method === 'POST' && e.path.endsWith('/backup'));
    assert.strictEqual(backups.length - jobsBefore, 1, 'one backup started');
    assert.match(
      decodeURIComponent(backups.at(-1)?.path ?? ''),
      new RegExp(`;${name}/backup$`, 'i'),
      `for that VM's item: ${backups.at(-1)?.path}`,
    );
    const status = (await host.api.run('azureBackup.azureResources.backupStatus', vmRow(name))) as {
      state: string;
      text: string;
    };
    assert.strictEqual(status.state, 'Protected');
    assert.match(
      status.text,
      new RegExp(
        `^${name}: Protected by ${VAULT}\\. Policy: DefaultPolicy\\. Last backup: (just now|\\d+ (minute|hour|day)s? ago)\\.$`,
      ),
    );
  });

  it("Restore… on an unprotected VM starts nothing; on a protected one it restores that VM's recovery point", async () => {
    const name = newVm();
    const lines: string[] = [];
    const listening = host.api.log.onDidWrite((_level, line) => {
      if (line.includes('Notice: ')) lines.push(line);
    });
    const refused = (await host.api.run('azureBackup.azureResources.restore', vmRow(name))) as RestoreOutcome;
    listening.dispose();
    assert.strictEqual(refused.started, false);
    assert.ok(
      lines.some((l) => l.includes(`${name} has no backup to restore from. Enable backup first.`)),
      lines.join('\n'),
    );
    // web-vm-01 (protected in contoso-vault, with recovery points), behind a wrapper whose own id names another VM.
    const rg = `/subscriptions/${subscriptionId}/resourceGroups/contoso-web-rg`;
    const protectedRow = row(`/accounts/alice/tenants/t${vmId(name)}`, {
      id: `${rg}/providers/Microsoft.Compute/virtualMachines/web-vm-01`,
      resourceType: 'microsoft.compute/virtualmachines',
    });
    const item = await nodeAt(host.api, SUB, VAULTS, 'contoso-vault', 'Backup items', 'web-vm-01');
    const [point] = await host.api.tree.getChildren(item);
    const recoveryPointId = (point as unknown as { point: RecoveryPoint }).point.name;
    const vmName = `azrst-${Date.now() % 10_000}`;
    const vnet = `${rg}/providers/Microsoft.Network/virtualNetworks/contoso-web-vnet`;
    const request: RestoreRequest = {
      kind: 'newVm',
      region: 'westeurope',
      vmName,
      targetResourceGroup: 'contoso-web-rg',
      virtualNetworkId: vnet,
      subnetId: `${vnet}/subnets/restore`,
      stagingStorageAccountId: `${rg}/providers/Microsoft.Storage/storageAccounts/contosowebstaging`,
    };
    const outcome = (await withFastClock(host.api, () =>
      host.api.run('azureBackup.azureResources.restore', protectedRow, { recoveryPointId, request }),
    )) as RestoreOutcome;
    assert.strictEqual(outcome.operation?.outcome, 'Completed', JSON.stringify(outcome.operation?.error));
    assert.strictEqual(outcome.operation?.job?.properties?.['Target VM Name'], vmName);
    const restores = host.sandbox.requestLog
      .entries()
      .filter((e) => e.method === 'POST' && e.path.endsWith('/restore'));
    assert.match(decodeURIComponent(restores.at(-1)?.path ?? ''), /;web-vm-01\/recoveryPoints\/[^/]+\/restore$/i);
  });

  it("Show in Azure Backup View reveals and selects the VM's node in our tree", async () => {
    const name = newVm();
    await vscode.commands.executeCommand('azureBackup.refresh', await nodeAt(host.api, SUB, VMS));
    const result = (await host.api.run('azureBackup.azureResources.showInView', vmRow(name))) as {
      revealed: boolean;
      nodeId: string;
    };
    assert.strictEqual(result.revealed, true);
    // The command ends once the workbench has reported the selection.
    const selected = host.api.treeView.selection[0] as { id: string; vm?: VirtualMachine } | undefined;
    assert.strictEqual(selected?.id, result.nodeId);
    assert.strictEqual(selected?.vm?.name, name);
  });

  it('Show in Azure Backup View from another view selects a VM created after our hidden view listed its VMs', async () => {
    const drawn = newVm();
    await vscode.commands.executeCommand('azureBackup.refresh', await nodeAt(host.api, SUB, VMS));
    await host.api.run('azureBackup.azureResources.showInView', vmRow(drawn));
    await vscode.commands.executeCommand('workbench.view.explorer');
    await until(() => !host.api.treeView.visible, 'our view hidden', 20_000);
    // Created in Azure after the view listed its VMs, with no refresh since.
    const name = newVm();
    const result = (await host.api.run('azureBackup.azureResources.showInView', vmRow(name))) as {
      revealed: boolean;
      nodeId: string;
    };
    assert.strictEqual(result.revealed, true);
    const selected = host.api.treeView.selection[0] as { id: string; vm?: VirtualMachine } | undefined;
    assert.strictEqual(selected?.vm?.name, name, 'selected when the command ends');
    assert.strictEqual(selected?.id, result.nodeId);
    assert.strictEqual(host.api.treeView.visible, true);
  });

  it("says so when the VM's subscription is not shown in our view, and reveals nothing", async () => {
    const name = newVm();
    const lines: string[] = [];
    const listening = host.api.log.onDidWrite((_level, line) => {
      if (line.includes('Notice: ')) lines.push(line);
    });
    const config = vscode.workspace.getConfiguration('azureBackup');
    await config.update(
      'selectedSubscriptions',
      ['00000000-0000-0000-0000-000000000000'],
      vscode.ConfigurationTarget.Global,
    );
    try {
      const result = (await host.api.run('azureBackup.azureResources.showInView', vmRow(name))) as {
        revealed: boolean;
        reason: string;
      };
      assert.deepStrictEqual(result, { revealed: false, reason: 'subscriptionNotShown' });
      assert.ok(
        lines.some((l) =>
          l.includes(`${name} is in the subscription Sandbox Subscription, which the Azure Backup view does not show`),
        ),
        lines.join('\n'),
      );
    } finally {
      listening.dispose();
      await config.update('selectedSubscriptions', undefined, vscode.ConfigurationTarget.Global);
      host.api.session.reset();
    }
  });

  it('signed out: says how to sign in and reads nothing', async () => {
    const lines: string[] = [];
    const listening = host.api.log.onDidWrite((_level, line) => {
      if (line.includes('Notice: ')) lines.push(line);
    });
    host.api.session.signOut();
    const before = host.sandbox.requestLog.entries().length;
    try {
      assert.strictEqual(await host.api.run('azureBackup.azureResources.backupStatus', vmRow('web-vm-02')), undefined);
      assert.ok(
        lines.some((l) => l.includes('Azure Backup is not signed in. Sign in to see the backup of web-vm-02.')),
        lines.join('\n'),
      );
      assert.strictEqual(host.sandbox.requestLog.entries().length, before);
    } finally {
      listening.dispose();
      await host.api.session.openSandbox();
    }
  });
});
