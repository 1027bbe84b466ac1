// Nothing done twice, through the commands: a double "Backup now" (two clicks, or two submits of its form) and a
// double "Enable backup" (from the VM twice, from the vault twice, from both at once, its form submitted again
// after the first finished, its answer lost) start one job and create one protected item, asserted on the
// sandbox's request log and its jobs. Nothing lost: a form whose submit
// failed keeps its panel and answers the same submit once the fault is gone.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AzureOperation, BackupJob, Vault } from '../../../src/azure/model';
import type { RequestLogEntry } from '../../../src/sandbox/types';
import type { TreeNode } from '../../../src/tree/treeNode';
import type { HostMessage } from '../../../src/webview/protocol';
import { nodeAt, SUB, useApi, VAULTS, VMS } from '../ui/helpers';
import { addVm, createOwnVault, ITEM_PUT, LOCATION, requestsTo, RG, runCommand, runWithAnswerLost } from './fixtures';

const POST_BACKUP = { method: 'POST', path: '/protectedItems/[^/]+/backup$' };
const PUT_VAULT = { method: 'PUT', path: '/providers/Microsoft\\.RecoveryServices/vaults/[^/]+$' };
const retainUntil = (): string => new Date(Date.now() + 33 * 86_400_000).toISOString().slice(0, 10);

