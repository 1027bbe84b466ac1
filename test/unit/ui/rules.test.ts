import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../manifest/sourceScan';
import { POLICY_PROBLEM_FIELDS, policyNameProblem, policyProblem, rangeMessage, retainUntilProblem, retentionShrinks, scheduleTimeProblem, vaultNameProblem } from '../../../src/webview/rules';
import type { PolicyInput } from '../../../src/azure/model';
import { isRunningJobOf } from '../../../src/azure/operations/neverTwice';
import type { BackupJob } from '../../../src/azure/model';

describe('form rules', () => {
  it('words a range of numbers as a range and a range of one value as that value', () => {
    const strings = { rangeInvalid: 'from {min} to {max}', exactInvalid: 'exactly {value}, enter {value}' };
    assert.equal(rangeMessage(strings, { min: 1, max: 5 }), 'from 1 to 5');
    assert.equal(rangeMessage(strings, { min: 5, max: 5 }), 'exactly 5, enter 5');
  });

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
    assert.equal(retainUntilProblem('2026-11-26', today), 'retainUntil.tooEarly');
    assert.equal(retainUntilProblem('2026-02-30', today), 'retainUntil.invalid');
    assert.equal(retainUntilProblem('2126-01-01', today), 'retainUntil.tooLate');
  });

  it('checks policy names and schedule times', () => {
    assert.equal(policyNameProblem('Nightly-1'), undefined);
    assert.equal(policyNameProblem('ab'), 'policyNameInvalid');
    assert.equal(scheduleTimeProblem('22:30'), undefined);
    assert.equal(scheduleTimeProblem('22:15'), 'timeInvalid');
  });

  it('puts each problem of a policy on its field, with the range for numbers', () => {
    const daily: PolicyInput = { name: 'Nightly', timeZone: 'UTC', instantRestoreDays: 2, schedule: { frequency: 'Daily', time: '02:30' }, retention: { dailyDays: 30 } };
    const weekly: PolicyInput = { ...daily, instantRestoreDays: 5, schedule: { frequency: 'Weekly', time: '02:30', days: ['Monday'] }, retention: { weeklyWeeks: 4, weeklyDays: ['Monday'] } };
    assert.equal(policyProblem(daily), undefined);
    assert.equal(policyProblem(weekly), undefined);
    assert.deepEqual(policyProblem({ ...daily, name: 'a-' }), { field: 'name', key: 'policyNameInvalid' });
    assert.deepEqual(policyProblem({ ...daily, schedule: { frequency: 'Daily', time: '02:15' } }), { field: 'time', key: 'timeInvalid' });
    assert.deepEqual(policyProblem({ ...daily, instantRestoreDays: 6 }), { field: 'instantRestoreDays', key: 'rangeInvalid', range: { min: 1, max: 5 } });
    assert.deepEqual(policyProblem({ ...weekly, instantRestoreDays: 4 }), { field: 'instantRestoreDays', key: 'rangeInvalid', range: { min: 5, max: 5 } });
    assert.deepEqual(policyProblem({ ...daily, retention: {} }), { field: 'dailyDays', key: 'required' });
    assert.deepEqual(policyProblem({ ...weekly, retention: { monthlyMonths: 12 } }), { field: 'weeklyWeeks', key: 'required' });
    assert.deepEqual(policyProblem({ ...weekly, schedule: { frequency: 'Weekly', time: '02:30', days: [] } }), { field: 'days', key: 'required' });
    assert.deepEqual(policyProblem({ ...daily, retention: { dailyDays: 10000 } }), { field: 'dailyDays', key: 'rangeInvalid', range: { min: 7, max: 9999 } });
    assert.deepEqual(policyProblem({ ...daily, retention: { dailyDays: 30, yearlyYears: 100 } }), { field: 'yearlyYears', key: 'rangeInvalid', range: { min: 1, max: 99 } });
  });

  it('has a field for every policy problem the Azure layer can report', () => {
    const source = fs.readFileSync(path.join(REPO, 'src/azure/validation.ts'), 'utf8');
    const keys = [...source.matchAll(/'(policy\.[A-Za-z]+)'/g)].map((m) => m[1] as string);
    assert.ok(keys.length >= 10, `found ${keys.length} keys`);
    assert.deepEqual(keys.filter((k) => !(k in POLICY_PROBLEM_FIELDS)), []);
  });

  it('finds the running backup of an item among the vault jobs (double-backup guard)', () => {
    const job = (over: Partial<BackupJob>): BackupJob => ({ id: 'j', name: 'j', vaultId: 'v', vaultName: 'v', vaultResourceGroup: 'rg', subscriptionId: 's',
      operation: 'Backup', status: 'InProgress', entityFriendlyName: 'vm1', cancellable: true, containerName: 'iaasvmcontainerv2;rg;vm1', ...over });
    const item = { containerName: 'IaasVMContainer;iaasvmcontainerv2;rg;vm1', friendlyName: 'vm1' };
    const runningBackupOf = (jobs: BackupJob[]): BackupJob | undefined => jobs.find((j) => isRunningJobOf(item, 'Backup', j));
    assert.equal(runningBackupOf([job({})])?.name, 'j');
    assert.equal(runningBackupOf([job({ status: 'Completed' })]), undefined);
    assert.equal(runningBackupOf([job({ containerName: 'iaasvmcontainerv2;rg;vm2' })]), undefined);
    assert.equal(runningBackupOf([job({ operation: 'ConfigureBackup' })]), undefined);
    assert.equal(runningBackupOf([job({ containerName: undefined })])?.name, 'j', 'a job without a container is matched by the item name');
  });

  it('sees a retention cut when any tier keeps points for less time or no longer at all', () => {
    const daily: PolicyInput = { name: 'P', timeZone: 'UTC', instantRestoreDays: 2, schedule: { frequency: 'Daily', time: '02:30' }, retention: { dailyDays: 30, monthlyMonths: 12 } };
    const withRetention = (retention: PolicyInput['retention']): PolicyInput => ({ ...daily, retention });
    assert.equal(retentionShrinks(daily, daily), false);
    assert.equal(retentionShrinks(daily, withRetention({ dailyDays: 60, monthlyMonths: 12, yearlyYears: 1 })), false, 'longer, or a tier added');
    assert.equal(retentionShrinks(daily, withRetention({ dailyDays: 7, monthlyMonths: 12 })), true, 'daily shorter');
    assert.equal(retentionShrinks(daily, withRetention({ dailyDays: 30 })), true, 'monthly tier dropped');
    assert.equal(retentionShrinks(daily, { ...daily, schedule: { frequency: 'Weekly', time: '02:30', days: ['Sunday'] }, retention: { weeklyWeeks: 520, monthlyMonths: 12 } }), true, 'daily points no longer kept');
  });
});
