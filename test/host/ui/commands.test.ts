import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AzureBackupApi } from '../../../src/extension';
import type { AzureOperation, RecoveryPoint, Vault } from '../../../src/azure/model';
import type { BackupNowOutcome } from '../../../src/commands/backupNow';
import { childrenAt, getApi, labelOf, nodeAt, SUB, VAULTS, VMS, withFastClock } from './helpers';

describe('Commands driven by arguments', function () {
  this.timeout(180_000);
  let api: AzureBackupApi;
  before(async () => {
    api = await getApi();
  });

  it('creates a vault, and the vault list shows it', async () => {
    const name = `test-vault-${Date.now() % 100000}`;
    const vault = (await api.run('azureBackup.createVault', await nodeAt(api, SUB, VAULTS), {
      name,
      resourceGroup: 'contoso-web-rg',
      location: 'westeurope',
    })) as Vault;
    assert.strictEqual(vault.name, name);
    const vaults = await childrenAt(api, SUB, VAULTS);
    assert.ok(vaults.map(labelOf).includes(name));
  });

  it('refuses a vault name that breaks the rules before calling Azure', async () => {
    await assert.rejects(
      api.run('azureBackup.createVault', await nodeAt(api, SUB, VAULTS), {
        name: '1bad',
        resourceGroup: 'contoso-web-rg',
        location: 'westeurope',
      }),
    );
  });

  it('sets storage replication on an empty vault and refuses it on a locked one', async () => {
    const name = `lrs-vault-${Date.now() % 100000}`;
    await api.run('azureBackup.createVault', await nodeAt(api, SUB, VAULTS), {
      name,
      resourceGroup: 'contoso-web-rg',
      location: 'westeurope',
    });
    const saved = (await api.run('azureBackup.configureStorage', await nodeAt(api, SUB, VAULTS, name), {
      redundancy: 'LocallyRedundant',
      crossRegionRestore: true,
    })) as { redundancy: string; crossRegionRestore: boolean };
    assert.strictEqual(saved.redundancy, 'LocallyRedundant');
    assert.strictEqual(saved.crossRegionRestore, false, 'cross-region restore is GRS only');
    const node = await nodeAt(api, SUB, VAULTS, name);
    assert.match(String(node.getTreeItem().description), /Locally redundant/);
    await assert.rejects(
      api.run('azureBackup.configureStorage', await nodeAt(api, SUB, VAULTS, 'contoso-vault'), {
        redundancy: 'LocallyRedundant',
      }),
    );
  });

  it('enables backup for a VM, and the item appears as initial backup pending', async () => {
    const vm = await nodeAt(api, SUB, VMS, 'web-vm-02');
    const vaults = await childrenAt(api, SUB, VAULTS);
    const contoso = vaults.find((v) => labelOf(v) === 'contoso-vault') as unknown as { vault: Vault };
    const op = (await withFastClock(api, () =>
      api.run('azureBackup.enableBackup', vm, { vaultId: contoso.vault.id, policyName: 'DefaultPolicy' }),
    )) as AzureOperation;
    assert.strictEqual(op.outcome, 'Completed');
    const items = await childrenAt(api, SUB, VAULTS, 'contoso-vault', 'Backup items');
    const item = items.find((i) => labelOf(i) === 'web-vm-02');
    assert.ok(item, items.map(labelOf).join(', '));
    assert.strictEqual(item.getTreeItem().description, 'Warning (initial backup pending)');
    const vm2 = (await childrenAt(api, SUB, VMS)).find((v) => labelOf(v) === 'web-vm-02');
    assert.strictEqual(vm2?.getTreeItem().description, 'Initial backup pending in contoso-vault · West Europe');
    assert.strictEqual(vm2?.getTreeItem().contextValue, 'virtualMachineInitialBackupPending');
  });

  it('backs up now, follows the job to Completed, and a second click does not start another job', async () => {
    const item = await nodeAt(api, SUB, VAULTS, 'contoso-vault', 'Backup items', 'web-vm-01');
    const retainUntil = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const first = withFastClock(
      api,
      () => api.run('azureBackup.backupNow', item, { retainUntil }) as Promise<BackupNowOutcome>,
    );
    const second = (await api.run('azureBackup.backupNow', item, { retainUntil })) as BackupNowOutcome;
    assert.strictEqual(second.started, false, 'the guard lets only one backup run');
    assert.ok(
      api.jobs.isBusy((item as unknown as { resourceKey: string }).resourceKey),
      'the item spins while its job runs',
    );
    const outcome = await first;
    assert.strictEqual(outcome.started, true);
    assert.strictEqual(outcome.operation?.outcome, 'Completed');
    assert.strictEqual(api.jobs.list().length, 0);
    const points = (await api.run(
      'azureBackup.showRecoveryPoints',
      await nodeAt(api, SUB, VAULTS, 'contoso-vault', 'Backup items', 'web-vm-01'),
    )) as RecoveryPoint[];
    assert.ok(
      points.some((p) => p.expiry?.toISOString().slice(0, 10) === retainUntil),
      points.map((p) => p.expiry?.toISOString()).join(', '),
    );
    const jobs = await childrenAt(api, SUB, VAULTS, 'contoso-vault', 'Backup jobs');
    assert.ok(jobs.length >= 2);
  });

  it('shows a job, a policy, and copies a resource id', async () => {
    const jobs = await childrenAt(api, SUB, VAULTS, 'contoso-vault', 'Backup jobs');
    const job = (await api.run('azureBackup.showJob', jobs[0])) as { name: string };
    assert.ok(job.name);
    assert.ok(
      api.details.html().some((html) => html.includes(job.name)),
      'the job page shows the job',
    );
    const text = (await api.run(
      'azureBackup.viewPolicy',
      await nodeAt(api, SUB, VAULTS, 'contoso-vault', 'Backup policies', 'DefaultPolicy'),
    )) as string;
    assert.match(text, /DefaultPolicy/);
    const id = (await api.run('azureBackup.copyResourceId', await nodeAt(api, SUB, VAULTS, 'contoso-vault'))) as string;
    assert.strictEqual(await vscode.env.clipboard.readText(), id);
  });

  it('creates a policy with validated ranges', async () => {
    const vault = await nodeAt(api, SUB, VAULTS, 'contoso-vault');
    const input = {
      name: 'Nightly',
      timeZone: 'UTC',
      instantRestoreDays: 3,
      schedule: { frequency: 'Daily', time: '21:00' },
      retention: { dailyDays: 14 },
    };
    await assert.rejects(api.run('azureBackup.createPolicy', vault, { ...input, retention: { dailyDays: 3 } }));
    await api.run('azureBackup.createPolicy', vault, input);
    const policies = await childrenAt(api, SUB, VAULTS, 'contoso-vault', 'Backup policies');
    assert.ok(policies.map(labelOf).includes('Nightly'));
  });

  it('shows a policy with units and the weekly retention day, not Markdown source', async () => {
    const vault = await nodeAt(api, SUB, VAULTS, 'contoso-vault');
    const input = {
      name: 'WeeklyKept',
      timeZone: 'UTC',
      instantRestoreDays: 2,
      schedule: { frequency: 'Daily', time: '21:00' },
      retention: { dailyDays: 14, weeklyWeeks: 12, weeklyDays: ['Sunday'] },
    };
    await api.run('azureBackup.createPolicy', vault, input);
    const text = (await api.run(
      'azureBackup.viewPolicy',
      await nodeAt(api, SUB, VAULTS, 'contoso-vault', 'Backup policies', 'WeeklyKept'),
    )) as string;
    assert.match(text, /Instant restore snapshots kept: 2 days/);
    assert.match(text, /Daily backups kept: 14 days/);
    assert.match(text, /Weekly backups kept: 12 weeks, the backup of Sunday/);
    assert.doesNotMatch(text, /\*\*|\\\(/);
    assert.ok(
      api.details.html().some((html) => html.includes('<dd>12 weeks, the backup of Sunday</dd>')),
      'the page shows it rendered',
    );
  });

  it('refuses invalid webview messages and answers valid ones', async () => {
    const item = await nodeAt(api, SUB, VAULTS, 'contoso-vault', 'Backup items', 'web-vm-01');
    await api.run('azureBackup.backupNow', item);
    const panel = api.forms.list().find((p) => p.definition.kind === 'backupNow');
    assert.ok(panel);
    assert.strictEqual(await panel.receive({ type: 'submit', requestId: 1, payload: { retainUntil: 5 } }), undefined);
    const reply = await panel.receive({ type: 'submit', requestId: 2, payload: { retainUntil: '2000-01-01' } });
    assert.ok(reply && reply.type === 'reply' && !reply.ok && reply.error.field === 'retainUntil');
    panel.dispose();
  });
});
