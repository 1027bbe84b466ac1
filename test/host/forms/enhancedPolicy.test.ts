// The policy form with Enhanced (V2) policies on the real extension host against the sandbox: it creates an hourly
// Enhanced policy, shows it by its schedule in the tree, and edits it keeping its type. The form is opened through
// its command on a tree node and answered as its page answers (a submit message), on a vault of our own.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Vault } from '../../../src/azure/model';
import type { TreeNode } from '../../../src/tree/treeNode';
import type { FormPanel } from '../../../src/webview/formPanel';
import { formStrings } from '../../../src/webview/fieldMessages';
import type { FormKind, HostMessage, PolicyInit } from '../../../src/webview/protocol';
import { runCommand } from '../reliability/fixtures';
import { nodeAt, sandboxOf, SUB, useApi, VAULTS, withFastClock } from '../ui/helpers';
import { writes } from './sandboxWrites';

const RG = 'enhanced-policy-rg';
const VAULT = 'enhanced-policy-vault';
const POLICIES = 'Backup policies';
const HOURLY = {
  name: 'EveryFour',
  policyType: 'V2',
  timeZone: 'UTC',
  instantRestoreDays: 14,
  schedule: { frequency: 'Hourly', intervalHours: 4, windowStart: '08:00', windowHours: 12 },
  retention: { dailyDays: 30 },
};

describe('Policy form: Enhanced policies', function () {
  this.timeout(120_000);
  const host = useApi();
  let requestId = 500;

  before(async () => {
    sandboxOf(host.api).control.addVm({ resourceGroup: RG, name: 'enhanced-policy-vm', location: 'westeurope' });
    const vault = await runCommand<Vault>(host.api, 'azureBackup.createVault', await nodeAt(host.api, SUB, VAULTS), {
      name: VAULT,
      resourceGroup: RG,
      location: 'westeurope',
    });
    assert.ok(vault, JSON.stringify(host.api.log.shownErrors().at(-1)));
  });
  afterEach(() => {
    for (const p of host.api.forms.list()) if (p.definition.kind === 'policy') p.dispose();
  });

  async function refreshed(...path: string[]): Promise<TreeNode> {
    await vscode.commands.executeCommand('azureBackup.refresh', await nodeAt(host.api, ...path.slice(0, -1)));
    return nodeAt(host.api, ...path);
  }

  async function openPolicyForm(command: string, node: TreeNode, key: string): Promise<FormPanel<FormKind>> {
    await vscode.commands.executeCommand(command, node);
    const panel = host.api.forms
      .list()
      .find((p) => p.definition.kind === 'policy' && p.definition.key.toLowerCase().endsWith(key));
    assert.ok(panel, `${command} opened the policy form`);
    await panel.ready.catch(() => undefined);
    return panel;
  }

  /** Sends the page's submit; the reply and what reached the sandbox as writes. */
  async function submit(
    panel: FormPanel<FormKind>,
    payload: unknown,
  ): Promise<{ reply: HostMessage; written: string[] }> {
    const log = host.sandbox.requestLog;
    const mark = log.entries().length;
    const id = ++requestId;
    const reply = (await withFastClock(host.api, () => panel.receive({ type: 'submit', requestId: id, payload }))) as
      HostMessage | undefined;
    assert.ok(reply?.type === 'reply' && reply.requestId === id, `the page got its answer: ${JSON.stringify(reply)}`);
    return { reply, written: writes(log.entries().slice(mark)) };
  }

  it('creates an hourly Enhanced policy, shown by its schedule in the tree', async () => {
    const panel = await openPolicyForm('azureBackup.createPolicy', await nodeAt(host.api, SUB, VAULTS, VAULT), '/#new');
    const { reply, written } = await submit(panel, HOURLY);
    assert.ok(reply.type === 'reply' && reply.ok, JSON.stringify(reply));
    assert.deepStrictEqual(
      written.map((w) => w.replace(/^PUT .*\/backupPolicies\//i, 'PUT ')),
      ['PUT EveryFour → 200'],
    );
    const node = await refreshed(SUB, VAULTS, VAULT, POLICIES, 'EveryFour');
    const item = node.getTreeItem();
    assert.strictEqual(item.description, 'Every 4 hours from 08:00 for 12 hours · 30 days');
    assert.strictEqual(item.contextValue, 'backupPolicy', 'an Enhanced policy is editable');
    const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip);
    assert.match(tooltip, /Every 4 hours from 08:00 for 12 hours/);
    assert.match(tooltip, /14 days/);
  });

  it('edits the Enhanced policy: shows its type and schedule, saves a new window, refuses a change of type', async () => {
    const node = await refreshed(SUB, VAULTS, VAULT, POLICIES, 'EveryFour');
    const panel = await openPolicyForm('azureBackup.editPolicy', node, '/everyfour');
    const init = panel.definition.init as PolicyInit;
    assert.deepStrictEqual(
      { policyType: init.policy.policyType, schedule: init.policy.schedule, days: init.policy.instantRestoreDays },
      { policyType: 'V2', schedule: HOURLY.schedule, days: 14 },
    );

    const standard = await submit(panel, { ...init.policy, policyType: 'V1' });
    assert.ok(standard.reply.type === 'reply' && !standard.reply.ok, JSON.stringify(standard.reply));
    assert.deepStrictEqual(
      { field: standard.reply.error.field, message: standard.reply.error.message },
      { field: 'policyType', message: formStrings('policy')['policy.typeChanged'] },
    );
    assert.deepStrictEqual(standard.written, [], 'nothing was written to Azure');

    const changed = { frequency: 'Hourly', intervalHours: 8, windowStart: '20:30', windowHours: 24 };
    const saved = await submit(panel, { ...init.policy, schedule: changed, instantRestoreDays: 30 });
    assert.ok(saved.reply.type === 'reply' && saved.reply.ok, JSON.stringify(saved.reply));
    assert.strictEqual(saved.written.length, 1, `one write: ${saved.written.join(', ')}`);
    const item = (await refreshed(SUB, VAULTS, VAULT, POLICIES, 'EveryFour')).getTreeItem();
    assert.strictEqual(item.description, 'Every 8 hours from 20:30 for 24 hours · 30 days');
  });

  it('refuses an hourly schedule on a Standard policy and an interval the service does not offer', async () => {
    const panel = await openPolicyForm('azureBackup.createPolicy', await nodeAt(host.api, SUB, VAULTS, VAULT), '/#new');
    const strings = formStrings('policy');
    for (const [payload, field, key] of [
      [{ ...HOURLY, name: 'StandardHourly', policyType: 'V1' }, 'frequency', 'policy.hourlyStandard'],
      [
        { ...HOURLY, name: 'EveryFive', schedule: { ...HOURLY.schedule, intervalHours: 5 } },
        'intervalHours',
        'policy.hourlyInterval',
      ],
      [{ ...HOURLY, name: 'LongSnapshots', instantRestoreDays: 31 }, 'instantRestoreDays', 'policy.instantRestore'],
    ] as const) {
      const { reply, written } = await submit(panel, payload);
      assert.ok(reply.type === 'reply' && !reply.ok, JSON.stringify(reply));
      assert.deepStrictEqual(
        { field: reply.error.field, message: reply.error.message },
        { field, message: strings[key].replace('{min}', '1').replace('{max}', '30') },
      );
      assert.deepStrictEqual(written, [], 'nothing was written to Azure');
    }
  });
});