describe('Reliability: nothing done twice, nothing lost', function () {
  this.timeout(120_000);
  const host = useApi();
  let vault: Vault;

  const vmNode = async (name: string): Promise<TreeNode> => {
    await vscode.commands.executeCommand('azureBackup.refresh', await nodeAt(host.api, SUB, VMS));
    return nodeAt(host.api, SUB, VMS, name);
  };
  const itemNode = async (name: string): Promise<TreeNode> => {
    await vscode.commands.executeCommand(
      'azureBackup.refresh',
      await nodeAt(host.api, SUB, VAULTS, vault.name, 'Backup items'),
    );
    return nodeAt(host.api, SUB, VAULTS, vault.name, 'Backup items', name);
  };
  const jobsOf = async (name: string, operation: string): Promise<BackupJob[]> => {
    const service = await host.api.service(vault.subscriptionId);
    const page = await service.listJobs({
      subscriptionId: vault.subscriptionId,
      resourceGroup: vault.resourceGroup,
      name: vault.name,
    });
    return page.items.filter((j) => j.entityFriendlyName === name && j.operation === operation);
  };
  const itemsNamed = (name: string): number =>
    host.sandbox.control.snapshot().items.filter((i) => i.vmKey.endsWith(`/virtualmachines/${name.toLowerCase()}`))
      .length;
  const since = (key: { method: string; path: string }, before: number): RequestLogEntry[] =>
    requestsTo(host.api, key).slice(before);
  /** Since `before`: one PUT of an item, and the VM has one protected item and one ConfigureBackup job. */
  const assertEnabledOnce = async (name: string, before: number): Promise<void> => {
    const puts = since(ITEM_PUT, before);
    assert.strictEqual(puts.length, 1, puts.map((e) => `${e.status} ${e.path}`).join('\n'));
    assert.strictEqual(itemsNamed(name), 1, 'one protected item');
    assert.strictEqual((await jobsOf(name, 'ConfigureBackup')).length, 1, 'one ConfigureBackup job');
  };
  const protect = async (name: string, id: string): Promise<void> => {
    const results = await runCommand<{ ok: boolean }[]>(
      host.api,
      'azureBackup.enableBackupFromVault',
      await nodeAt(host.api, SUB, VAULTS, vault.name),
      { policyName: 'DefaultPolicy', vmIds: [id] },
    );
    assert.ok(
      results?.every((r) => r.ok),
      `${name}: ${JSON.stringify(results ?? host.api.log.shownErrors().at(-1))}`,
    );
  };

  before(async () => {
    vault = await createOwnVault(host.api, 'twice-seed', `twice-vault-${Date.now() % 100_000}`);
  });

  it('Backup now clicked twice at once: one POST, one job', async () => {
    const vm = addVm(host.api, 'twice-bk');
    await protect(vm.name, vm.id);
    const item = await itemNode(vm.name);
    const before = requestsTo(host.api, POST_BACKUP).length;
    const [a, b] = await Promise.all(
      [0, 1].map(() =>
        runCommand<{ started: boolean }>(host.api, 'azureBackup.backupNow', item, { retainUntil: retainUntil() }),
      ),
    );
    assert.deepStrictEqual([a?.started, b?.started].sort(), [false, true]);
    assert.strictEqual(since(POST_BACKUP, before).length, 1, 'one POST');
    assert.strictEqual((await jobsOf(vm.name, 'Backup')).length, 1, 'one Backup job');
  });

  it("Backup now's form submitted twice at once: one POST, one job; the second is told a request runs", async () => {
    const vm = addVm(host.api, 'twice-form');
    await protect(vm.name, vm.id);
    await host.api.run('azureBackup.backupNow', await itemNode(vm.name));
    const panel = host.api.forms
      .list()
      .find((p) => p.definition.kind === 'backupNow' && p.definition.title.includes(vm.name));
    assert.ok(panel);
    const before = requestsTo(host.api, POST_BACKUP).length;
    const payload = { retainUntil: retainUntil() };
    const replies = await Promise.all([1, 2].map((requestId) => panel.receive({ type: 'submit', requestId, payload })));
    const ok = replies.filter((r) => r?.type === 'reply' && r.ok);
    assert.strictEqual(ok.length, 1, JSON.stringify(replies));
    // A third submit while the backup runs: refused by the guard (local claim or the running job), no POST.
    const third = await panel.receive({ type: 'submit', requestId: 3, payload });
    assert.ok(third?.type === 'reply', JSON.stringify(third));
    assert.strictEqual(since(POST_BACKUP, before).length, 1, 'one POST');
    assert.strictEqual((await jobsOf(vm.name, 'Backup')).length, 1, 'one Backup job');
    panel.dispose();
    await runCommand(host.api, 'azureBackup.refresh'); // let the clock finish the job
  });

  it('Enable backup from the VM clicked twice at once: one PUT, one item, one ConfigureBackup job', async () => {
    const vm = addVm(host.api, 'twice-en');
    const node = await vmNode(vm.name);
    const before = requestsTo(host.api, ITEM_PUT).length;
    await Promise.all(
      [0, 1].map(() =>
        runCommand(host.api, 'azureBackup.enableBackup', node, { vaultId: vault.id, policyName: 'DefaultPolicy' }),
      ),
    );
    await assertEnabledOnce(vm.name, before);
  });

  it('Enable backup from the VM and from the vault at once: one PUT, one item, one job', async () => {
    const vm = addVm(host.api, 'twice-mix');
    const node = await vmNode(vm.name);
    const before = requestsTo(host.api, ITEM_PUT).length;
    await Promise.all([
      runCommand(host.api, 'azureBackup.enableBackup', node, { vaultId: vault.id, policyName: 'DefaultPolicy' }),
      runCommand(host.api, 'azureBackup.enableBackupFromVault', await nodeAt(host.api, SUB, VAULTS, vault.name), {
        policyName: 'DefaultPolicy',
        vmIds: [vm.id],
      }),
    ]);
    await assertEnabledOnce(vm.name, before);
  });

  it('Enable backup of an already protected VM: no write at all', async () => {
    const vm = addVm(host.api, 'twice-again');
    await protect(vm.name, vm.id);
    const before = requestsTo(host.api, ITEM_PUT).length;
    await runCommand(host.api, 'azureBackup.enableBackup', await vmNode(vm.name), {
      vaultId: vault.id,
      policyName: 'DefaultPolicy',
    });
    assert.strictEqual(since(ITEM_PUT, before).length, 0);
    assert.strictEqual(itemsNamed(vm.name), 1);
  });

  it("Enable backup's form submitted after the VM was protected elsewhere, with another policy: told it is protected; one PUT, one item, one job", async () => {
    const vm = addVm(host.api, 'twice-resubmit');
    const service = await host.api.service(vault.subscriptionId);
    const other = await service.createOrUpdatePolicy(
      { subscriptionId: vault.subscriptionId, resourceGroup: vault.resourceGroup, name: vault.name },
      {
        name: `Other${Date.now() % 100_000}`,
        schedule: { frequency: 'Daily', time: '20:00' },
        timeZone: 'UTC',
        instantRestoreDays: 2,
        retention: { dailyDays: 7 },
      },
    );
    await host.api.run('azureBackup.enableBackup', await vmNode(vm.name));
    const panel = host.api.forms
      .list()
      .find((p) => p.definition.kind === 'enableBackupVm' && p.definition.title.includes(vm.name));
    assert.ok(panel);
    const before = requestsTo(host.api, ITEM_PUT).length;
    const submit = (requestId: number, policyName: string) =>
      panel.receive({ type: 'submit', requestId, payload: { vaultId: vault.id, newVaultName: '', policyName } });
    // Protected meanwhile from another place (the open form does not know).
    const op = await runCommand<AzureOperation>(host.api, 'azureBackup.enableBackup', await vmNode(vm.name), {
      vaultId: vault.id,
      policyName: 'DefaultPolicy',
    });
    assert.strictEqual(op?.outcome, 'Completed', JSON.stringify(host.api.log.shownErrors().at(-1)));
    const again = (await submit(1, other.name)) as HostMessage;
    assert.ok(again.type === 'reply' && again.ok, JSON.stringify(again));
    assert.match(
      (again.result as { message: string }).message,
      /already protected by .+ with the policy DefaultPolicy; nothing was changed/,
    );
    // The form is finished: a further submit is refused by the host, whatever the page sends.
    const third = (await submit(2, other.name)) as HostMessage;
    assert.ok(third.type === 'reply' && !third.ok, JSON.stringify(third));
    await assertEnabledOnce(vm.name, before);
    assert.strictEqual(
      host.sandbox.control.snapshot().items.find((i) => i.vmKey.endsWith(`/${vm.name.toLowerCase()}`))?.policyName,
      'DefaultPolicy',
      'the policy is unchanged',
    );
    panel.dispose();
  });

  it('Enable backup whose answer was lost, the SDK retrying after the operation finished: one PUT, one job, no error', async () => {
    const vm = addVm(host.api, 'twice-lost');
    const before = requestsTo(host.api, ITEM_PUT).length;
    await runWithAnswerLost(
      host.api,
      vm.name,
      (r) => r as AzureOperation | undefined,
      'azureBackup.enableBackup',
      await vmNode(vm.name),
      { vaultId: vault.id, policyName: 'DefaultPolicy' },
    );
    await assertEnabledOnce(vm.name, before);
  });

  it('a failed form submit keeps the form and its input; the same submit succeeds once the fault is gone', async () => {
    await host.api.run('azureBackup.createVault', await nodeAt(host.api, SUB, VAULTS));
    const panel = host.api.forms.list().find((p) => p.definition.kind === 'createVault');
    assert.ok(panel);
    const payload = {
      subscriptionId: vault.subscriptionId,
      name: `draft-vault-${Date.now() % 100_000}`,
      resourceGroup: RG,
      newResourceGroup: false,
      location: LOCATION,
    };
    host.sandbox.setFaults({ rate: 1, kinds: ['serverError'], ...{ pathPattern: PUT_VAULT.path, methods: ['PUT'] } });
    const failed = (await panel.receive({ type: 'submit', requestId: 1, payload })) as HostMessage;
    host.sandbox.setFaults(undefined);
    assert.ok(failed.type === 'reply' && !failed.ok, JSON.stringify(failed));
    assert.strictEqual(failed.error.code, 'InternalServerError');
    assert.ok(failed.error.requestId && failed.error.message, 'the form shows the message and the request id');
    assert.ok(
      host.api.forms.list().includes(panel),
      'the form stays open (its draft lives in the page: getState/setState)',
    );
    const again = (await panel.receive({ type: 'submit', requestId: 2, payload })) as HostMessage;
    assert.ok(again.type === 'reply' && again.ok, JSON.stringify(again));
    panel.dispose();
  });
});
