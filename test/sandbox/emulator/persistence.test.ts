/** State survives a restart with the same data file; writes are atomic (the old file stays intact). */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { RunningSandbox } from '../../../src/sandbox';
import { clientsFor, collect, startTestSandbox } from './helpers';

describe('persistence', () => {
  let dir: string;
  let sandbox: RunningSandbox | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sandbox-persist-'));
  });
  afterEach(async () => {
    await sandbox?.stop();
    sandbox = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('resumes from the data file after stop and start: vaults, items, jobs in flight', async () => {
    const dataFile = path.join(dir, 'state.json');
    sandbox = await startTestSandbox({ dataFile });
    assert.equal(sandbox.caFile, `${dataFile}.ca.pem`);
    assert.equal(readFileSync(sandbox.caFile, 'utf8'), sandbox.ca);
    let c = clientsFor(sandbox);
    await c.resources.resourceGroups.createOrUpdate('persist-rg', { location: 'westeurope' });
    await c.vaults.vaults.createOrUpdate(
      'persist-rg',
      'persist-vault',
      { location: 'westeurope', sku: { name: 'Standard' } },
      { updateIntervalInMs: 10 },
    );
    await c.backup.backups.trigger(
      'contoso-vault',
      'contoso-backup-rg',
      'Azure',
      'IaasVMContainer;iaasvmcontainerv2;contoso-web-rg;web-vm-01',
      'VM;iaasvmcontainerv2;contoso-web-rg;web-vm-01',
      { properties: { objectType: 'IaasVMBackupRequest' } },
    );
    await sandbox.stop();
    assert.ok(existsSync(dataFile));
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
    );

    sandbox = await startTestSandbox({ dataFile });
    c = clientsFor(sandbox);
    assert.equal((await c.vaults.vaults.get('persist-rg', 'persist-vault')).name, 'persist-vault');
    const running = await collect(
      c.backup.backupJobs.list('contoso-vault', 'contoso-backup-rg', {
        filter: "operation eq 'Backup' and status eq 'InProgress'",
      }),
    );
    assert.equal(running.length, 1);
    sandbox.clock.advance(60_000);
    const done = await c.backup.jobDetails.get('contoso-vault', 'contoso-backup-rg', running[0].name ?? '');
    assert.equal(done.properties?.status, 'Completed');
  });

  it('ignores a half-written temp file: the previous state file is what loads', async () => {
    const dataFile = path.join(dir, 'state.json');
    sandbox = await startTestSandbox({ dataFile, seed: 'empty' });
    const subs = sandbox.subscriptionIds();
    await sandbox.stop();
    sandbox = undefined;
    // A crash mid-write leaves only a truncated temp file next to the intact data file.
    writeFileSync(`${dataFile}.12345.tmp`, '{"version":1,"tena');
    sandbox = await startTestSandbox({ dataFile });
    assert.deepEqual(sandbox.subscriptionIds(), subs);
    assert.deepEqual(await collect(clientsFor(sandbox).vaults.vaults.listBySubscriptionId()), []);
  });
});
