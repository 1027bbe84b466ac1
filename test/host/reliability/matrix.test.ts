// Faults × workflows at the extension level: each command runs through the registered wrapper (what a click
// does) against the in-process sandbox with one fault injected on the workflow's key request. Each cell asserts
// what the user saw (ARM code, message, request id), that retries were bounded, and then clears the fault and
// runs the same workflow on the same subject again (recovery). test/sandbox/reliability covers the Azure layer.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AzureOperation, BackupItem, BackupJob, Vault } from '../../../src/azure/model';
import { ContextValue } from '../../../src/tree/contextValues';
import { itemRef } from '../../../src/tree/refs';
import type { TreeNode } from '../../../src/tree/treeNode';
import { labelOf, nodeAt, SUB, useApi, VAULTS, VMS } from '../ui/helpers';
import {
  addVm,
  assertClearMessage,
  createOwnVault,
  createShortPolicy,
  faultConfig,
  ITEM_PUT,
  type FaultName,
  type KeyRequest,
  lastShown,
  LOCATION,
  requestsTo,
  RG,
  runCommand,
  useExpiredToken,
} from './fixtures';

interface Cell {
  args: unknown[];
  cleanup?: () => void;
  /** The name of the item the cell acts on, when it has one. */ subject?: string;
}
interface Workflow {
  name: string;
  command: string;
  key: KeyRequest;
  faults: FaultName[];
  /** The subject of one cell (a fresh VM, item, name…) as the command's arguments. */
  prepare(fault: FaultName): Promise<Cell>;
  /** Asserts the command's result is a success. */
  succeeded(result: unknown): void;
  /** Run without moving the sandbox clock (a job to cancel must still be running). */
  noClock?: boolean;
  /** The code the user sees when the workflow's operation or job fails. */
  failedCode?: Partial<Record<FaultName, string>>;
  /** What the subject looks like after the cell (and its recovery): its work done once, and the tree showing it. */
  afterwards?(cell: Cell): Promise<void>;
}

const TRANSIENT: FaultName[] = ['429', '503', 'reset'];
const COMMON: FaultName[] = ['429', '503', '500', 'reset', 'stall+cancel', '401 expired'];
const WITH_OP_FAILED: FaultName[] = [...COMMON, 'op Failed'];
const OP_FAILED = { 'op Failed': 'BMSUserErrorOperationFailed' };
/** Success of a command that returns what it started with its tracked operation. */
const operationCompleted = (r: unknown): void =>
  assert.strictEqual(
    (r as { operation?: AzureOperation } | undefined)?.operation?.outcome,
    'Completed',
    JSON.stringify(r),
  );
const retainUntil = (): string => new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);

