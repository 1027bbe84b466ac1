import * as assert from 'node:assert/strict';
import type { RunningSandbox } from '../../../src/sandbox';
import { clientsFor, collect, startTestSandbox } from './helpers';

describe('sandbox smoke', () => {
  let sandbox: RunningSandbox;
  before(async () => {
    sandbox = await startTestSandbox();
  });
  after(async () => {
    await sandbox.stop();
  });

  it('lists the story vault through the modular SDK and policies through the backup SDK', async () => {
    const c = clientsFor(sandbox);
    const vaults = await collect(c.vaults.vaults.listBySubscriptionId());
    assert.deepEqual(
      vaults.map((v) => v.name),
      ['contoso-vault', 'vault-guarded'],
    );
    const policies = await collect(c.backup.backupPolicies.list('contoso-vault', 'contoso-backup-rg'));
    assert.deepEqual(policies.map((p) => p.name).sort(), ['DefaultPolicy', 'EnhancedPolicy', 'HourlyLogBackup']);
  });
});
