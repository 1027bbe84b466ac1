// Nothing done twice in the protection lifecycle, through the commands: Change policy, Resume protection and
// Undelete clicked twice at once, or whose answer was lost after the service applied it, send one PUT and start one
// job, asserted on the sandbox's request log and jobs, with no error shown.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AzureOperation, Vault } from '../../../src/azure/model';
import type { RequestLogEntry } from '../../../src/sandbox/types';
import type { TreeNode } from '../../../src/tree/treeNode';
import { nodeAt, SUB, useApi, VAULTS } from '../ui/helpers';
import {
  addVm,
  createOwnVault,
  createShortPolicy,
  ITEM_PUT,
  requestsTo,
  runCommand,
  runWithAnswerLost,
} from './fixtures';

type Outcome = { operation?: AzureOperation; changed?: boolean; resumed?: boolean; undeleted?: boolean };

describe('Reliability: the lifecycle writes are never done twice', function () {
  this.timeout(120_000);
  const host = useApi();
  let vault: Vault;

  const itemNode = async (name: string): Promise<TreeNode> => {
    await vscode.commands.executeCommand(
      'azureBackup.refresh',
      await nodeAt(host.api, SUB, VAULTS, vault.name, 'Backup items'),
    );
    return nodeAt(host.api, SUB, VAULTS, vault.name, 'Backup items', name);
  };
  const jobCount = (name: string, operation: string): number =>
    host.sandbox.control.snapshot().jobs.filter((j) => j.entityFriendlyName === name && j.operation === operation)
      .length;
  const putsOf = (name: string, before: number): RequestLogEntry[] =>
    requestsTo(host.api, ITEM_PUT)
      .slice(before)
      .filter((e) => e.path.toLowerCase().endsWith(name.toLowerCase()));
  const protectedVm = async (prefix: string): Promise<string> => {
    const vm = addVm(host.api, prefix);
    const results = await runCommand<{ ok: boolean }[]>(
      host.api,
      'azureBackup.enableBackupFromVault',
      await nodeAt(host.api, SUB, VAULTS, vault.name),
      { policyName: 'DefaultPolicy', vmIds: [vm.id] },
    );
    assert.ok(
      results?.every((r) => r.ok),
      JSON.stringify(results ?? host.api.log.shownErrors().at(-1)),
    );
    return vm.name;
  };
  const operationOf = (r: unknown): AzureOperation | undefined => (r as Outcome | undefined)?.operation;
  /** The command clicked twice at once: both complete, one PUT of the item. */
  const clickedTwice = async (name: string, command: string, ...args: unknown[]): Promise<void> => {
    const before = requestsTo(host.api, ITEM_PUT).length;
    const results = await Promise.all([0, 1].map(() => runCommand<Outcome>(host.api, command, ...args)));
    assert.ok(
      results.every((r) => r?.operation?.outcome === 'Completed'),
      JSON.stringify(results),
    );
    assert.strictEqual(putsOf(name, before).length, 1, 'one PUT');
  };

  before(async () => {
    vault = await createOwnVault(host.api, 'life-twice-seed', `life-twice-${Date.now() % 100_000}`);
    await createShortPolicy(host.api, vault.name, 'TwiceShort');
  });

  it('Change policy clicked twice at once: one PUT, one ConfigureBackup job', async () => {
    const name = await protectedVm('twice-chg');
    await clickedTwice(name, 'azureBackup.changePolicy', await itemNode(name), {
      policyName: 'TwiceShort',
      confirmed: true,
    });
    assert.strictEqual(jobCount(name, 'ConfigureBackup'), 2, 'the enable and one change');
  });

  it('Change policy whose answer was lost after the service applied it: one PUT, its job followed, no error', async () => {
    const name = await protectedVm('twice-chg-lost');
    await runWithAnswerLost(host.api, name, operationOf, 'azureBackup.changePolicy', await itemNode(name), {
      policyName: 'TwiceShort',
      confirmed: true,
    });
    assert.strictEqual(jobCount(name, 'ConfigureBackup'), 2, 'the enable and one change');
  });

  it('Resume protection whose answer was lost: one PUT, no error', async () => {
    const name = await protectedVm('twice-resume');
    await runCommand(host.api, 'azureBackup.stopProtectionRetain', await itemNode(name), { confirmed: true });
    await runWithAnswerLost(host.api, name, operationOf, 'azureBackup.resumeProtection', await itemNode(name), {
      policyName: 'DefaultPolicy',
    });
    assert.strictEqual(jobCount(name, 'ConfigureBackup'), 2, 'the enable and one resume');
  });

  it('Undelete clicked twice at once, and again after its answer was lost: one PUT each time, one Undelete job each', async () => {
    const name = await protectedVm('twice-undel');
    await runCommand(host.api, 'azureBackup.stopProtectionDelete', await itemNode(name), { confirmed: true });
    await clickedTwice(name, 'azureBackup.undelete', await itemNode(name));
    assert.strictEqual(jobCount(name, 'Undelete'), 1, 'one Undelete job');

    await runCommand(host.api, 'azureBackup.stopProtectionDelete', await itemNode(name), { confirmed: true });
    await runWithAnswerLost(host.api, name, operationOf, 'azureBackup.undelete', await itemNode(name));
    assert.strictEqual(jobCount(name, 'Undelete'), 2, 'one more Undelete job');
  });
});
