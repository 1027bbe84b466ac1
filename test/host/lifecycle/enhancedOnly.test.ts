// A VM the service protects only with an Enhanced policy (the sandbox's Trusted Launch tl-vm-01) on the real
// extension host: the enable form offers it only Enhanced policies with the reason, refuses a Standard one before
// anything is sent, and backs up the data disks chosen; Change policy lists only Enhanced policies under the reason
// and changes the disks; Resume with a Standard policy is refused with a sentence and nothing sent.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BackupItem, Vault } from '../../../src/azure/model';
import type { ChangePolicyOutcome } from '../../../src/commands/changePolicy';
import type { ResumeOutcome } from '../../../src/commands/resumeProtection';
import { policyPickItems } from '../../../src/commands/shared/itemPolicyPick';
import { itemRef } from '../../../src/tree/refs';
import type { TreeNode } from '../../../src/tree/treeNode';
import type { EnableVmInit, HostMessage, QueryResult } from '../../../src/webview/protocol';
import { requestsTo, runCommand, until } from '../reliability/fixtures';
import { nodeAt, SUB, useApi, VAULTS, VMS } from '../ui/helpers';

const VM = 'tl-vm-01';
const VAULT = 'vault-guarded';
const REASON = 'tl-vm-01 uses Trusted Launch, which needs an Enhanced policy';

