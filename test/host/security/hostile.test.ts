// Hostile names in sandbox data reach the tree as plain text: labels are the raw names, tooltips are untrusted
// Markdown without HTML and with every metacharacter escaped. (test/ui/hostile.test.ts checks the rendered
// workbench and webviews.)
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Vault } from '../../../src/azure/model';
import type { TreeNode } from '../../../src/tree/treeNode';
import { escapeCodicons, escapeMarkdown, isolateBidi } from '../../../src/presentation/escape';
import { labelOf, nodeAt, SUB, useApi, VAULTS, VMS } from '../ui/helpers';
import { lastShown, LOCATION, runCommand } from '../reliability/fixtures';
import { HOSTILE_RG, HOSTILE_VM_NAMES, NOTIFICATION_LINK } from './hostileNames';

/** A lone CR, CRLF, LF, NEL, LINE and PARAGRAPH SEPARATOR: each could start a row of a Markdown tooltip. */
const LINE_BREAK_NAME = 'one\rtwo\r\nthree\nfour\u0085five\u2028six\u2029seven';

function assertSafeTooltip(node: TreeNode): void {
  const item = node.getTreeItem();
  const tooltip = item.tooltip;
  if (tooltip === undefined || typeof tooltip === 'string') return;
  assert.ok(!tooltip.isTrusted, `${labelOf(node)}: tooltip not trusted`);
  assert.ok(!tooltip.supportHtml, `${labelOf(node)}: tooltip without HTML`);
  assert.ok(!tooltip.value.includes('<'), `${labelOf(node)}: no raw "<" in ${tooltip.value}`);
  assert.ok(!/(^|[^\\])\]\(/.test(tooltip.value), `${labelOf(node)}: no live link in ${tooltip.value}`);
  assert.ok(
    !/command:/.test(tooltip.value.replace(/\\/g, '')) || tooltip.value.includes('\\['),
    'a command link stays text',
  );
}

