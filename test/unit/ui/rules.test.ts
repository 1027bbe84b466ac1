import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../manifest/sourceScan';
import {
  fieldMessage,
  hourlyProblem,
  instantRestoreProblem,
  POLICY_PROBLEM_FIELDS,
  policyNameProblem,
  policyProblem,
  resourceGroupProblem,
  retainUntilProblem,
  retentionProblem,
  retentionShrinks,
  scheduleTimeProblem,
  vaultNameProblem,
} from '../../../src/webview/rules';
import type { PolicyInput } from '../../../src/azure/model';
import { isRunningJobOf } from '../../../src/azure/operations/neverTwice';
import type { BackupJob } from '../../../src/azure/model';

describe('form rules', () => {
  it("words a problem with its key's message, each value filled in", () => {
    const strings = {
      'policy.dailyDays': 'from {min} to {max}',
      'policy.instantRestoreWeekly': 'exactly {days}, enter {days}',
    };
    assert.equal(fieldMessage(strings, retentionProblem('dailyDays', 6, false) ?? { key: 'none' }), 'from 7 to 9999');
    assert.equal(fieldMessage(strings, instantRestoreProblem(4, true, false) ?? { key: 'none' }), 'exactly 5, enter 5');
  });

  it('names 0 as the lowest value of a retention tier the form may leave out', () => {
    assert.equal(retentionProblem('weeklyWeeks', 0, true), undefined);
    assert.deepEqual(retentionProblem('weeklyWeeks', 5164, true), {
      key: 'policy.weeklyWeeks',
      args: { min: 0, max: 5163 },
    });
    assert.deepEqual(retentionProblem('weeklyWeeks', 0, false), {
      key: 'policy.weeklyWeeks',
      args: { min: 1, max: 5163 },
    });
    assert.equal(instantRestoreProblem(5, true, false), undefined);
    assert.deepEqual(instantRestoreProblem(6, false, false), {
      key: 'policy.instantRestore',
      args: { min: 1, max: 5 },
    });
  });

  it('gives an Enhanced policy 1-30 instant restore days, weekly too, and checks its hourly schedule', () => {
    assert.equal(instantRestoreProblem(30, false, true), undefined);
    assert.equal(instantRestoreProblem(12, true, true), undefined);
    assert.deepEqual(instantRestoreProblem(31, true, true), {
      key: 'policy.instantRestore',
      args: { min: 1, max: 30 },
    });
    assert.equal(hourlyProblem({ intervalHours: 6, windowStart: '08:00', windowHours: 24 }), undefined);
    assert.equal(
      hourlyProblem({ intervalHours: 5, windowStart: '08:00', windowHours: 12 })?.key,
      'policy.hourlyInterval',
    );
    assert.equal(hourlyProblem({ intervalHours: 4, windowStart: '08:15', windowHours: 12 })?.key, 'policy.windowStart');
    assert.deepEqual(hourlyProblem({ intervalHours: 4, windowStart: '08:00', windowHours: 3 }), {
      key: 'policy.windowHours',
      args: { min: 4, max: 24 },
    });
  });

  it('checks vault names: 2-50 chars, letter first, letters digits hyphens, no trailing hyphen', () => {
    assert.equal(vaultNameProblem('vault-01'), undefined);
    assert.equal(vaultNameProblem('v')?.key, 'vaultName.length');
    assert.equal(vaultNameProblem('1vault')?.key, 'vaultName.start');
    assert.equal(vaultNameProblem('vault-')?.key, 'vaultName.end');
    assert.equal(vaultNameProblem('vault_01')?.key, 'vaultName.characters');
    assert.equal(vaultNameProblem('a'.repeat(51))?.key, 'vaultName.length');
  });

  it('checks resource group names: 1-90 chars, letters digits _-.(), no trailing period', () => {
    assert.equal(resourceGroupProblem('rg_1.(a)-b'), undefined);
    assert.equal(resourceGroupProblem('g'.repeat(90)), undefined);
    assert.equal(resourceGroupProblem('')?.key, 'resourceGroup.length');
    assert.equal(resourceGroupProblem('g'.repeat(91))?.key, 'resourceGroup.length');
    assert.equal(resourceGroupProblem('rg#1')?.key, 'resourceGroup.characters');
    assert.equal(resourceGroupProblem('rgö')?.key, 'resourceGroup.characters');
    assert.equal(resourceGroupProblem('rg.')?.key, 'resourceGroup.end');
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
    assert.equal(policyNameProblem('ab')?.key, 'policyName.length');
    assert.equal(scheduleTimeProblem('22:30'), undefined);
    assert.equal(scheduleTimeProblem('22:15')?.key, 'policy.time');
  });

  it('puts each problem of a policy on its field, with the range for numbers', () => {
    const daily: PolicyInput = {
      name: 'Nightly',
      timeZone: 'UTC',
      instantRestoreDays: 2,
      schedule: { frequency: 'Daily', time: '02:30' },
      retention: { dailyDays: 30 },
    };
    const weekly: PolicyInput = {
      ...daily,
      instantRestoreDays: 5,
      schedule: { frequency: 'Weekly', time: '02:30', days: ['Monday'] },
      retention: { weeklyWeeks: 4, weeklyDays: ['Monday'] },
    };
    assert.equal(policyProblem(daily), undefined);
    assert.equal(policyProblem(weekly), undefined);
    assert.deepEqual(policyProblem({ ...daily, name: 'abc-' }), { field: 'name', key: 'policyName.end' });
    assert.deepEqual(policyProblem({ ...daily, schedule: { frequency: 'Daily', time: '02:15' } }), {
      field: 'time',
      key: 'policy.time',
    });
    assert.deepEqual(policyProblem({ ...daily, instantRestoreDays: 6 }), {
      field: 'instantRestoreDays',
      key: 'policy.instantRestore',
      args: { min: 1, max: 5 },
    });
    assert.deepEqual(policyProblem({ ...weekly, instantRestoreDays: 4 }), {
      field: 'instantRestoreDays',
      key: 'policy.instantRestoreWeekly',
      args: { days: 5 },
    });
    assert.deepEqual(policyProblem({ ...daily, retention: {} }), { field: 'dailyDays', key: 'policy.dailyRequired' });
    assert.deepEqual(policyProblem({ ...weekly, retention: { monthlyMonths: 12 } }), {
      field: 'weeklyWeeks',
      key: 'policy.weeklyRequired',
    });
    assert.deepEqual(policyProblem({ ...weekly, schedule: { frequency: 'Weekly', time: '02:30', days: [] } }), {
      field: 'days',
      key: 'policy.weeklyDays',
    });
    assert.deepEqual(policyProblem({ ...daily, retention: { dailyDays: 10000 } }), {
      field: 'dailyDays',
      key: 'policy.dailyDays',
      args: { min: 7, max: 9999 },
    });
    assert.deepEqual(policyProblem({ ...daily, retention: { dailyDays: 30, yearlyYears: 100 } }), {
      field: 'yearlyYears',
      key: 'policy.yearlyYears',
      args: { min: 1, max: 99 },
    });
  });

  it('has a field for every policy problem the Azure layer can report', () => {
    const source = fs.readFileSync(path.join(REPO, 'src/azure/validation.ts'), 'utf8');
    const keys = [...source.matchAll(/'(policy\.[A-Za-z]+)'/g)].map((m) => m[1] as string);
    assert.ok(keys.length >= 10, `found ${keys.length} keys`);
    assert.deepEqual(
      keys.filter((k) => !(k in POLICY_PROBLEM_FIELDS)),
      [],
    );
  });

  it("has a message for every key the Azure layer's form rules answer", () => {
    // The restore and VM-name keys belong to the restore form; every other rule is shown by a form today.
    const rules = fs.readFileSync(path.join(REPO, 'src/azure/validation.ts'), 'utf8');
    const table = fs.readFileSync(path.join(REPO, 'src/webview/fieldMessages.ts'), 'utf8');
    const keys = [
      ...rules.matchAll(/key: '([A-Za-z]+\.[A-Za-z.]+)'/g),
      ...rules.matchAll(/key: '(policy\.[A-Za-z]+)', label/g),
    ]
      .map((m) => m[1] as string)
      .filter((k) => !/^(restore|vmName)\./.test(k));
    assert.ok(keys.length >= 20, `found ${keys.length} keys`);
    const messages = new Set([...table.matchAll(/'([A-Za-z]+\.[A-Za-z]+)'/g)].map((m) => m[1]));
    assert.deepEqual(
      keys.filter((k) => !messages.has(k)),
      [],
    );
  });

  it('finds the running backup of an item among the vault jobs (double-backup guard)', () => {
    const job = (over: Partial<BackupJob>): BackupJob => ({
      id: 'j',
      name: 'j',
      vaultId: 'v',
      vaultName: 'v',
      vaultResourceGroup: 'rg',
      subscriptionId: 's',
      operation: 'Backup',
      status: 'InProgress',
      entityFriendlyName: 'vm1',
      cancellable: true,
      containerName: 'iaasvmcontainerv2;rg;vm1',
      ...over,
    });
    const item = { containerName: 'IaasVMContainer;iaasvmcontainerv2;rg;vm1', friendlyName: 'vm1' };
    const runningBackupOf = (jobs: BackupJob[]): BackupJob | undefined =>
      jobs.find((j) => isRunningJobOf(item, 'Backup', j));
    assert.equal(runningBackupOf([job({})])?.name, 'j');
    assert.equal(runningBackupOf([job({ status: 'Completed' })]), undefined);
    assert.equal(runningBackupOf([job({ containerName: 'iaasvmcontainerv2;rg;vm2' })]), undefined);
    assert.equal(runningBackupOf([job({ operation: 'ConfigureBackup' })]), undefined);
    assert.equal(
      runningBackupOf([job({ containerName: undefined })])?.name,
      'j',
      'a job without a container is matched by the item name',
    );
  });

  it('sees a retention cut when any tier keeps points for less time or no longer at all', () => {
    const daily: PolicyInput = {
      name: 'P',
      timeZone: 'UTC',
      instantRestoreDays: 2,
      schedule: { frequency: 'Daily', time: '02:30' },
      retention: { dailyDays: 30, monthlyMonths: 12 },
    };
    const withRetention = (retention: PolicyInput['retention']): PolicyInput => ({ ...daily, retention });
    assert.equal(retentionShrinks(daily, daily), false);
    assert.equal(
      retentionShrinks(daily, withRetention({ dailyDays: 60, monthlyMonths: 12, yearlyYears: 1 })),
      false,
      'longer, or a tier added',
    );
    assert.equal(retentionShrinks(daily, withRetention({ dailyDays: 7, monthlyMonths: 12 })), true, 'daily shorter');
    assert.equal(retentionShrinks(daily, withRetention({ dailyDays: 30 })), true, 'monthly tier dropped');
    assert.equal(
      retentionShrinks(daily, {
        ...daily,
        schedule: { frequency: 'Weekly', time: '02:30', days: ['Sunday'] },
        retention: { weeklyWeeks: 520, monthlyMonths: 12 },
      }),
      true,
      'daily points no longer kept',
    );
  });
});
