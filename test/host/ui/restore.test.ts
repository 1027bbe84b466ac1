// Restore and file recovery through the commands, against the sandbox: recovery points as tree nodes (read only
// when an item is expanded), a new point under the item after Backup now, file recovery's script saved with the
// service's name and its steps, Unmount Disks, and each kind of restore followed to its end with what it made.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { RecoveryPoint, RestoreRequest } from '../../../src/azure/model';
import type { RestoreOutcome } from '../../../src/commands/restore';
import type { RecoverFilesResult } from '../../../src/commands/recoverFiles';
import type { HostMessage, RestoreInit } from '../../../src/webview/protocol';
import type { TreeNode } from '../../../src/tree/treeNode';
import {
  childrenAt,
  labelOf,
  newVmRestore,
  nodeAt,
  STAGING,
  SUB,
  useApi,
  VAULTS,
  VMS,
  VNET,
  withFastClock,
} from './helpers';

/** Restored disks of web-vm-01 in the vault's resource group. */
const RESTORE_DISKS: RestoreRequest = {
  kind: 'restoreDisks',
  region: 'westeurope',
  targetResourceGroup: 'contoso-backup-rg',
  stagingStorageAccountId: STAGING,
};
const ITEM = [SUB, VAULTS, 'contoso-vault', 'Backup items', 'web-vm-01'];

const pointOf = (node: TreeNode): RecoveryPoint => (node as unknown as { point: RecoveryPoint }).point;