describe('Enhanced-only VMs and selective disk backup', function () {
  this.timeout(120_000);
  const host = useApi();
  let vault: Vault;

  const refreshed = async (parent: string[], name: string): Promise<TreeNode> => {
    await vscode.commands.executeCommand('azureBackup.refresh', await nodeAt(host.api, ...parent));
    return nodeAt(host.api, ...parent, name);
  };
  /** The item's node; read again when the refresh a finished job triggers cancelled the load under way. */
  const itemNode = async (): Promise<TreeNode> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await refreshed([SUB, VAULTS, VAULT, 'Backup items'], VM);
      } catch (e) {
        if (attempt === 3 || !String(e).includes('Loading cancelled')) throw e;
      }
    }
  };
  const itemOf = async (): Promise<BackupItem> => ((await itemNode()) as unknown as { item: BackupItem }).item;
  const puts = (): number => requestsTo(host.api, { method: 'PUT', path: `/protectedItems/[^/]*${VM}$` }).length;
  const tooltipOf = async (): Promise<string> =>
    ((await itemNode()).getTreeItem().tooltip as vscode.MarkdownString).value;
  const notices = (): { list: string[]; dispose: () => void } => {
    const list: string[] = [];
    const listening = host.api.log.onDidWrite((_level, line) => {
      if (line.includes('Notice: ')) list.push(line);
    });
    return { list, dispose: () => listening.dispose() };
  };

  before(async () => {
    const service = await host.api.service(host.sandbox.subscriptionIds()[0]);
    const found = (await service.listVaults(host.sandbox.subscriptionIds()[0])).items.find((v) => v.name === VAULT);
    assert.ok(found);
    vault = found;
  });

  it('the enable form offers only Enhanced policies with the reason, refuses a Standard one before sending, and backs up the chosen disks', async () => {
    await vscode.commands.executeCommand('azureBackup.enableBackup', await refreshed([SUB, VMS], VM));
    const panel = host.api.forms
      .list()
      .find((p) => p.definition.kind === 'enableBackupVm' && p.definition.key.toLowerCase().endsWith(VM));
    assert.ok(panel, 'Enable backup opened its form');
    await panel.ready.catch(() => undefined);
    try {
      const init = panel.definition.init as EnableVmInit;
      assert.deepStrictEqual(
        init.dataDisks.map((d) => [d.value, d.label]),
        [
          ['0', 'LUN 0 · tl-vm-01_DataDisk_0 · 64 GB'],
          ['1', 'LUN 1 · tl-vm-01_DataDisk_1 · 64 GB'],
        ],
      );
      assert.deepStrictEqual(
        init.newVaultPolicies.map((p) => p.name),
        ['EnhancedPolicy'],
      );
      const asked = (await panel.receive({
        type: 'query',
        requestId: 1,
        query: 'vaultPolicies',
        vaultId: vault.id,
      })) as HostMessage;
      assert.ok(asked.type === 'reply' && asked.ok, JSON.stringify(asked));
      const offered = asked.result as QueryResult;
      const service = await host.api.service(vault.subscriptionId);
      const enhanced = (await service.listPolicies(vault)).items
        .filter((p) => p.backupManagementType === 'AzureIaasVM' && p.policyType === 'V2')
        .map((p) => p.name)
        .sort();
      assert.ok(enhanced.includes('EnhancedPolicy'));
      assert.deepStrictEqual(offered.policies?.map((p) => p.name).sort(), enhanced, 'only the Enhanced policies');
      assert.strictEqual(offered.policyNote, `${REASON}: only Enhanced policies are offered.`);

      const before = puts();
      const refused = (await panel.receive({
        type: 'submit',
        requestId: 2,
        payload: { vaultId: vault.id, newVaultName: '', policyName: 'DefaultPolicy' },
      })) as HostMessage;
      assert.ok(refused.type === 'reply' && !refused.ok, JSON.stringify(refused));
      assert.strictEqual(refused.error.field, 'policyName');
      assert.strictEqual(refused.error.message, `${REASON}: DefaultPolicy is a Standard policy.`);
      const unknownDisk = (await panel.receive({
        type: 'submit',
        requestId: 3,
        payload: { vaultId: vault.id, newVaultName: '', policyName: 'EnhancedPolicy', disks: 'chosen', luns: [4] },
      })) as HostMessage;
      assert.ok(unknownDisk.type === 'reply' && !unknownDisk.ok, JSON.stringify(unknownDisk));
      assert.strictEqual(unknownDisk.error.message, 'tl-vm-01 has no data disk at LUN 4.');
      assert.strictEqual(puts(), before, 'nothing sent');

      const done = (await panel.receive({
        type: 'submit',
        requestId: 4,
        payload: { vaultId: vault.id, newVaultName: '', policyName: 'EnhancedPolicy', disks: 'chosen', luns: [1] },
      })) as HostMessage;
      assert.ok(done.type === 'reply' && done.ok, JSON.stringify(done));
    } finally {
      panel.dispose();
    }
    assert.strictEqual(puts(), 1, 'one PUT');
    await until(() => host.sandbox.control.snapshot().items.some((i) => i.vmKey.endsWith(VM)), 'the item exists');
    const item = await itemOf();
    assert.strictEqual(item.policyName, 'EnhancedPolicy');
    assert.deepStrictEqual(item.diskSelection, { isInclusionList: true, luns: [1] });
    assert.match(await tooltipOf(), /Disks: Backs up the OS disk and data disk 1/);
  });

  it('Change policy lists only Enhanced policies under the reason and changes the disks; Resume refuses a Standard policy before sending', async () => {
    const item = await itemOf();
    const service = await host.api.service(vault.subscriptionId);
    const policies = (await service.listPolicies(itemRef(item))).items.filter(
      (p) => p.backupManagementType === 'AzureIaasVM',
    );
    const current = policies.find((p) => p.name === item.policyName);
    const rows = policyPickItems(policies, item.policyName, 'current policy', current, REASON);
    assert.strictEqual(rows[0].label, REASON);
    assert.strictEqual(rows[0].kind, vscode.QuickPickItemKind.Separator);
    assert.deepStrictEqual(
      rows.filter((r) => r.policy && r.policy.policyType !== 'V2').map((r) => r.label),
      [],
      'no Standard policy offered',
    );

    const before = puts();
    const osOnly = await runCommand<ChangePolicyOutcome>(host.api, 'azureBackup.changePolicy', await itemNode(), {
      policyName: 'EnhancedPolicy',
      disks: 'os',
      luns: [],
    });
    assert.ok(osOnly?.changed, JSON.stringify(osOnly ?? host.api.log.shownErrors().at(-1)));
    assert.strictEqual(puts() - before, 1);
    assert.deepStrictEqual((await itemOf()).diskSelection, { isInclusionList: true, luns: [] });
    assert.match(await tooltipOf(), /Disks: Backs up the OS disk only/);
    const same = await runCommand<ChangePolicyOutcome>(host.api, 'azureBackup.changePolicy', await itemNode(), {
      policyName: 'EnhancedPolicy',
      disks: 'os',
      luns: [],
    });
    assert.deepStrictEqual(same, { changed: false, reason: 'SamePolicy' });

    await runCommand(host.api, 'azureBackup.stopProtectionRetain', await itemNode(), { confirmed: true });
    const stopped = puts();
    const told = notices();
    try {
      const resumed = await runCommand<ResumeOutcome>(host.api, 'azureBackup.resumeProtection', await itemNode(), {
        policyName: 'DefaultPolicy',
      });
      assert.deepStrictEqual(resumed, { resumed: false });
    } finally {
      told.dispose();
    }
    assert.ok(
      told.list.some((n) => n.includes(`${REASON}: DefaultPolicy is a Standard policy.`)),
      JSON.stringify(told.list),
    );
    assert.strictEqual(puts(), stopped, 'nothing sent');
  });
  it('enabling from the vault with a Standard policy is refused for a VM with an Ultra disk, naming it, before sending', async () => {
    const name = 'ultra-vm-host';
    host.sandbox.control.addVm({
      resourceGroup: 'security-rg',
      name,
      dataDisks: [{ sizeGB: 64 }, { sizeGB: 128, storageType: 'UltraSSD_LRS' }],
    });
    const vmId = `/subscriptions/${vault.subscriptionId}/resourceGroups/security-rg/providers/Microsoft.Compute/virtualMachines/${name}`;
    const sent = (): number => requestsTo(host.api, { method: 'PUT', path: `/protectedItems/[^/]*${name}$` }).length;
    const shown = host.api.log.shownCount;
    await runCommand(host.api, 'azureBackup.enableBackupFromVault', await nodeAt(host.api, SUB, VAULTS, VAULT), {
      vmIds: [vmId],
      policyName: 'DefaultPolicy',
    });
    assert.ok(host.api.log.shownCount > shown, 'an error was shown');
    assert.match(
      host.api.log.shownErrors().at(-1)?.text ?? '',
      /ultra-vm-host has an Ultra disk, which needs an Enhanced policy: DefaultPolicy is a Standard policy\./,
    );
    assert.strictEqual(sent(), 0, 'nothing sent');
  });
});
