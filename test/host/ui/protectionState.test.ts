// Protection state and live jobs on the real extension host against the sandbox: a VM whose protection was stopped
// reads stopped (tree, menus), a Backup now form tells a refused start as refused, a backup started here is listed
// at once and read again while it runs, nothing is read when no job runs, and its end is announced.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Vault } from '../../../src/azure/model';
import type { FormPanel } from '../../../src/webview/formPanel';
import type { FormKind, HostMessage } from '../../../src/webview/protocol';
import type { TreeNode } from '../../../src/tree/treeNode';
import { runCommand } from '../reliability/fixtures';
import { labelOf, nodeAt, SUB, useApi, VAULTS, VMS } from './helpers';

const RG = 'state-rg';
const LOCATION = 'westeurope';
const VAULT = 'state-vault';
const dayFromToday = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('Protection state and live jobs', function () {
  this.timeout(120_000);
  const host = useApi();
  let vault: Vault | undefined;
  let vmCount = 0;

  async function refreshed(parent: string[], name: string): Promise<TreeNode> {
    await vscode.commands.executeCommand('azureBackup.refresh', await nodeAt(host.api, ...parent));
    return nodeAt(host.api, ...parent, name);
  }

  async function ourVault(): Promise<Vault> {
    vault ??= await runCommand<Vault>(host.api, 'azureBackup.createVault', await nodeAt(host.api, SUB, VAULTS), {
      name: VAULT,
      resourceGroup: RG,
      location: LOCATION,
    });
    assert.ok(vault, JSON.stringify(host.api.log.shownErrors().at(-1)));
    return vault;
  }

  /** A VM of our own, protected by our vault, its initial backup done (so its state is Protected). */
  async function protectedVm(): Promise<string> {
    const name = `state-vm-${++vmCount}`;
    host.sandbox.control.addVm({ resourceGroup: RG, name, location: LOCATION });
    vault = await ourVault();
    await runCommand(host.api, 'azureBackup.enableBackup', await refreshed([SUB, VMS], name), {
      vaultId: vault.id,
      policyName: 'DefaultPolicy',
    });
    await runCommand(host.api, 'azureBackup.backupNow', await refreshed([SUB, VAULTS, VAULT, 'Backup items'], name), {
      retainUntil: dayFromToday(30),
    });
    return name;
  }

  async function openBackupNow(name: string): Promise<FormPanel<FormKind>> {
    await vscode.commands.executeCommand(
      'azureBackup.backupNow',
      await refreshed([SUB, VAULTS, VAULT, 'Backup items'], name),
    );
    const panel = host.api.forms
      .list()
      .find((p) => p.definition.kind === 'backupNow' && p.definition.key.toLowerCase().endsWith(name));
    assert.ok(panel, 'Backup now opened its form');
    await panel.ready.catch(() => undefined);
    return panel;
  }

  let requestId = 1000;
  const submit = async (panel: FormPanel<FormKind>): Promise<HostMessage> =>
    (await panel.receive({
      type: 'submit',
      requestId: ++requestId,
      payload: { retainUntil: dayFromToday(30) },
    })) as HostMessage;

  it('shows a VM whose protection was stopped as stopped, with the menus of a stopped VM, also after Refresh', async () => {
    const name = await protectedVm();
    const notices: string[] = [];
    const listening = host.api.log.onDidWrite((_level, line) => {
      if (line.includes('Notice: ')) notices.push(line);
    });
    try {
      await runCommand(
        host.api,
        'azureBackup.stopProtectionRetain',
        await refreshed([SUB, VAULTS, VAULT, 'Backup items'], name),
        { confirmed: true },
      );
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      listening.dispose();
    }
    assert.ok(
      notices.some((n) => n.includes(`Protection of ${name} stopped; its backup data is kept.`)),
      `the stop's end is announced: ${JSON.stringify(notices)}`,
    );
    for (const pass of ['after the stop', 'after Refresh']) {
      const vm = pass === 'after Refresh' ? await refreshed([SUB, VMS], name) : await nodeAt(host.api, SUB, VMS, name);
      const item = vm.getTreeItem();
      assert.strictEqual(item.description, `Protection stopped in ${VAULT} (data retained) · West Europe`, pass);
      assert.strictEqual(item.contextValue, 'virtualMachineProtectionStopped', pass);
      const backupItem = (await nodeAt(host.api, SUB, VAULTS, VAULT, 'Backup items', name)).getTreeItem();
      assert.match(String(backupItem.description), /^Protection stopped \(data retained\)/, pass);
      assert.strictEqual(backupItem.contextValue, 'backupItemProtectionStopped', pass);
    }
    // Backup now reached another way (the palette, a stale node) is not sent: the service would refuse it.
    host.sandbox.requestLog.clear();
    const outcome = await host.api.run(
      'azureBackup.backupNow',
      await nodeAt(host.api, SUB, VAULTS, VAULT, 'Backup items', name),
      { retainUntil: dayFromToday(30) },
    );
    assert.deepStrictEqual(outcome, { started: false });
    assert.deepStrictEqual(
      host.sandbox.requestLog
        .entries()
        .filter((e) => e.method === 'POST' && /\/backup$/i.test(e.path))
        .map((e) => e.path),
      [],
    );
  });

  it('answers a Backup now form whose start the service refused with the refusal, not "started"', async () => {
    const name = await protectedVm();
    const panel = await openBackupNow(name);
    // The form was opened while the VM was protected; protection stops before it is submitted.
    await runCommand(
      host.api,
      'azureBackup.stopProtectionRetain',
      await refreshed([SUB, VAULTS, VAULT, 'Backup items'], name),
      { confirmed: true },
    );
    const reply = await submit(panel);
    panel.dispose();
    assert.ok(reply.type === 'reply', JSON.stringify(reply));
    assert.strictEqual(reply.ok, false, `the form said: ${JSON.stringify(reply)}`);
    if (!reply.ok) assert.strictEqual(reply.error.code, 'BMSUserErrorProtectionStopped');
  });

  it('answers an Enable backup form whose start the service refused with the refusal, not "Configuring"', async () => {
    const name = `state-vm-${++vmCount}`;
    host.sandbox.control.addVm({ resourceGroup: RG, name, location: LOCATION });
    const target = await ourVault();
    await vscode.commands.executeCommand('azureBackup.enableBackup', await refreshed([SUB, VMS], name));
    const panel = host.api.forms
      .list()
      .find((p) => p.definition.kind === 'enableBackupVm' && p.definition.key.toLowerCase().endsWith(name));
    assert.ok(panel, 'Enable backup opened its form');
    await panel.ready.catch(() => undefined);
    host.sandbox.setFaults({
      rate: 1,
      kinds: ['forbidden'],
      pathPattern: `/protectedItems/[^/]*${name}$`,
      methods: ['PUT'],
    });
    const reply = (await panel.receive({
      type: 'submit',
      requestId: ++requestId,
      payload: { vaultId: target.id, newVaultName: '', policyName: 'DefaultPolicy' },
    })) as HostMessage;
    panel.dispose();
    assert.ok(reply.type === 'reply', JSON.stringify(reply));
    assert.strictEqual(reply.ok, false, `the form said: ${JSON.stringify(reply)}`);
    if (!reply.ok) assert.strictEqual(reply.error.code, 'AuthorizationFailed');
  });

  it('lists a backup started here at once, reads it again while it runs, stops reading when idle, and announces its end', async () => {
    const name = await protectedVm();
    const jobsNode = await refreshed([SUB, VAULTS, VAULT], 'Backup jobs');
    const runningJobs = async (): Promise<string[]> =>
      (await host.api.tree.getChildren(jobsNode))
        .map((n) => `${labelOf(n)} ${String(n.getTreeItem().description)}`)
        .filter((l) => l.startsWith(`Backup · ${name} In progress`));
    assert.deepStrictEqual(await runningJobs(), [], 'no backup of the VM runs yet');
    const notices: string[] = [];
    const listening = host.api.log.onDidWrite((_level, line) => {
      if (line.includes('Notice: ')) notices.push(line);
    });
    const changed: TreeNode[] = [];
    const watching = host.api.tree.onDidChangeTreeData((node) => {
      if (node) changed.push(node);
    });
    const interval = host.api.tree.liveIntervalMs;
    host.api.tree.liveIntervalMs = 400;
    try {
      const panel = await openBackupNow(name);
      const reply = await submit(panel);
      panel.dispose();
      assert.ok(reply.type === 'reply' && reply.ok, JSON.stringify(reply));
      // Listed at once: no Refresh between the form's answer and this read.
      assert.strictEqual((await runningJobs()).length, 1, 'the started backup is listed under Backup jobs');

      // While it runs the node is read again by itself (VS Code then reloads it while it is expanded).
      changed.length = 0;
      host.sandbox.clock.advance(15_000);
      await waitFor(() => changed.includes(jobsNode), 5_000, 'the running job list to be reloaded');
      const progressed = await runningJobs();
      assert.strictEqual(progressed.length, 1, 'still running');
      assert.match(progressed[0], /In progress( \(\d+%\))? · 0:00:(1[5-9]|[2-5]\d)/, 'its time moved on');

      // It ends: the end is announced, and a list without running jobs is not read again.
      host.sandbox.clock.advance(120_000);
      await waitFor(
        () => notices.some((n) => n.includes(`Backup of ${name} completed.`)),
        30_000,
        'the end to be announced',
      );
      await waitFor(async () => (await runningJobs()).length === 0, 10_000, 'the job to be shown ended');
      await host.api.tree.getChildren(jobsNode);
      host.sandbox.requestLog.clear();
      changed.length = 0;
      await new Promise((resolve) => setTimeout(resolve, 5 * 400));
      assert.deepStrictEqual(
        changed.filter((n) => n === jobsNode),
        [],
        'an idle job list is not reloaded',
      );
      assert.deepStrictEqual(
        host.sandbox.requestLog
          .entries()
          .filter((e) => /backupJobs/i.test(e.path))
          .map((e) => `${e.method} ${e.path}`),
        [],
        'no job calls while idle',
      );
    } finally {
      host.api.tree.liveIntervalMs = interval;
      listening.dispose();
      watching.dispose();
    }
  });
});

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
