// The protection lifecycle on the real extension host against the sandbox: change the policy of a protected item
// (the same one again sends nothing; Enhanced → Standard is refused with a sentence and nothing sent), stop with
// data retained and resume with the last policy offered first, stop with delete data under soft delete (the item
// stays, "Soft deleted, purged on <date>", the vault's tooltip says why it cannot be deleted), undelete, resume.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BackupItem, Policy, Vault } from '../../../src/azure/model';
import type { ChangePolicyOutcome } from '../../../src/commands/changePolicy';
import { shorterRetentionSentence } from '../../../src/commands/changePolicy';
import type { ResumeOutcome } from '../../../src/commands/resumeProtection';
import type { UndeleteOutcome } from '../../../src/commands/undelete';
import { policyPickItems } from '../../../src/commands/shared/itemPolicyPick';
import { itemRef } from '../../../src/tree/refs';
import type { TreeNode } from '../../../src/tree/treeNode';
import type { FormPanel } from '../../../src/webview/formPanel';
import type { FormKind, HostMessage } from '../../../src/webview/protocol';
import { requestsTo, runCommand } from '../reliability/fixtures';
import { nodeAt, SUB, useApi, VAULTS, VMS } from '../ui/helpers';

const RG = 'lifecycle-rg';
const LOCATION = 'westeurope';
const VAULT = 'lifecycle-vault';
const PUT_ITEM = { method: 'PUT', path: '/protectedItems/[^/]+$' };
const retainUntil = (): string => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

