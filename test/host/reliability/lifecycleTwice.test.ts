// Nothing done twice in the protection lifecycle, through the commands: Change policy, Resume protection and
// Undelete clicked twice at once, or whose answer was lost after the service applied it, send one PUT and start one
// job, asserted on the sandbox's request log and jobs, with no error shown.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AzureOperation, Vault } from '../../../src/azure/model';
import type { RequestLogEntry } from '../../../src/sandbox/types';
import type { TreeNode } from '../../../src/tree/treeNode';
import { nodeAt, SUB, useApi, VAULTS } from '../ui/helpers';
import { addVm, LOCATION, requestsTo, RG, runCommand } from './fixtures';

const PUT_ITEM = { method: 'PUT', path: '/protectedItems/[^/]+$' };
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
    requestsTo(host.api, PUT_ITEM)
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
  const loseNextAnswer = (name: string): void =>
    host.sandbox.setFaults({
      rate: 1,
      kinds: ['dropResponse'],
      count: 1,
      pathPattern: `/protectedItems/[^/]*${name}$`,
      methods: ['PUT'],
    });

  before(async () => {
    addVm(host.api, 'life-twice-seed');
    vault = (await runCommand<Vault>(host.api, 'azureBackup.createVault', await nodeAt(host.api, SUB, VAULTS), {
      name: `life-twice-${Date.now() % 100_000}`,
      resourceGroup: RG,
      location: LOCATION,
    })) as Vault;
    assert.ok(vault, JSON.stringify(host.api.log.shownErrors().at(-1)));
    await runCommand(host.api, 'azureBackup.createPolicy', await nodeAt(host.api, SUB, VAULTS, vault.name), {
      name: 'TwiceShort',
      timeZone: 'UTC',
      instantRestoreDays: 2,
      schedule: { frequency: 'Daily', time: '20:00' },
      retention: { dailyDays: 7 },
    });
  });

  it('Change policy clicked twice at once: one PUT, one ConfigureBackup job', async () => {
    const name = await protectedVm('twice-chg');
    const node = await itemNode(name);
    const before = requestsTo(host.api, PUT_ITEM).length;
    const results = await Promise.all(
      [0, 1].map(() =>
        runCommand<Outcome>(host.api, 'azureBackup.changePolicy', node, { policyName: 'TwiceShort', confirmed: true }),
      ),
    );
    assert.ok(
      results.every((r) => r?.operation?.outcome === 'Completed'),
      JSON.stringify(results),
    );
    assert.strictEqual(putsOf(name, before).length, 1, 'one PUT');
    assert.strictEqual(jobCount(name, 'ConfigureBackup'), 2, 'the enable and one change');
  });

  it('Change policy whose answer was lost after the service applied it: one PUT, its job followed, no error', async () => {
    const name = await protectedVm('twice-chg-lost');
    const node = await itemNode(name);
    const before = requestsTo(host.api, PUT_ITEM).length;
    const shownBefore = host.api.log.shownCount;
    loseNextAnswer(name);
    const outcome = await runCommand<Outcome>(host.api, 'azureBackup.changePolicy', node, {
      policyName: 'TwiceShort',
      confirmed: true,
    });
    assert.strictEqual(outcome?.operation?.outcome, 'Completed', JSON.stringify(host.api.log.shownErrors().at(-1)));
    assert.deepStrictEqual(
      putsOf(name, before).map((e) => e.status),
      [0],
      'the PUT whose answer was lost is not sent again',
    );
    assert.strictEqual(host.api.log.shownCount, shownBefore, 'no error shown');
    assert.strictEqual(jobCount(name, 'ConfigureBackup'), 2, 'the enable and one change');
  });

  it('Resume protection whose answer was lost: one PUT, no error', async () => {
    const name = await protectedVm('twice-resume');
    await runCommand(host.api, 'azureBackup.stopProtectionRetain', await itemNode(name), { confirmed: true });
    const node = await itemNode(name);
    const before = requestsTo(host.api, PUT_ITEM).length;
    const shownBefore = host.api.log.shownCount;
    loseNextAnswer(name);
    const outcome = await runCommand<Outcome>(host.api, 'azureBackup.resumeProtection', node, {
      policyName: 'DefaultPolicy',
    });
    assert.strictEqual(outcome?.operation?.outcome, 'Completed', JSON.stringify(host.api.log.shownErrors().at(-1)));
    assert.deepStrictEqual(
      putsOf(name, before).map((e) => e.status),
      [0],
      'one PUT',
    );
    assert.strictEqual(host.api.log.shownCount, shownBefore, 'no error shown');
    assert.strictEqual(jobCount(name, 'ConfigureBackup'), 2, 'the enable and one resume');
  });

  it('Undelete clicked twice at once, and again after its answer was lost: one PUT each time, one Undelete job each', async () => {
    const name = await protectedVm('twice-undel');
    await runCommand(host.api, 'azureBackup.stopProtectionDelete', await itemNode(name), { confirmed: true });
    let node = await itemNode(name);
    let before = requestsTo(host.api, PUT_ITEM).length;
    const results = await Promise.all([0, 1].map(() => runCommand<Outcome>(host.api, 'azureBackup.undelete', node)));
    assert.ok(
      results.every((r) => r?.operation?.outcome === 'Completed'),
      JSON.stringify(results),
    );
    assert.strictEqual(putsOf(name, before).length, 1, 'one PUT');
    assert.strictEqual(jobCount(name, 'Undelete'), 1, 'one Undelete job');

    await runCommand(host.api, 'azureBackup.stopProtectionDelete', await itemNode(name), { confirmed: true });
    node = await itemNode(name);
    before = requestsTo(host.api, PUT_ITEM).length;
    const shownBefore = host.api.log.shownCount;
    loseNextAnswer(name);
    const outcome = await runCommand<Outcome>(host.api, 'azureBackup.undelete', node);
    assert.strictEqual(outcome?.operation?.outcome, 'Completed', JSON.stringify(host.api.log.shownErrors().at(-1)));
    assert.deepStrictEqual(
      putsOf(name, before).map((e) => e.status),
      [0],
      'the PUT whose answer was lost is not sent again',
    );
    assert.strictEqual(host.api.log.shownCount, shownBefore, 'no error shown');
    assert.strictEqual(jobCount(name, 'Undelete'), 2, 'one more Undelete job');
  });
});
