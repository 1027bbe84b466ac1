// Enhanced (V2) policies through the Azure layer against the sandbox: what the policy form saves reaches the service
// in the V2 shape and reads back as the same schedule.
import * as assert from 'node:assert/strict';
import type { PolicyInput, VaultRef } from '../../../src/azure';
import { AzureError } from '../../../src/azure';
import { useHarness } from './setup';

describe('Azure layer against the sandbox: Enhanced policies', function () {
  this.timeout(30_000);
  const h = useHarness();
  let vault: VaultRef;
  before(() => {
    vault = { subscriptionId: h.subscriptionId, resourceGroup: 'contoso-backup-rg', name: 'contoso-vault' };
  });

  const hourly: PolicyInput = {
    name: 'every-six',
    policyType: 'V2',
    schedule: { frequency: 'Hourly', intervalHours: 6, windowStart: '06:00', windowHours: 18 },
    timeZone: 'UTC',
    instantRestoreDays: 20,
    retention: { dailyDays: 30, weeklyWeeks: 12, weeklyDays: ['Sunday'], monthlyMonths: 6 },
  };

  it('creates an hourly Enhanced policy and changes its interval, window and snapshots', async () => {
    const created = await h.service.createOrUpdatePolicy(vault, hourly);
    assert.equal(created.policyType, 'V2');
    assert.deepEqual(created.hourly, { intervalHours: 6, windowStart: '06:00', windowHours: 18 });
    assert.equal(created.instantRestoreDays, 20);
    assert.equal(created.retention?.monthlyMonths, 6);
    const put = h.calls.filter((c) => c.method === 'PUT' && /backupPolicies\/every-six/i.test(c.url));
    assert.equal(put.length, 1, 'one PUT');

    await h.service.createOrUpdatePolicy(vault, {
      ...hourly,
      schedule: { frequency: 'Hourly', intervalHours: 12, windowStart: '20:30', windowHours: 24 },
      instantRestoreDays: 30,
    });
    const read = await h.service.getPolicy(vault, 'every-six');
    assert.deepEqual(read.hourly, { intervalHours: 12, windowStart: '20:30', windowHours: 24 });
    assert.equal(read.instantRestoreDays, 30);
  });

  it('creates daily and weekly Enhanced policies with more than 5 instant restore days', async () => {
    const daily = await h.service.createOrUpdatePolicy(vault, {
      ...hourly,
      name: 'enhanced-daily',
      schedule: { frequency: 'Daily', time: '23:00' },
      instantRestoreDays: 10,
    });
    assert.deepEqual(
      [daily.policyType, daily.schedule, daily.instantRestoreDays],
      ['V2', { frequency: 'Daily', time: '23:00' }, 10],
    );
    const weekly = await h.service.createOrUpdatePolicy(vault, {
      ...hourly,
      name: 'enhanced-weekly',
      schedule: { frequency: 'Weekly', time: '01:30', days: ['Saturday'] },
      instantRestoreDays: 8,
      retention: { weeklyWeeks: 10 },
    });
    assert.deepEqual(
      [weekly.policyType, weekly.schedule, weekly.instantRestoreDays],
      ['V2', { frequency: 'Weekly', time: '01:30', days: ['Saturday'] }, 8],
    );
  });

  it('refuses an hourly Standard policy and an interval the service does not offer, sending nothing', async () => {
    const before = h.calls.length;
    const refused: [PolicyInput, string][] = [
      [{ ...hourly, name: 'standard-hourly', policyType: 'V1' }, 'policy.hourlyStandard'],
      [
        {
          ...hourly,
          name: 'every-five',
          schedule: { ...hourly.schedule, intervalHours: 5 } as PolicyInput['schedule'],
        },
        'policy.hourlyInterval',
      ],
    ];
    for (const [input, rule] of refused)
      await assert.rejects(
        h.service.createOrUpdatePolicy(vault, input),
        (e: unknown) => e instanceof AzureError && e.code === 'InvalidPolicy' && e.target === rule,
      );
    assert.equal(h.calls.length, before);
  });
});
