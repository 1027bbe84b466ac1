import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BackupItem } from '../../../src/azure/model';
import type { AzureBackupApi } from '../../../src/extension';
import { formatDateTime } from '../../../src/presentation/time';
import { childrenAt, getApi, labelOf, SUB, VAULTS, VMS } from './helpers';

describe('Backup tree on the sandbox', function () {
  this.timeout(60_000);
  let api: AzureBackupApi;
  before(async () => {
    api = await getApi();
  });

  it('shows the sandbox subscription at the root', async () => {
    const root = await api.tree.getChildren();
    assert.ok(root.map(labelOf).includes(SUB), root.map(labelOf).join(', '));
    assert.strictEqual(api.session.mode, 'sandbox');
  });

  it('shows vaults and virtual machines under the subscription', async () => {
    assert.deepStrictEqual((await childrenAt(api, SUB)).map(labelOf), [VAULTS, VMS]);
  });

  it('describes the vault by region and redundancy and gives it stable ids', async () => {
    const vaults = await childrenAt(api, SUB, VAULTS);
    const vault = vaults.find((v) => labelOf(v) === 'contoso-vault');
    assert.ok(vault);
    const item = vault.getTreeItem();
    assert.strictEqual(item.description, 'West Europe · Geo-redundant');
    assert.strictEqual(item.contextValue, 'vault');
    assert.ok(item.id?.endsWith('/providers/microsoft.recoveryservices/vaults/contoso-vault'), item.id);
    assert.ok(item.accessibilityInformation?.label.includes('contoso-vault'));
    assert.deepStrictEqual((await api.tree.getChildren(vault)).map(labelOf), [
      'Backup items',
      'Backup jobs',
      'Backup policies',
    ]);
  });

  it('lists the protected VM with health and last backup', async () => {
    const items = await childrenAt(api, SUB, VAULTS, 'contoso-vault', 'Backup items');
    const web = items.find((i) => labelOf(i) === 'web-vm-01');
    assert.ok(web, items.map(labelOf).join(', '));
    assert.match(String(web.getTreeItem().description), /^Healthy · last backup /);
    assert.strictEqual(web.getTreeItem().contextValue, 'backupItem');
    // The tooltip's date as the display language writes it (English here), not the runtime's default format.
    const last = (web as unknown as { item: BackupItem }).item.lastBackupTime;
    assert.ok(last);
    const tooltip = (web.getTreeItem().tooltip as vscode.MarkdownString).value;
    assert.ok(tooltip.includes(formatDateTime(last, vscode.env.language)), tooltip);
    assert.doesNotMatch(tooltip, /\d{1,2}\/\d{1,2}\/\d{4}/);
  });

  it('lists jobs of the last 24 hours and the policies', async () => {
    const jobs = await childrenAt(api, SUB, VAULTS, 'contoso-vault', 'Backup jobs');
    assert.ok(
      jobs.some((j) => labelOf(j).startsWith('Backup · web-vm-01')),
      jobs.map(labelOf).join(', '),
    );
    const policies = await childrenAt(api, SUB, VAULTS, 'contoso-vault', 'Backup policies');
    assert.ok(policies.map(labelOf).includes('DefaultPolicy'));
  });

  it('lists every VM with its protection', async () => {
    const vms = await childrenAt(api, SUB, VMS);
    const byName = new Map(vms.map((v) => [labelOf(v), v.getTreeItem()]));
    assert.strictEqual(byName.get('web-vm-01')?.description, 'Protected by contoso-vault · West Europe');
    assert.strictEqual(byName.get('sql-vm-01')?.description, 'Not protected · North Europe');
    assert.strictEqual(byName.get('sql-vm-01')?.contextValue, 'virtualMachine');
    assert.strictEqual(byName.get('web-vm-01')?.contextValue, 'virtualMachineProtected');
  });
});
