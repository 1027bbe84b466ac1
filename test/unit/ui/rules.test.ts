import * as assert from 'node:assert/strict';
import { policyNameProblem, retainUntilProblem, scheduleTimeProblem, vaultNameProblem } from '../../../src/webview/rules';
import { runningBackupOf } from '../../../src/commands/shared/backupGuard';
import type { BackupJob } from '../../../src/azure/model';

describe('form rules', () => {
  it('checks vault names: 2-50 chars, letter first, letters digits hyphens, no trailing hyphen', () => {
    assert.equal(vaultNameProblem('vault-01'), undefined);
    assert.equal(vaultNameProblem('v'), 'vaultNameLength');
    assert.equal(vaultNameProblem('1vault'), 'vaultNameChars');
    assert.equal(vaultNameProblem('vault-'), 'vaultNameChars');
    assert.equal(vaultNameProblem('vault_01'), 'vaultNameChars');
    assert.equal(vaultNameProblem('a'.repeat(51)), 'vaultNameLength');
  });

  it('checks retain-until dates against today and 99 years', () => {
    const today = new Date('2026-11-26T15:00:00Z');
    assert.equal(retainUntilProblem('2026-12-26', today), undefined);
    assert.equal(retainUntilProblem('2026-11-26', today), 'retainUntilPast');
    assert.equal(retainUntilProblem('2026-02-30', today), 'retainUntilInvalid');
    assert.equal(retainUntilProblem('2126-01-01', today), 'retainUntilTooFar');
  });

  it('checks policy names and schedule times', () => {
    assert.equal(policyNameProblem('Nightly-1'), undefined);
    assert.equal(policyNameProblem('ab'), 'policyNameInvalid');
    assert.equal(scheduleTimeProblem('22:30'), undefined);
    assert.equal(scheduleTimeProblem('22:15'), 'timeInvalid');
  });

  it('finds the running backup of an item among the vault jobs (double-backup guard)', () => {
    const job = (over: Partial<BackupJob>): BackupJob => ({ id: 'j', name: 'j', vaultId: 'v', vaultName: 'v', vaultResourceGroup: 'rg', subscriptionId: 's',
      operation: 'Backup', status: 'InProgress', entityFriendlyName: 'vm1', cancellable: true, containerName: 'iaasvmcontainerv2;rg;vm1', ...over });
    const item = { containerName: 'IaasVMContainer;iaasvmcontainerv2;rg;vm1', friendlyName: 'vm1' };
    assert.equal(runningBackupOf(item, [job({})])?.name, 'j');
    assert.equal(runningBackupOf(item, [job({ status: 'Completed' })]), undefined);
    assert.equal(runningBackupOf(item, [job({ containerName: 'iaasvmcontainerv2;rg;vm2' })]), undefined);
    assert.equal(runningBackupOf(item, [job({ operation: 'ConfigureBackup' })]), undefined);
  });
});
