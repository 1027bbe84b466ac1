import * as assert from 'node:assert/strict';
import type { PolicyInput } from '../../../src/azure/model';
import {
  retainUntilRange,
  validatePolicyInput,
  validatePolicyName,
  validateRetainUntil,
  validateVaultName,
} from '../../../src/azure/validation';

const policy = (
  overrides: Partial<PolicyInput> = {},
  retention: PolicyInput['retention'] = { dailyDays: 30 },
): PolicyInput => ({
  name: 'daily-policy',
  schedule: { frequency: 'Daily', time: '02:30' },
  timeZone: 'UTC',
  instantRestoreDays: 2,
  retention,
  ...overrides,
});

describe('validation', () => {
  describe('vault name', () => {
    it('accepts the boundaries 2 and 50', () => {
      assert.equal(validateVaultName('ab'), undefined);
      assert.equal(validateVaultName('a'.repeat(50)), undefined);
      assert.equal(validateVaultName('Vault-01'), undefined);
    });
    it('rejects lengths 1 and 51 with a stable key', () => {
      assert.equal(validateVaultName('a')?.key, 'vaultName.length');
      assert.equal(validateVaultName('a'.repeat(51))?.key, 'vaultName.length');
      assert.deepEqual(validateVaultName('a')?.args, { min: 2, max: 50 });
    });
    it('rejects a digit first, bad characters and a trailing hyphen', () => {
      assert.equal(validateVaultName('1vault')?.key, 'vaultName.start');
      assert.equal(validateVaultName('vault_1')?.key, 'vaultName.characters');
      assert.equal(validateVaultName('vault.1')?.key, 'vaultName.characters');
      assert.equal(validateVaultName('vault-')?.key, 'vaultName.end');
    });
  });

  describe('policy name', () => {
    it('accepts 3 and 150 characters, rejects 2 and 151', () => {
      assert.equal(validatePolicyName('abc'), undefined);
      assert.equal(validatePolicyName('a'.repeat(150)), undefined);
      assert.equal(validatePolicyName('ab')?.key, 'policyName.length');
      assert.equal(validatePolicyName('a'.repeat(151))?.key, 'policyName.length');
    });
    it('rejects a hyphen at the end and a non-letter first', () => {
      assert.equal(validatePolicyName('abc-')?.key, 'policyName.end');
      assert.equal(validatePolicyName('-abc')?.key, 'policyName.start');
      assert.equal(validatePolicyName('ab c')?.key, 'policyName.characters');
    });
  });

  describe('retain-until', () => {
    const now = new Date('2030-06-15T23:30:00Z');
    it('starts tomorrow (UTC day) and ends 99 years ahead', () => {
      const { min, max } = retainUntilRange(now);
      assert.equal(min.toISOString(), '2030-06-16T00:00:00.000Z');
      assert.equal(max.toISOString(), '2129-06-15T00:00:00.000Z');
    });
    it('rejects today and accepts tomorrow', () => {
      assert.equal(validateRetainUntil('2030-06-15', now)?.key, 'retainUntil.tooEarly');
      assert.equal(validateRetainUntil('2030-06-16', now), undefined);
      assert.equal(validateRetainUntil(new Date('2030-06-16T12:00:00Z'), now), undefined);
    });
    it('accepts the last allowed day and rejects the one after', () => {
      assert.equal(validateRetainUntil('2129-06-15', now), undefined);
      const late = validateRetainUntil('2129-06-16', now);
      assert.equal(late?.key, 'retainUntil.tooLate');
      assert.equal(late?.args?.years, 99);
    });
    it('rejects garbage and impossible dates', () => {
      assert.equal(validateRetainUntil('tomorrow', now)?.key, 'retainUntil.invalid');
      assert.equal(validateRetainUntil('2031-02-31', now)?.key, 'retainUntil.invalid');
      assert.equal(validateRetainUntil(new Date('nope'), now)?.key, 'retainUntil.invalid');
    });
  });

  describe('policy values', () => {
    it('accepts a valid daily policy', () => {
      assert.equal(validatePolicyInput(policy()), undefined);
    });
    it('enforces the daily retention range 7..9999', () => {
      assert.equal(validatePolicyInput(policy({}, { dailyDays: 7 })), undefined);
      assert.equal(validatePolicyInput(policy({}, { dailyDays: 9999 })), undefined);
      assert.equal(validatePolicyInput(policy({}, { dailyDays: 6 }))?.key, 'policy.dailyDays');
      assert.equal(validatePolicyInput(policy({}, { dailyDays: 10000 }))?.key, 'policy.dailyDays');
      assert.equal(validatePolicyInput(policy({}, { dailyDays: 7.5 }))?.key, 'policy.dailyDays');
    });
    it('enforces weekly 1..5163, monthly 1..1188, yearly 1..99', () => {
      const ok = {
        dailyDays: 30,
        weeklyWeeks: 5163,
        weeklyDays: ['Sunday' as const],
        monthlyMonths: 1188,
        yearlyYears: 99,
      };
      assert.equal(validatePolicyInput(policy({}, ok)), undefined);
      assert.equal(validatePolicyInput(policy({}, { ...ok, weeklyWeeks: 5164 }))?.key, 'policy.weeklyWeeks');
      assert.equal(validatePolicyInput(policy({}, { ...ok, weeklyWeeks: 0 }))?.key, 'policy.weeklyWeeks');
      assert.equal(validatePolicyInput(policy({}, { ...ok, monthlyMonths: 1189 }))?.key, 'policy.monthlyMonths');
      assert.equal(validatePolicyInput(policy({}, { ...ok, yearlyYears: 100 }))?.key, 'policy.yearlyYears');
      assert.equal(validatePolicyInput(policy({}, { ...ok, yearlyYears: 0 }))?.key, 'policy.yearlyYears');
    });
    it('keeps instant restore at 1..5 days for daily and exactly 5 for weekly', () => {
      assert.equal(validatePolicyInput(policy({ instantRestoreDays: 1 })), undefined);
      assert.equal(validatePolicyInput(policy({ instantRestoreDays: 5 })), undefined);
      assert.equal(validatePolicyInput(policy({ instantRestoreDays: 0 }))?.key, 'policy.instantRestore');
      assert.equal(validatePolicyInput(policy({ instantRestoreDays: 6 }))?.key, 'policy.instantRestore');
      const weekly = (days: number) =>
        policy(
          { schedule: { frequency: 'Weekly', time: '22:00', days: ['Saturday'] }, instantRestoreDays: days },
          { weeklyWeeks: 12 },
        );
      assert.equal(validatePolicyInput(weekly(5)), undefined);
      assert.equal(validatePolicyInput(weekly(4))?.key, 'policy.instantRestoreWeekly');
    });
    it('needs at least one day for a weekly schedule', () => {
      const input = policy(
        { schedule: { frequency: 'Weekly', time: '22:00', days: [] }, instantRestoreDays: 5 },
        { weeklyWeeks: 12 },
      );
      assert.equal(validatePolicyInput(input)?.key, 'policy.weeklyDays');
    });
    it('lets an Enhanced policy keep instant restore snapshots 1..30 days, weekly too', () => {
      const enhanced = (days: number, frequency: 'Daily' | 'Weekly' = 'Daily') =>
        policy(
          {
            policyType: 'V2',
            schedule: { frequency, time: '22:00', ...(frequency === 'Weekly' ? { days: ['Monday' as const] } : {}) },
            instantRestoreDays: days,
          },
          frequency === 'Weekly' ? { weeklyWeeks: 12 } : { dailyDays: 30 },
        );
      assert.equal(validatePolicyInput(enhanced(1)), undefined);
      assert.equal(validatePolicyInput(enhanced(30)), undefined);
      assert.equal(validatePolicyInput(enhanced(11, 'Weekly')), undefined);
      assert.deepEqual(validatePolicyInput(enhanced(31))?.args, { min: 1, max: 30 });
      assert.equal(validatePolicyInput(enhanced(0, 'Weekly'))?.key, 'policy.instantRestore');
    });
    it('checks an hourly schedule: Enhanced only, every 4/6/8/12 hours, a window of 4..24 hours', () => {
      const hourly = (
        intervalHours: number,
        windowStart: string,
        windowHours: number,
        policyType: 'V1' | 'V2' = 'V2',
      ) => policy({ policyType, schedule: { frequency: 'Hourly', intervalHours, windowStart, windowHours } });
      for (const interval of [4, 6, 8, 12]) assert.equal(validatePolicyInput(hourly(interval, '08:00', 12)), undefined);
      assert.equal(validatePolicyInput(hourly(4, '23:30', 4)), undefined);
      assert.equal(validatePolicyInput(hourly(4, '00:00', 24)), undefined);
      assert.equal(validatePolicyInput(hourly(4, '08:00', 12, 'V1'))?.key, 'policy.hourlyStandard');
      for (const bad of [0, 3, 5, 24])
        assert.equal(validatePolicyInput(hourly(bad, '08:00', 12))?.key, 'policy.hourlyInterval');
      for (const bad of ['08:15', '24:00', 'noon'])
        assert.equal(validatePolicyInput(hourly(4, bad, 12))?.key, 'policy.windowStart', bad);
      for (const bad of [3, 25, 4.5])
        assert.equal(validatePolicyInput(hourly(4, '08:00', bad))?.key, 'policy.windowHours');
      assert.equal(
        validatePolicyInput(
          policy(
            {
              policyType: 'V2',
              schedule: { frequency: 'Hourly', intervalHours: 4, windowStart: '08:00', windowHours: 12 },
            },
            {},
          ),
        )?.key,
        'policy.dailyRequired',
      );
    });
    it('takes times on the hour or half hour only', () => {
      assert.equal(validatePolicyInput(policy({ schedule: { frequency: 'Daily', time: '23:30' } })), undefined);
      assert.equal(validatePolicyInput(policy({ schedule: { frequency: 'Daily', time: '00:00' } })), undefined);
      for (const bad of ['02:15', '24:00', '2:30', '02:30:00', 'noon']) {
        assert.equal(
          validatePolicyInput(policy({ schedule: { frequency: 'Daily', time: bad } }))?.key,
          'policy.time',
          bad,
        );
      }
    });
  });
});
