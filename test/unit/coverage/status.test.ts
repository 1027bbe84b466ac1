import * as assert from 'assert';
import { isFailing, isStale, lastSuccessTime, staleAfterMs, toCoverageRow } from '../../../src/coverage/status';
import { DAY, NOW, item, vm } from './fixtures';

describe('Coverage: failing and stale', () => {
  it('allows the policy interval plus one day: daily 2 days, weekly 8 days', () => {
    assert.strictEqual(staleAfterMs('Daily'), 2 * DAY);
    assert.strictEqual(staleAfterMs('Weekly'), 8 * DAY);
    assert.strictEqual(staleAfterMs(undefined), 2 * DAY, 'unknown schedules read as daily');
  });

  it('is stale past the interval and fresh within it', () => {
    const at = (days: number) =>
      item({ lastBackupTime: new Date(NOW - days * DAY), lastRecoveryPoint: new Date(NOW - days * DAY) });
    assert.strictEqual(isStale(at(1.9), 'Daily', NOW), false);
    assert.strictEqual(isStale(at(2.1), 'Daily', NOW), true);
    assert.strictEqual(isStale(at(7.5), 'Weekly', NOW), false);
    assert.strictEqual(isStale(at(8.5), 'Weekly', NOW), true);
  });

  it('counts only successful backups: a recent failure after an old success is stale', () => {
    const failed = item({
      lastBackupStatus: 'Failed',
      lastBackupTime: new Date(NOW - 3600e3),
      lastRecoveryPoint: new Date(NOW - 5 * DAY),
    });
    assert.strictEqual(lastSuccessTime(failed), NOW - 5 * DAY);
    assert.strictEqual(isStale(failed, 'Daily', NOW), true);
    assert.strictEqual(isFailing(failed), true);
  });

  it('does not call an initial backup pending stale, but a protected item that never succeeded is', () => {
    const pending = item({
      protectionState: 'IRPending',
      lastBackupStatus: '',
      lastBackupTime: undefined,
      lastRecoveryPoint: undefined,
    });
    assert.strictEqual(isStale(pending, 'Daily', NOW), false);
    assert.strictEqual(isStale({ ...pending, protectionState: 'Protected' }, 'Daily', NOW), true);
  });

  it('reads health ActionRequired as failing, ActionSuggested not', () => {
    assert.strictEqual(isFailing(item({ healthStatus: 'ActionRequired' })), true);
    assert.strictEqual(isFailing(item({ healthStatus: 'ActionSuggested' })), false);
  });

  it('flattens a VM into a row with its vault, policy and the schedule of its policy', () => {
    const weeklyOld = item({
      lastBackupTime: new Date(NOW - 5 * DAY),
      lastRecoveryPoint: new Date(NOW - 5 * DAY),
      policyName: 'Weekly',
    });
    const row = toCoverageRow(
      vm('vm1', weeklyOld),
      'Sub A',
      (_vault, policy) => (policy === 'Weekly' ? 'Weekly' : 'Daily'),
      NOW,
    );
    assert.strictEqual(row.protection, 'Protected');
    assert.strictEqual(row.location, 'westeurope');
    assert.strictEqual(row.vaultName, 'v1');
    assert.strictEqual(row.stale, false, 'weekly: 5 days is fine');
    const bare = toCoverageRow(vm('vm2'), 'Sub A', () => undefined, NOW);
    assert.deepStrictEqual(
      [bare.protection, bare.failing, bare.stale, bare.vaultName],
      ['NotProtected', false, false, undefined],
    );
  });

  it('says why only an Enhanced policy protects a VM, when the VM came with its disks and security type', () => {
    const ultra = { ...vm('u'), disks: { dataDisks: [{ lun: 0, name: 'd', storageType: 'UltraSSD_LRS' }] } };
    assert.strictEqual(toCoverageRow(ultra, 'Sub A', () => undefined, NOW).enhancedReason, 'UltraDisk');
    const tl = { ...vm('t'), securityType: 'TrustedLaunch' };
    assert.strictEqual(toCoverageRow(tl, 'Sub A', () => undefined, NOW).enhancedReason, 'TrustedLaunch');
    assert.strictEqual('enhancedReason' in toCoverageRow(vm('p'), 'Sub A', () => undefined, NOW), false);
  });
});