describe('Reliability: faults × workflows through the commands', function () {
  this.timeout(120_000);
  const host = useApi();
  let vault: Vault;
  const items: string[] = [];
  let unique = 0;
  const next = (prefix: string): string => `${prefix}-${Date.now() % 100_000}-${++unique}`;

  const vaultNode = (): Promise<TreeNode> => nodeAt(host.api, SUB, VAULTS, vault.name);
  const vmNode = async (name: string): Promise<TreeNode> => {
    await vscode.commands.executeCommand('azureBackup.refresh', await nodeAt(host.api, SUB, VMS));
    return nodeAt(host.api, SUB, VMS, name);
  };
  const itemNode = async (name: string): Promise<TreeNode> => {
    const group = await nodeAt(host.api, SUB, VAULTS, vault.name, 'Backup items');
    await vscode.commands.executeCommand('azureBackup.refresh', group);
    return nodeAt(host.api, SUB, VAULTS, vault.name, 'Backup items', name);
  };
  /** Protects fresh VMs in our vault in one go (enable from the vault), returning their names. */
  const protect = async (count: number): Promise<string[]> => {
    const vms = Array.from({ length: count }, () => addVm(host.api, 'rel-item'));
    const results = await runCommand<unknown[]>(host.api, 'azureBackup.enableBackupFromVault', await vaultNode(), {
      policyName: 'DefaultPolicy',
      vmIds: vms.map((v) => v.id),
    });
    assert.strictEqual(results?.length, count, JSON.stringify(host.api.log.shownErrors().at(-1)));
    return vms.map((v) => v.name);
  };
  /** A backup job running now on an item: started through the layer, taken from the sandbox as soon as it exists. */
  const runningBackup = async (
    name: string,
  ): Promise<{ vault: { subscriptionId: string; resourceGroup: string; name: string }; jobName: string }> => {
    const node = (await itemNode(name)) as unknown as { item: BackupItem };
    const service = await host.api.service(vault.subscriptionId);
    const controller = new AbortController();
    const tracking = service
      .backupNow(itemRef(node.item), new Date(Date.now() + 30 * 86_400_000), { signal: controller.signal })
      .catch(() => undefined);
    let jobName: string | undefined;
    for (let i = 0; i < 200 && !jobName; i++) {
      jobName = host.sandbox.control
        .snapshot()
        .jobs.find((j) => j.entityFriendlyName === name && j.operation === 'Backup' && j.status === 'InProgress')?.id;
      if (!jobName) await delay(25);
    }
    controller.abort(); // only the job is needed, not its tracking
    await tracking;
    assert.ok(jobName, `a backup of ${name} is running`);
    return {
      vault: { subscriptionId: vault.subscriptionId, resourceGroup: vault.resourceGroup, name: vault.name },
      jobName,
    };
  };

  /** The item nodes "Backup items" shows after a refresh (no error node among them). */
  const itemNodes = async (): Promise<TreeNode[]> => {
    const group = await nodeAt(host.api, SUB, VAULTS, vault.name, 'Backup items');
    await vscode.commands.executeCommand('azureBackup.refresh', group);
    const nodes = await host.api.tree.getChildren(group);
    assert.ok(
      nodes.every((n) => n.getTreeItem().contextValue !== ContextValue.error),
      `the tree recovered: ${nodes.map(labelOf).join(', ')}`,
    );
    return nodes;
  };
  /**
   * Stop protection, keeping (PUT, a DisableBackup job) or deleting the data (DELETE, a DeleteBackupData job):
   * afterwards the item's stop job exists exactly once and the tree shows the item stopped, or gone.
   */
  const stopWorkflow = (mode: 'RetainData' | 'DeleteData'): Workflow => {
    const retain = mode === 'RetainData';
    return {
      name: `stop protection (${retain ? 'retain' : 'delete'} data)`,
      command: retain ? 'azureBackup.stopProtectionRetain' : 'azureBackup.stopProtectionDelete',
      faults: WITH_OP_FAILED,
      key: { method: retain ? 'PUT' : 'DELETE', path: '/protectedItems/[^/]+$' },
      prepare: async () => {
        const name = items.pop() ?? '';
        return { args: [await itemNode(name), { confirmed: true }], subject: name };
      },
      succeeded: (r) => assert.strictEqual((r as AzureOperation | undefined)?.outcome, 'Completed'),
      failedCode: OP_FAILED,
      afterwards: async ({ subject = '' }) => {
        const jobs = host.sandbox.control
          .snapshot()
          .jobs.filter(
            (j) => j.entityFriendlyName === subject && j.operation === (retain ? 'DisableBackup' : 'DeleteBackupData'),
          );
        assert.strictEqual(jobs.length, 1, `one stop job for ${subject}: ${jobs.map((j) => j.status).join(',')}`);
        const node = (await itemNodes()).find((n) => labelOf(n) === subject) as
          Partial<{ item: BackupItem }> | undefined;
        if (retain) assert.strictEqual(node?.item?.protectionState, 'ProtectionStopped');
        // The vault has soft delete on: the item stays, soft deleted, until its retention ends.
        else assert.strictEqual(node?.item?.softDeleted, true, 'the item is kept, soft deleted, with its data');
      },
    };
  };

  /** Jobs of one operation for the subject, in the sandbox. */
  const jobCount = (subject: string, operation: string): number =>
    host.sandbox.control.snapshot().jobs.filter((j) => j.entityFriendlyName === subject && j.operation === operation)
      .length;
  const itemNamed = async (subject: string): Promise<BackupItem | undefined> =>
    ((await itemNodes()).find((n) => labelOf(n) === subject) as Partial<{ item: BackupItem }> | undefined)?.item;
  /**
   * The lifecycle's writes (a PUT of the item each): change policy, resume, undelete. Afterwards the item's job
   * exists exactly once beside its enable's, and the tree shows the item as the write left it.
   */
  /** A lifecycle write on the next of the items protected for them: `args` prepares it and gives the command's. */
  const lifecycleWrite = (
    name: string,
    command: string,
    args: (subject: string) => Promise<unknown[]>,
    afterwards: (cell: Cell) => Promise<void>,
  ): Workflow => ({
    name,
    command,
    faults: WITH_OP_FAILED,
    key: ITEM_PUT,
    prepare: async () => {
      const subject = lifecycleItems.pop() ?? '';
      return { args: await args(subject), subject };
    },
    succeeded: operationCompleted,
    failedCode: OP_FAILED,
    afterwards,
  });
  const lifecycleWorkflows: Workflow[] = [
    lifecycleWrite(
      'change policy',
      'azureBackup.changePolicy',
      async (name) => [await itemNode(name), { policyName: 'RelShort', confirmed: true }],
      async ({ subject = '' }) => {
        assert.strictEqual(jobCount(subject, 'ConfigureBackup'), 2, `the enable and one change for ${subject}`);
        assert.strictEqual((await itemNamed(subject))?.policyName, 'RelShort');
      },
    ),
    lifecycleWrite(
      'resume protection',
      'azureBackup.resumeProtection',
      async (name) => {
        await runCommand(host.api, 'azureBackup.stopProtectionRetain', await itemNode(name), { confirmed: true });
        return [await itemNode(name), { policyName: 'DefaultPolicy' }];
      },
      async ({ subject = '' }) => {
        assert.strictEqual(jobCount(subject, 'ConfigureBackup'), 2, `the enable and one resume for ${subject}`);
        const item = await itemNamed(subject);
        assert.ok(item && item.protectionState !== 'ProtectionStopped', `protected again: ${item?.protectionState}`);
      },
    ),
    lifecycleWrite(
      'undelete',
      'azureBackup.undelete',
      async (name) => {
        await runCommand(host.api, 'azureBackup.stopProtectionDelete', await itemNode(name), { confirmed: true });
        return [await itemNode(name)];
      },
      async ({ subject = '' }) => {
        assert.strictEqual(jobCount(subject, 'Undelete'), 1, `one Undelete job for ${subject}`);
        const item = await itemNamed(subject);
        assert.ok(
          item && !item.softDeleted && item.protectionState === 'ProtectionStopped',
          'stopped with its data retained',
        );
      },
    ),
  ];
  const lifecycleItems: string[] = [];

  const workflows: Workflow[] = [
    {
      name: 'create vault',
      command: 'azureBackup.createVault',
      faults: COMMON,
      key: { method: 'PUT', path: '/providers/Microsoft\\.RecoveryServices/vaults/[^/]+$' },
      prepare: async () => ({
        args: [await nodeAt(host.api, SUB, VAULTS), { name: next('rel-v'), resourceGroup: RG, location: LOCATION }],
      }),
      succeeded: (r) => assert.ok((r as Vault | undefined)?.id),
    },
    {
      name: 'storage replication',
      command: 'azureBackup.configureStorage',
      faults: COMMON,
      key: { method: 'PUT', path: '/backupstorageconfig/vaultstorageconfig$' },
      prepare: async () => {
        const node = await nodeAt(host.api, SUB, VAULTS, 'rel-storage-vault');
        return { args: [node, { redundancy: unique++ % 2 === 0 ? 'LocallyRedundant' : 'GeoRedundant' }] };
      },
      succeeded: (r) => assert.ok((r as { redundancy?: string } | undefined)?.redundancy),
    },
    {
      name: 'enable backup from the VM',
      command: 'azureBackup.enableBackup',
      faults: WITH_OP_FAILED,
      key: ITEM_PUT,
      prepare: async () => ({
        args: [await vmNode(addVm(host.api).name), { vaultId: vault.id, policyName: 'DefaultPolicy' }],
      }),
      succeeded: (r) => assert.strictEqual((r as AzureOperation | undefined)?.outcome, 'Completed'),
      failedCode: OP_FAILED,
    },
    {
      name: 'enable backup from the vault',
      command: 'azureBackup.enableBackupFromVault',
      faults: WITH_OP_FAILED,
      key: ITEM_PUT,
      prepare: async () => ({
        args: [await vaultNode(), { policyName: 'DefaultPolicy', vmIds: [addVm(host.api).id] }],
      }),
      succeeded: (r) => assert.ok(Array.isArray(r) && r.every((x: { ok?: boolean }) => x.ok), JSON.stringify(r)),
      failedCode: OP_FAILED,
    },
    {
      name: 'backup now',
      command: 'azureBackup.backupNow',
      faults: [...COMMON, 'op Failed', 'job fails'],
      key: { method: 'POST', path: '/protectedItems/[^/]+/backup$' },
      prepare: async (fault) => {
        // The previous cell's backup job may still be running (the command returns once it is tracked, and the
        // clock only moves while a command runs): end it, or the double-backup guard rightly refuses a second one.
        host.sandbox.clock.advance(10 * 60_000);
        const name = items[0] ?? '';
        const args = [await itemNode(name), { retainUntil: retainUntil() }];
        if (fault !== 'job fails') return { args };
        const vmId = `/subscriptions/${vault.subscriptionId}/resourceGroups/${RG}/providers/Microsoft.Compute/virtualMachines/${name}`;
        host.sandbox.control.markVmBroken(vmId);
        return { args, cleanup: () => host.sandbox.control.markVmBroken(vmId, false) };
      },
      succeeded: operationCompleted,
      failedCode: { 'op Failed': 'BMSUserErrorOperationFailed', 'job fails': 'UserErrorVmProvisioningStateFailed' },
    },
    {
      name: 'cancel job',
      command: 'azureBackup.cancelJob',
      faults: COMMON,
      noClock: true,
      key: { method: 'POST', path: '/backupJobs/[^/]+/cancel$' },
      prepare: async () => {
        host.sandbox.clock.advance(10 * 60_000); // the previous cell's job has ended
        return { args: [await runningBackup(items[1] ?? ''), { confirmed: true }] };
      },
      succeeded: (r) => assert.match(String((r as BackupJob | undefined)?.status), /Cancell(ing|ed)|Completed/),
    },
    stopWorkflow('RetainData'),
    stopWorkflow('DeleteData'),
    {
      name: 'policy create',
      command: 'azureBackup.createPolicy',
      faults: COMMON,
      key: { method: 'PUT', path: '/backupPolicies/[^/]+$' },
      prepare: async () => ({
        args: [
          await vaultNode(),
          {
            name: next('RelPolicy'),
            timeZone: 'UTC',
            instantRestoreDays: 2,
            schedule: { frequency: 'Daily', time: '21:00' },
            retention: { dailyDays: 14 },
          },
        ],
      }),
      succeeded: (r) => assert.ok(r !== undefined),
    },
    ...lifecycleWorkflows,
  ];

  before(async function () {
    this.timeout(120_000);
    vault = await createOwnVault(host.api, 'rel-seed', next('rel-vault'));
    await runCommand(host.api, 'azureBackup.createVault', await nodeAt(host.api, SUB, VAULTS), {
      name: 'rel-storage-vault',
      resourceGroup: RG,
      location: LOCATION,
    });
    items.push(
      ...(await protect(
        2 + workflows.filter((w) => w.name.startsWith('stop')).reduce((n, w) => n + w.faults.length, 0),
      )),
    );
    lifecycleItems.push(...(await protect(lifecycleWorkflows.reduce((n, w) => n + w.faults.length, 0))));
    await createShortPolicy(host.api, vault.name, 'RelShort');
  });

  for (const workflow of workflows) {
    describe(workflow.name, () => {
      for (const fault of workflow.faults) {
        it(`${fault}: ${TRANSIENT.includes(fault) ? 'succeeds after a bounded retry' : 'a clear message, then recovers'}`, async () => {
          const { sandbox } = host;
          const cell = await workflow.prepare(fault);
          const shownBefore = host.api.log.shownCount;
          const before = requestsTo(host.api, workflow.key).length;
          sandbox.setFaults(faultConfig(fault, workflow.key));
          const expired = fault === '401 expired' ? await useExpiredToken(host.api) : undefined;
          let result: unknown;
          try {
            const running = workflow.noClock
              ? Promise.resolve(vscode.commands.executeCommand(workflow.command, ...cell.args))
              : runCommand(host.api, workflow.command, ...cell.args);
            if (fault === 'stall+cancel') {
              await delay(1500); // the stalled request is on its way (it is logged only when answered)
              const started = Date.now();
              assert.ok(host.api.cancelProgress() >= 1, 'a cancellable progress was showing'); // its Cancel button
              result = await running;
              assert.ok(Date.now() - started < 3000, 'cancelled at once, well before the 10 s stall ends');
            } else result = await running;
          } finally {
            sandbox.setFaults(undefined);
            await expired?.restore();
            cell.cleanup?.();
          }
          const attempts = requestsTo(host.api, workflow.key).slice(before);
          const shown = lastShown(host.api, shownBefore);
          if (TRANSIENT.includes(fault)) {
            assert.strictEqual(shown, undefined, `no error shown: ${shown?.text}`);
            workflow.succeeded(result);
            assert.ok(
              attempts.length >= 2 && attempts.length <= 3,
              `one extra attempt: ${attempts.map((a) => a.status).join(',')}`,
            );
            if (fault !== 'reset') {
              const gap = Date.parse(attempts[1]?.at ?? '') - Date.parse(attempts[0]?.at ?? '');
              assert.ok(gap >= 900, `Retry-After honoured: ${gap} ms`);
            }
            await workflow.afterwards?.(cell);
            return;
          }
          if (fault === 'stall+cancel') {
            // Cancelled: nothing, or the operation's own "Cancelled" (a job already started keeps running in Azure).
            const outcome =
              (result as AzureOperation | undefined)?.outcome ??
              (result as { operation?: AzureOperation } | undefined)?.operation?.outcome;
            assert.ok(result === undefined || Array.isArray(result) || outcome === 'Cancelled', JSON.stringify(result));
          } else assert.strictEqual(result, undefined, 'the wrapper returns nothing on failure');
          if (fault === '500') {
            assertClearMessage(host.api, shown, 'InternalServerError');
            assert.ok(attempts.length >= 2 && attempts.length <= 4, `bounded: ${attempts.length} attempts`);
          } else if (fault === '401 expired') {
            assertClearMessage(host.api, shown, 'ExpiredAuthenticationToken');
            const unauthorized = sandbox.requestLog
              .entries()
              .filter((e) => e.status === 401)
              .slice(-5);
            assert.ok(unauthorized.length >= 1);
            assert.ok(attempts.filter((a) => a.status === 401).length <= 1, 'a 401 is never retried');
          } else if (fault === 'stall+cancel') {
            assert.strictEqual(shown, undefined, `cancelling is not an error: ${shown?.text}`);
          } else {
            assertClearMessage(host.api, shown, workflow.failedCode?.[fault] ?? '?');
          }
          // Recovery: the same workflow on the same subject, fault cleared.
          const args = workflow.name === 'cancel job' ? (await workflow.prepare(fault)).args : cell.args;
          const again = workflow.noClock
            ? await vscode.commands.executeCommand(workflow.command, ...args)
            : await runCommand(host.api, workflow.command, ...args);
          workflow.succeeded(again);
          await workflow.afterwards?.(cell);
        });
      }
    });
  }
});

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