describe('Security: hostile names in the tree', function () {
  this.timeout(120_000);
  const host = useApi();
  let vault: Vault;

  before(async () => {
    const { sandbox } = host;
    for (const name of [...HOSTILE_VM_NAMES, LINE_BREAK_NAME])
      sandbox.control.addVm({ resourceGroup: HOSTILE_RG, name, location: LOCATION });
    vault = (await runCommand<Vault>(host.api, 'azureBackup.createVault', await nodeAt(host.api, SUB, VAULTS), {
      name: `hostile-vault-${Date.now() % 100_000}`,
      resourceGroup: 'reliability-rg',
      createResourceGroup: true,
      location: LOCATION,
    })) as Vault;
    assert.ok(vault, JSON.stringify(host.api.log.shownErrors().at(-1)));
    await vscode.commands.executeCommand('azureBackup.refresh');
  });

  it('VM nodes: the raw name as label, escaped untrusted tooltip', async () => {
    const vms = await host.api.tree.getChildren(await nodeAt(host.api, SUB, VMS));
    for (const name of HOSTILE_VM_NAMES) {
      const node = vms.find((n) => labelOf(n) === isolateBidi(name));
      assert.ok(node, `${name} among ${vms.map(labelOf).join(', ')}`);
      assertSafeTooltip(node);
      const tooltip = node.getTreeItem().tooltip as vscode.MarkdownString;
      assert.ok(tooltip.value.includes(escapeMarkdown(name)), 'the name is in the tooltip, escaped');
      assert.ok(tooltip.value.includes(escapeMarkdown(HOSTILE_RG)), 'the resource group too');
      assert.ok(String(node.getTreeItem().accessibilityInformation?.label).includes(name));
    }
  });

  it('enables backup of hostile VMs from the vault; items and jobs show the names as text', async () => {
    const ids = HOSTILE_VM_NAMES.slice(0, 3).map(
      (name) =>
        `/subscriptions/${vault.subscriptionId}/resourceGroups/${HOSTILE_RG}/providers/Microsoft.Compute/virtualMachines/${name}`,
    );
    const results = await runCommand<{ ok: boolean }[]>(
      host.api,
      'azureBackup.enableBackupFromVault',
      await nodeAt(host.api, SUB, VAULTS, vault.name),
      { policyName: 'DefaultPolicy', vmIds: ids },
    );
    assert.ok(
      results?.every((r) => r.ok),
      JSON.stringify(results ?? host.api.log.shownErrors().at(-1)),
    );
    const items = await host.api.tree.getChildren(await nodeAt(host.api, SUB, VAULTS, vault.name, 'Backup items'));
    for (const name of HOSTILE_VM_NAMES.slice(0, 3)) {
      const node = items.find((n) => labelOf(n) === isolateBidi(name));
      assert.ok(node, `${name} among ${items.map(labelOf).join(', ')}`);
      assertSafeTooltip(node);
    }
    const jobs = await host.api.tree.getChildren(await nodeAt(host.api, SUB, VAULTS, vault.name, 'Backup jobs'));
    assert.ok(jobs.length >= 3);
    for (const job of jobs) assertSafeTooltip(job);
    assert.ok(
      jobs.some((j) => labelOf(j).includes(HOSTILE_VM_NAMES[0] ?? '')),
      jobs.map(labelOf).join(', '),
    );
  });

  it('a name with line breaks of every kind adds no rows to its tooltip', async () => {
    const vms = await host.api.tree.getChildren(await nodeAt(host.api, SUB, VMS));
    const node = vms.find((n) => labelOf(n).startsWith('one'));
    assert.ok(node, 'the VM with line breaks in its name');
    const tooltip = (node.getTreeItem().tooltip as vscode.MarkdownString).value;
    assert.ok(
      !/[\r\u0085\u2028\u2029]/.test(tooltip),
      `no line break but the tooltip's own: ${JSON.stringify(tooltip)}`,
    );
    assert.ok(tooltip.includes('one two three four five six seven'), 'the name reads on one line');
    const plain = vms.find((n) => labelOf(n) === HOSTILE_VM_NAMES[5]);
    assert.ok(plain);
    const rows = (md: string): number => md.split('\n').length;
    assert.strictEqual(
      rows(tooltip),
      rows((plain.getTreeItem().tooltip as vscode.MarkdownString).value),
      'as many rows as another VM of its group',
    );
  });

  it('a right-to-left override stays inside its name (label, description, tooltip, QuickPick)', async () => {
    const rtl = HOSTILE_VM_NAMES.find((n) => n.includes('\u202e')) ?? '';
    const vms = await host.api.tree.getChildren(await nodeAt(host.api, SUB, VMS));
    const node = vms.find((n) => labelOf(n) === `\u2068${rtl}\u2069`);
    assert.ok(node, 'the label is isolated (FSI … PDI)');
    assert.ok(
      (node.getTreeItem().tooltip as vscode.MarkdownString).value.includes(
        `\u2068${escapeMarkdown(rtl).slice(1, -1)}\u2069`,
      ),
    );
    assert.strictEqual(escapeCodicons(rtl), `\u2068${rtl}\u2069`);
    assert.strictEqual(isolateBidi('web-vm-01'), 'web-vm-01', 'other names unchanged');
  });

  it('an ARM error quoting a name is shown with no link in it', async () => {
    // The backup service quotes the policy name it did not find; the error notification must not make a link of it.
    const policyName = '[quit](command:workbench.action.quit)';
    const vms = await host.api.tree.getChildren(await nodeAt(host.api, SUB, VMS));
    const node = vms.find((n) => labelOf(n) === HOSTILE_VM_NAMES[5]);
    assert.ok(node, 'the long-named VM, not protected yet');
    const since = host.api.log.shownCount;
    await runCommand(host.api, 'azureBackup.enableBackup', node, { vaultId: vault.id, policyName });
    const shown = lastShown(host.api, since);
    assert.ok(shown, 'the failure was shown');
    assert.strictEqual(shown.code, 'BMSUserErrorPolicyNotFound', shown.text);
    assert.ok(shown.message.includes(policyName), `the ARM message quotes the name: ${shown.message}`);
    assert.ok(!NOTIFICATION_LINK.test(shown.text), `no link in what the notification shows: ${shown.text}`);
    assert.ok(shown.text.replace(/\u2060/g, '').includes(policyName), 'the name still reads as it is');
  });

  it('QuickPick labels escape icon syntax so a name shows as text', () => {
    assert.strictEqual(escapeCodicons('a $(alert) b $(x~spin)'), 'a \\$(alert) b \\$(x~spin)');
    assert.strictEqual(
      escapeCodicons('<img src=x>'),
      '<img src=x>',
      'QuickPick renders no HTML: nothing else to escape',
    );
  });
});