describe('The protection lifecycle', function () {
  this.timeout(120_000);
  const host = useApi();
  let vault: Vault;
  let vmCount = 0;

  const refreshed = async (parent: string[], name: string): Promise<TreeNode> => {
    await vscode.commands.executeCommand('azureBackup.refresh', await nodeAt(host.api, ...parent));
    return nodeAt(host.api, ...parent, name);
  };
  const itemNode = (name: string): Promise<TreeNode> => refreshed([SUB, VAULTS, VAULT, 'Backup items'], name);
  const itemOf = async (name: string): Promise<BackupItem> =>
    ((await itemNode(name)) as unknown as { item: BackupItem }).item;
  const putsFor = (name: string): number =>
    requestsTo(host.api, PUT_ITEM).filter((e) => e.path.toLowerCase().endsWith(name.toLowerCase())).length;
  const jobsOf = (name: string, operation: string): number =>
    host.sandbox.control.snapshot().jobs.filter((j) => j.entityFriendlyName === name && j.operation === operation)
      .length;
  const notices = (): { list: string[]; dispose: () => void } => {
    const list: string[] = [];
    const listening = host.api.log.onDidWrite((_level, line) => {
      if (line.includes('Notice: ')) list.push(line);
    });
    return { list, dispose: () => listening.dispose() };
  };

  /** A VM of our own, protected by our vault with `policyName`, its first backup done. */
  async function protectedVm(policyName = 'DefaultPolicy'): Promise<string> {
    const name = `life-vm-${++vmCount}`;
    host.sandbox.control.addVm({ resourceGroup: RG, name, location: LOCATION });
    await runCommand(host.api, 'azureBackup.enableBackup', await refreshed([SUB, VMS], name), {
      vaultId: vault.id,
      policyName,
    });
    await runCommand(host.api, 'azureBackup.backupNow', await itemNode(name), { retainUntil: retainUntil() });
    assert.strictEqual(
      (await itemOf(name)).protectionState,
      'Protected',
      JSON.stringify(host.api.log.shownErrors().at(-1)),
    );
    return name;
  }

  before(async () => {
    host.sandbox.control.addVm({ resourceGroup: RG, name: 'life-seed', location: LOCATION }); // makes the resource group
    vault = (await runCommand<Vault>(host.api, 'azureBackup.createVault', await nodeAt(host.api, SUB, VAULTS), {
      name: VAULT,
      resourceGroup: RG,
      location: LOCATION,
    })) as Vault;
    assert.ok(vault, JSON.stringify(host.api.log.shownErrors().at(-1)));
    await runCommand(host.api, 'azureBackup.createPolicy', await nodeAt(host.api, SUB, VAULTS, VAULT), {
      name: 'ShortKeep',
      timeZone: 'UTC',
      instantRestoreDays: 2,
      schedule: { frequency: 'Daily', time: '20:00' },
      retention: { dailyDays: 7 },
    });
  });

  it('changes the policy of a protected item with one job; the same policy again sends nothing', async () => {
    const name = await protectedVm();
    const before = putsFor(name);
    const changed = await runCommand<ChangePolicyOutcome>(host.api, 'azureBackup.changePolicy', await itemNode(name), {
      policyName: 'ShortKeep',
      confirmed: true,
    });
    assert.ok(changed?.changed, JSON.stringify(changed ?? host.api.log.shownErrors().at(-1)));
    assert.strictEqual(changed.operation.outcome, 'Completed');
    assert.strictEqual((await itemOf(name)).policyName, 'ShortKeep');
    assert.strictEqual(putsFor(name) - before, 1, 'one PUT');
    assert.strictEqual(jobsOf(name, 'ConfigureBackup'), 2, 'the enable and the change');
    const again = await runCommand<ChangePolicyOutcome>(host.api, 'azureBackup.changePolicy', await itemNode(name), {
      policyName: 'shortkeep',
      confirmed: true,
    });
    assert.deepStrictEqual(again, { changed: false, reason: 'SamePolicy' });
    assert.strictEqual(putsFor(name) - before, 1, 'nothing sent for the policy it has');
  });

  it('says what a shorter retention does to existing recovery points, and marks the current policy first', async () => {
    const name = await protectedVm();
    const item = await itemOf(name);
    const service = await host.api.service(vault.subscriptionId);
    const policies = (await service.listPolicies(itemRef(item))).items;
    const byName = (n: string): Policy => policies.find((p) => p.name === n) as Policy;
    assert.strictEqual(
      shorterRetentionSentence(item, byName('DefaultPolicy'), byName('ShortKeep')),
      `ShortKeep keeps recovery points for less time than DefaultPolicy: existing recovery points of ${name} older than the new retention are deleted.`,
    );
    assert.strictEqual(
      shorterRetentionSentence(item, byName('ShortKeep'), byName('DefaultPolicy')),
      undefined,
      'a longer retention deletes nothing',
    );
    const rows = policyPickItems(
      policies.filter((p) => p.backupManagementType === 'AzureIaasVM'),
      'DefaultPolicy',
      'current policy',
      byName('DefaultPolicy'),
    );
    assert.deepStrictEqual([rows[0].label, rows[0].description], ['DefaultPolicy', 'current policy']);
    assert.match(String(rows[0].detail), /^Daily at \d\d:\d\d · 30 days$/, 'shown by its schedule');
  });

  it('refuses moving an item from an Enhanced to a Standard policy with a sentence, sending nothing', async () => {
    const name = await protectedVm('EnhancedPolicy');
    const told = notices();
    const before = putsFor(name);
    const shownBefore = host.api.log.shownCount;
    try {
      const outcome = await runCommand<ChangePolicyOutcome>(
        host.api,
        'azureBackup.changePolicy',
        await itemNode(name),
        { policyName: 'DefaultPolicy', confirmed: true },
      );
      assert.deepStrictEqual(outcome, { changed: false, reason: 'EnhancedToStandard' });
    } finally {
      told.dispose();
    }
    assert.ok(
      told.list.some((n) =>
        n.includes(
          `The policy of ${name} cannot become DefaultPolicy: An item on an Enhanced policy cannot move to a Standard policy.`,
        ),
      ),
      JSON.stringify(told.list),
    );
    assert.strictEqual(host.api.log.shownCount, shownBefore, 'a sentence, not an error display');
    // The Azure layer refuses it too (the palette, a script), before sending.
    const service = await host.api.service(vault.subscriptionId);
    await assert.rejects(
      service.changePolicy(itemRef(await itemOf(name)), 'DefaultPolicy'),
      (e: { code?: string }) => e.code === 'EnhancedToStandardPolicy',
    );
    assert.strictEqual(putsFor(name), before, 'nothing sent');
    // Enhanced to another Enhanced policy would be allowed: the QuickPick lists the Standard ones apart, with the reason.
    const policies = (await service.listPolicies(itemRef(await itemOf(name)))).items.filter(
      (p) => p.backupManagementType === 'AzureIaasVM',
    );
    const rows = policyPickItems(
      policies,
      'EnhancedPolicy',
      'current policy',
      policies.find((p) => p.name === 'EnhancedPolicy'),
    );
    const separator = rows.findIndex((r) => r.kind === vscode.QuickPickItemKind.Separator);
    assert.ok(separator > 0, 'the Standard policies come after a separator');
    assert.strictEqual(rows[separator].label, 'An item on an Enhanced policy cannot move to a Standard policy.');
    assert.ok(rows.slice(separator + 1).every((r) => r.policy?.policyType === 'V1'));
    assert.ok(rows.slice(0, separator).every((r) => r.policy?.policyType === 'V2'));
  });

  it('resumes an item stopped with its data retained, offering its last policy first', async () => {
    const name = await protectedVm();
    await runCommand(host.api, 'azureBackup.changePolicy', await itemNode(name), {
      policyName: 'ShortKeep',
      confirmed: true,
    });
    await runCommand(host.api, 'azureBackup.stopProtectionRetain', await itemNode(name), { confirmed: true });
    const stopped = await itemNode(name);
    assert.strictEqual(stopped.getTreeItem().contextValue, 'backupItemProtectionStopped');
    const resumed = await runCommand<ResumeOutcome>(host.api, 'azureBackup.resumeProtection', stopped, {
      policyName: 'ShortKeep',
    });
    assert.ok(resumed?.resumed, JSON.stringify(resumed ?? host.api.log.shownErrors().at(-1)));
    const item = await itemOf(name);
    assert.strictEqual(item.protectionState, 'Protected');
    assert.strictEqual(item.policyName, 'ShortKeep');
    assert.strictEqual((await itemNode(name)).getTreeItem().contextValue, 'backupItem');
    const vm = await refreshed([SUB, VMS], name);
    assert.match(String(vm.getTreeItem().description), new RegExp(`^Protected by ${VAULT}`));
  });

  it('keeps an item stopped with delete data as soft deleted with its purge date; undelete, then resume', async () => {
    const name = await protectedVm();
    const told = notices();
    try {
      const deleted = await runCommand(host.api, 'azureBackup.stopProtectionDelete', await itemNode(name), {
        confirmed: true,
      });
      assert.ok(deleted, JSON.stringify(host.api.log.shownErrors().at(-1)));
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      told.dispose();
    }
    // Soft delete keeps the data: the end says so instead of "deleted".
    assert.ok(
      told.list.some((n) =>
        n.includes(
          `Protection of ${name} stopped and its backup data deleted into soft delete: it is kept 14 days and can be undeleted until then.`,
        ),
      ),
      JSON.stringify(told.list),
    );
    const node = await itemNode(name);
    const item = (node as unknown as { item: BackupItem }).item;
    assert.strictEqual(item.softDeleted, true);
    assert.ok(item.purgeTime && item.deferredDeleteTime);
    assert.strictEqual(
      item.purgeTime.getTime() - item.deferredDeleteTime.getTime(),
      14 * 86_400_000,
      "the vault's 14 days after the delete",
    );
    const purgeDay = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(item.purgeTime);
    const shown = node.getTreeItem();
    assert.strictEqual(shown.description, `Soft deleted, purged on ${purgeDay}`);
    assert.strictEqual(shown.contextValue, 'backupItemSoftDeleted');
    // The vault holds a soft-deleted item: its tooltip says so, and why it cannot be deleted.
    const vaultTip = (await nodeAt(host.api, SUB, VAULTS, VAULT)).getTreeItem().tooltip as vscode.MarkdownString;
    assert.match(vaultTip.value, /Soft delete: On, deleted data kept 14 days/);
    assert.match(
      vaultTip.value,
      /Soft-deleted items: \d+: the vault cannot be deleted until they are purged or undeleted and their data deleted/,
    );
    assert.match(vaultTip.value, /Immutability: Off/);
    assert.match(vaultTip.value, /Multi-user authorization: Off/);
    // Resume is refused while soft deleted: undelete first.
    const early = await runCommand<ResumeOutcome>(host.api, 'azureBackup.resumeProtection', node, {
      policyName: 'DefaultPolicy',
    });
    assert.deepStrictEqual(early, { resumed: false });

    const undone = await runCommand<UndeleteOutcome>(host.api, 'azureBackup.undelete', node);
    assert.ok(undone?.undeleted, JSON.stringify(undone ?? host.api.log.shownErrors().at(-1)));
    const back = await itemNode(name);
    assert.strictEqual(back.getTreeItem().contextValue, 'backupItemProtectionStopped', 'stopped, data retained');
    assert.strictEqual(jobsOf(name, 'Undelete'), 1);
    const resumed = await runCommand<ResumeOutcome>(host.api, 'azureBackup.resumeProtection', back, {
      policyName: 'DefaultPolicy',
    });
    assert.ok(resumed?.resumed, JSON.stringify(resumed ?? host.api.log.shownErrors().at(-1)));
    assert.strictEqual((await itemOf(name)).protectionState, 'Protected');
  });

  it('reads and saves the vault security settings, retention checked before sending', async () => {
    const service = await host.api.service(vault.subscriptionId);
    const ref = { subscriptionId: vault.subscriptionId, resourceGroup: vault.resourceGroup, name: vault.name };
    const before = await service.getVaultSecurity(ref);
    assert.deepStrictEqual(before, { softDelete: 'Enabled', softDeleteRetentionDays: 14, enhancedSecurity: 'Enabled' });
    await assert.rejects(
      service.updateVaultSecurity(ref, { ...before, softDeleteRetentionDays: 200 }),
      (e: { code?: string; target?: string }) =>
        e.code === 'InvalidSoftDeleteRetention' && e.target === 'softDeleteRetentionDays',
    );
    const saved = await service.updateVaultSecurity(ref, { ...before, softDeleteRetentionDays: 30 });
    assert.strictEqual(saved.softDeleteRetentionDays, 30);
    assert.deepStrictEqual(await service.listResourceGuardMappings(ref), []);
    await service.updateVaultSecurity(ref, { ...before, softDeleteRetentionDays: 14 });
  });

  it('saves the Vault security form; always on needs the vault name typed and then cannot be turned off', async () => {
    const name = `life-sec-${Date.now() % 100_000}`;
    await runCommand(host.api, 'azureBackup.createVault', await nodeAt(host.api, SUB, VAULTS), {
      name,
      resourceGroup: RG,
      location: LOCATION,
    });
    const open = async (): Promise<FormPanel<FormKind>> => {
      await vscode.commands.executeCommand('azureBackup.vaultSecurity', await refreshed([SUB, VAULTS], name));
      const panel = host.api.forms
        .list()
        .find((p) => p.definition.kind === 'vaultSecurity' && p.definition.key.includes(`/vaults/${name}#`));
      assert.ok(panel, 'Vault Security… opened its form');
      await panel.ready.catch(() => undefined);
      return panel;
    };
    let requestId = 500;
    const send = async (panel: FormPanel<FormKind>, payload: Record<string, unknown>): Promise<HostMessage> =>
      (await panel.receive({
        type: 'submit',
        requestId: ++requestId,
        payload: {
          softDelete: 'Enabled',
          softDeleteRetentionDays: 14,
          enhancedSecurity: 'Enabled',
          confirmName: '',
          ...payload,
        },
      })) as HostMessage;
    const patches = (): number =>
      requestsTo(host.api, { method: 'PATCH|PUT', path: '/backupconfig/vaultconfig$' }).length;
    const before = patches();

    let panel = await open();
    for (const [payload, field] of [
      [{ softDeleteRetentionDays: 10 }, 'softDeleteRetentionDays'],
      [{ softDelete: 'AlwaysOn', confirmName: 'not-the-name' }, 'confirmName'],
    ] as const) {
      const reply = await send(panel, payload);
      assert.ok(reply.type === 'reply' && !reply.ok && reply.error.field === field, JSON.stringify(reply));
    }
    assert.strictEqual(patches(), before, 'nothing sent for a refused input');
    const saved = await send(panel, { softDeleteRetentionDays: 30 });
    assert.ok(saved.type === 'reply' && saved.ok, JSON.stringify(saved));
    panel.dispose();
    const tip = (await refreshed([SUB, VAULTS], name)).getTreeItem().tooltip as vscode.MarkdownString;
    assert.match(tip.value, /Soft delete: On, deleted data kept 30 days/);

    panel = await open();
    const always = await send(panel, { softDelete: 'AlwaysOn', softDeleteRetentionDays: 30, confirmName: name });
    assert.ok(always.type === 'reply' && always.ok, JSON.stringify(always));
    panel.dispose();
    const service = await host.api.service(vault.subscriptionId);
    assert.strictEqual(
      (await service.getVaultSecurity({ subscriptionId: vault.subscriptionId, resourceGroup: RG, name })).softDelete,
      'AlwaysOn',
    );
    panel = await open();
    const sent = patches();
    const off = await send(panel, { softDelete: 'Disabled', softDeleteRetentionDays: 30 });
    panel.dispose();
    assert.ok(off.type === 'reply' && !off.ok && off.error.field === 'softDelete', JSON.stringify(off));
    assert.strictEqual(off.ok ? '' : off.error.message, 'Always on: it cannot be turned off.');
    assert.strictEqual(patches(), sent, 'not sent: the service would refuse it');
  });

  it("refuses what the vault's Resource Guard protects with a sentence naming the guard, before asking or sending", async () => {
    const guarded = { subscriptionId: vault.subscriptionId, resourceGroup: 'security-rg', name: 'vault-guarded' };
    const guardedId = `/subscriptions/${guarded.subscriptionId}/resourceGroups/${guarded.resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${guarded.name}`;
    const service = await host.api.service(vault.subscriptionId);
    assert.deepStrictEqual(
      (await service.listResourceGuardMappings(guarded)).map((g) => g.resourceGuardName),
      ['contoso-guard'],
    );
    // The vault itself reports multi-user authorization on, and its tooltip shows it.
    const guardedTip = (await nodeAt(host.api, SUB, VAULTS, guarded.name)).getTreeItem()
      .tooltip as vscode.MarkdownString;
    assert.match(guardedTip.value, /Multi-user authorization: On: a Resource Guard must approve critical operations/);
    const name = `life-guard-${++vmCount}`;
    host.sandbox.control.addVm({ resourceGroup: guarded.resourceGroup, name, location: LOCATION });
    await runCommand(host.api, 'azureBackup.enableBackup', await refreshed([SUB, VMS], name), {
      vaultId: guardedId,
      policyName: 'DefaultPolicy',
    });
    const item = await refreshed([SUB, VAULTS, guarded.name, 'Backup items'], name);
    const deletes = (): number => requestsTo(host.api, { method: 'DELETE', path: '/protectedItems/[^/]+$' }).length;
    const before = deletes();
    const told = notices();
    try {
      // No `confirmed`: were the name asked for first, this would wait for it.
      const outcome = await runCommand(host.api, 'azureBackup.stopProtectionDelete', item);
      assert.deepStrictEqual(outcome, { refused: 'ResourceGuard' });
    } finally {
      told.dispose();
    }
    assert.ok(
      told.list.some((n) =>
        n.includes(
          'Stop protection with delete data is protected by Resource Guard contoso-guard: it needs approval through the Resource Guard and cannot be done here.',
        ),
      ),
      JSON.stringify(told.list),
    );
    assert.strictEqual(deletes(), before, 'no DELETE sent');
    // The layer refuses it too (the palette, a script), and maps the service's own refusal to the same sentence.
    await assert.rejects(
      service.stopProtection(
        (item as unknown as { ref: import('../../../src/azure/backupService').ItemRef }).ref,
        'DeleteData',
      ),
      (e: { code?: string; target?: string }) =>
        e.code === 'ResourceGuardApprovalRequired' && e.target === 'contoso-guard',
    );
    await assert.rejects(
      service.updateVaultSecurity(guarded, { ...(await service.getVaultSecurity(guarded)), softDelete: 'Disabled' }),
      (e: { code?: string; target?: string }) =>
        e.code === 'ResourceGuardApprovalRequired' && e.target === 'contoso-guard',
    );
    assert.strictEqual(deletes(), before, 'still no DELETE');
  });
});