describe('Restore and file recovery', function () {
  this.timeout(180_000);
  const host = useApi();
  const unique = (prefix: string): string => `${prefix}-${Date.now() % 100_000}`;

  /** The item's recovery point nodes, read again. */
  const pointNodes = async (): Promise<TreeNode[]> => {
    const item = await nodeAt(host.api, ...ITEM);
    host.api.tree.refresh(item);
    return host.api.tree.getChildren(item);
  };
  const recoveryPointReads = (): number =>
    host.sandbox.requestLog.entries().filter((e) => e.method === 'GET' && /\/recoveryPoints$/i.test(e.path)).length;

  it("lists an item's recovery points as nodes, newest first, read only when the item is expanded", async () => {
    const items = await nodeAt(host.api, SUB, VAULTS, 'contoso-vault', 'Backup items');
    host.api.tree.refresh(items);
    const before = recoveryPointReads();
    const item = (await host.api.tree.getChildren(items)).find((n) => labelOf(n) === 'web-vm-01');
    assert.ok(item);
    assert.strictEqual(
      item.getTreeItem().collapsibleState,
      vscode.TreeItemCollapsibleState.Collapsed,
      'the item expands to its points',
    );
    assert.strictEqual(recoveryPointReads(), before, 'listing the items reads no recovery points');
    const points = await host.api.tree.getChildren(item);
    assert.strictEqual(recoveryPointReads(), before + 1, 'expanding the item reads them once');
    assert.ok(points.length >= 3, points.map(labelOf).join(', '));
    const times = points.map((p) => pointOf(p).time.getTime());
    assert.deepStrictEqual(
      times,
      [...times].sort((a, b) => b - a),
      'newest first',
    );
    const first = points[0].getTreeItem();
    assert.strictEqual(first.contextValue, 'recoveryPoint');
    assert.strictEqual(first.description, 'Application consistent · Snapshot and vault');
    const tooltip = (first.tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /Kept until/);
  });

  it('shows the point a Backup now made under the expanded item', async () => {
    const before = (await pointNodes()).length;
    const item = await nodeAt(host.api, ...ITEM);
    const retainUntil = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const outcome = (await withFastClock(host.api, () =>
      host.api.run('azureBackup.backupNow', item, { retainUntil }),
    )) as { operation?: { outcome: string } };
    assert.strictEqual(outcome.operation?.outcome, 'Completed');
    // What the view shows now, without a refresh by the test: the command refreshed what it changed.
    const shown = await host.api.tree.getChildren(await nodeAt(host.api, ...ITEM));
    assert.strictEqual(shown.length, before + 1, shown.map(labelOf).join(', '));
    assert.strictEqual(
      pointOf(shown[0]).expiry?.toISOString().slice(0, 10),
      retainUntil,
      'the new point is the first, with its expiry',
    );
  });

  it("recovers files: the service's script saved under its name, the steps shown, the session shown, then unmounted", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'azb-ilr-'));
    const [point] = await pointNodes();
    const result = (await withFastClock(host.api, () =>
      host.api.run('azureBackup.recoverFiles', point, { saveTo: folder }),
    )) as RecoverFilesResult;
    assert.strictEqual(result.scripts.length, 1);
    const saved = result.scripts[0];
    assert.match(
      path.basename(saved.path),
      /^web-vm-01_\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}_[A-Za-z0-9]+\.ps1$/,
      "VM name, point time, the service's suffix and extension",
    );
    const content = fs.readFileSync(saved.path, 'utf8');
    assert.strictEqual(content, saved.script.content);
    assert.match(content, /file recovery for web-vm-01/);
    assert.ok(
      host.api.details
        .html()
        .some((html) => html.includes('open PowerShell as an administrator') && html.includes('no password')),
      'the steps page',
    );
    const active = (await pointNodes()).find((n) => pointOf(n).name === pointOf(point).name);
    assert.strictEqual(active?.getTreeItem().contextValue, 'recoveryPointFileRecoveryActive');
    assert.match(String(active?.getTreeItem().description), /^Disks mounted for file recovery · /);

    assert.strictEqual(await withFastClock(host.api, () => host.api.run('azureBackup.unmountDisks', active)), true);
    const closed = (await pointNodes()).find((n) => pointOf(n).name === pointOf(point).name);
    assert.strictEqual(closed?.getTreeItem().contextValue, 'recoveryPoint');
  });

  it('restores a new VM: the Restore job listed with its target, the VM under Virtual machines, not protected', async () => {
    const [point] = await pointNodes();
    const vmName = unique('webrst'); // a Windows VM's name: at most 15 characters
    const request = newVmRestore(vmName);
    const notices: string[] = [];
    const listening = host.api.log.onDidWrite((_level, line) => {
      if (line.includes('Notice: ')) notices.push(line);
    });
    try {
      const outcome = (await withFastClock(host.api, () =>
        host.api.run('azureBackup.restore', point, { request, showVm: true }),
      )) as RestoreOutcome;
      assert.strictEqual(outcome.operation?.outcome, 'Completed', JSON.stringify(outcome.operation?.error));
      assert.strictEqual(outcome.operation?.job?.properties?.['Target VM Name'], vmName);
      const vm = outcome.vmNode as TreeNode | undefined;
      assert.ok(vm, 'Show VM found the new VM');
      assert.strictEqual(labelOf(vm), vmName);
      assert.strictEqual(vm.getTreeItem().contextValue, 'virtualMachine', 'not protected: Enable backup is offered');
      assert.ok((await childrenAt(host.api, SUB, VMS)).some((n) => labelOf(n) === vmName));
      const jobs = await childrenAt(host.api, SUB, VAULTS, 'contoso-vault', 'Backup jobs');
      assert.ok(
        jobs.some((j) => labelOf(j).startsWith('Restore · web-vm-01')),
        jobs.map(labelOf).join(', '),
      );
      for (let i = 0; i < 50 && notices.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      assert.ok(
        notices.some((n) => n.includes(`the new virtual machine ${vmName} is in contoso-web-rg`)),
        notices.join('\n'),
      );
    } finally {
      listening.dispose();
    }
  });

  it('restores disks and names them and the template', async () => {
    const [point] = await pointNodes();
    const notices: string[] = [];
    const listening = host.api.log.onDidWrite((_level, line) => {
      if (line.includes('Notice: ')) notices.push(line);
    });
    try {
      const request: RestoreRequest = {
        kind: 'restoreDisks',
        region: 'westeurope',
        targetResourceGroup: 'contoso-backup-rg',
        stagingStorageAccountId: STAGING,
      };
      const outcome = (await withFastClock(host.api, () =>
        host.api.run('azureBackup.restore', point, { request }),
      )) as RestoreOutcome;
      assert.strictEqual(outcome.operation?.outcome, 'Completed');
      for (let i = 0; i < 50 && notices.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      assert.ok(
        notices.some((n) =>
          /disks web-vm-01-\S+, web-vm-01-\S+ in contoso-backup-rg; the template to create a VM from them is https:\/\//.test(
            n,
          ),
        ),
        notices.join('\n'),
      );
    } finally {
      listening.dispose();
    }
  });

  it("replaces disks only when the VM's name is typed, and sends nothing otherwise", async () => {
    const [point] = await pointNodes();
    const posts = (): number =>
      host.sandbox.requestLog.entries().filter((e) => e.method === 'POST' && /\/restore$/i.test(e.path)).length;
    const request: RestoreRequest = { kind: 'replaceDisks', region: 'westeurope', stagingStorageAccountId: STAGING };
    const before = posts();
    await assert.rejects(
      host.api.run('azureBackup.restore', point, { request, confirmName: 'web-vm-1' }),
      /Type the virtual machine's name, web-vm-01/,
    );
    assert.strictEqual(posts(), before);
    const outcome = (await withFastClock(host.api, () =>
      host.api.run('azureBackup.restore', point, { request, confirmName: 'web-vm-01' }),
    )) as RestoreOutcome;
    assert.strictEqual(outcome.operation?.outcome, 'Completed');
    assert.strictEqual(posts(), before + 1);
  });

  it('restores from the item (palette fallback) given the point, and refuses an unprotected VM with a sentence', async () => {
    const [point] = await pointNodes();
    const item = await nodeAt(host.api, ...ITEM);
    const request = RESTORE_DISKS;
    const outcome = (await withFastClock(host.api, () =>
      host.api.run('azureBackup.restore', item, { recoveryPointId: pointOf(point).name, request }),
    )) as RestoreOutcome;
    assert.strictEqual(outcome.operation?.outcome, 'Completed');
    const unprotected = await nodeAt(host.api, SUB, VMS, 'sql-vm-01');
    assert.deepStrictEqual(await host.api.run('azureBackup.restore', unprotected, { request }), { started: false });
  });

  it("the Restore form offers the region's networks and staging accounts; a failed submit keeps it, the same submit then makes one VM", async () => {
    const [point] = await pointNodes();
    assert.deepStrictEqual(await host.api.run('azureBackup.restore', point), { started: false, formOpened: true });
    const panel = host.api.forms
      .list()
      .find((p) => p.definition.kind === 'restore' && p.definition.key === pointOf(point).id.toLowerCase());
    assert.ok(panel, 'the form opened for the point');
    const init = panel.definition.init as RestoreInit;
    assert.strictEqual(init.archived, false);
    assert.strictEqual(init.osType, 'Windows');
    assert.strictEqual(init.resourceGroup, 'contoso-web-rg', "the source VM's group is proposed");
    assert.deepStrictEqual(init.zones, [], 'a regional source VM: no zone is offered');
    assert.deepStrictEqual(
      init.networks.map((n) => n.label),
      ['contoso-web-vnet'],
      "only the networks of the VM's region",
    );
    assert.deepStrictEqual(
      init.networks[0].subnets.map((s) => s.label),
      ['default', 'restore'],
    );
    assert.deepStrictEqual(
      init.stagingAccounts.map((a) => a.label),
      ['contosowebstaging'],
    );
    const taken = (await panel.receive({
      type: 'query',
      requestId: 1,
      query: 'checkVmName',
      resourceGroup: 'contoso-web-rg',
      name: 'web-vm-02',
    })) as HostMessage;
    assert.ok(
      taken.type === 'reply' && taken.ok && 'nameCheck' in taken.result && taken.result.nameCheck?.available === false,
      JSON.stringify(taken),
    );

    const vmName = unique('webfrm');
    const payload = {
      kind: 'newVm',
      vmName,
      targetResourceGroup: 'contoso-web-rg',
      virtualNetworkId: VNET,
      subnetId: `${VNET}/subnets/restore`,
      stagingStorageAccountId: STAGING,
      zone: '',
      confirmName: '',
    };
    host.sandbox.setFaults({
      rate: 1,
      kinds: ['serverError'],
      pathPattern: '/recoveryPoints/[^/]+/restore$',
      methods: ['POST'],
    });
    const failed = (await withFastClock(host.api, () =>
      panel.receive({ type: 'submit', requestId: 2, payload }),
    )) as HostMessage;
    host.sandbox.setFaults(undefined);
    assert.ok(failed.type === 'reply' && !failed.ok, JSON.stringify(failed));
    assert.strictEqual(failed.error.code, 'InternalServerError');
    assert.ok(failed.error.requestId, 'the request id is shown');
    assert.ok(host.api.forms.list().includes(panel), 'the form stays open with its draft');
    assert.strictEqual(host.sandbox.control.snapshot().vms.filter((v) => v.name === vmName).length, 0);

    const again = await withFastClock(host.api, async () => {
      const reply = (await panel.receive({ type: 'submit', requestId: 3, payload })) as HostMessage;
      for (let i = 0; i < 200 && !host.sandbox.control.snapshot().vms.some((v) => v.name === vmName); i++)
        await new Promise((r) => setTimeout(r, 25));
      return reply;
    });
    assert.ok(
      again.type === 'reply' && again.ok && 'jobName' in again.result && again.result.jobName,
      JSON.stringify(again),
    );
    assert.match(again.result.message, /^Restore of web-vm-01 started\.$/);
    assert.strictEqual(host.sandbox.control.snapshot().vms.filter((v) => v.name === vmName).length, 1, 'one VM');
    panel.dispose();
  });

  it("the story's archived point shows its tier, offers no restore, and its form says it needs rehydration", async () => {
    const points = await pointNodes();
    const archived = points.filter((n) => pointOf(n).tier === 'Archive');
    assert.strictEqual(archived.length, 1, points.map((n) => String(n.getTreeItem().description)).join(', '));
    const [point] = archived;
    assert.strictEqual(point, points.at(-1), 'the oldest point');
    assert.strictEqual(point.getTreeItem().description, 'Application consistent · Archive');
    assert.match(
      (point.getTreeItem().tooltip as vscode.MarkdownString).value,
      /must be rehydrated in the Azure portal before it can be restored/,
    );
    assert.strictEqual(
      point.getTreeItem().contextValue,
      'recoveryPointArchived',
      'no restore or file recovery in its menu',
    );
    await host.api.run('azureBackup.restore', point);
    const panel = host.api.forms
      .list()
      .find((p) => p.definition.kind === 'restore' && (p.definition.init as RestoreInit).archived);
    assert.ok(panel, 'the form opened, saying why nothing is offered');
    assert.match(panel.definition.strings.archived, /archive tier[\s\S]*rehydrated/);
    const posts = host.sandbox.requestLog
      .entries()
      .filter((e) => e.method === 'POST' && /\/restore$/i.test(e.path)).length;
    const reply = (await panel.receive({
      type: 'submit',
      requestId: 1,
      payload: {
        kind: 'restoreDisks',
        vmName: '',
        targetResourceGroup: 'contoso-backup-rg',
        virtualNetworkId: '',
        subnetId: '',
        stagingStorageAccountId: STAGING,
        zone: '',
        confirmName: '',
      },
    })) as HostMessage;
    assert.ok(reply.type === 'reply' && !reply.ok, JSON.stringify(reply));
    assert.strictEqual(
      host.sandbox.requestLog.entries().filter((e) => e.method === 'POST' && /\/restore$/i.test(e.path)).length,
      posts,
      'nothing sent',
    );
    panel.dispose();
  });
});
