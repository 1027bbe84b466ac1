import * as assert from 'node:assert/strict';
import { parseSubmit, parseWebviewMessage } from '../../../src/webview/validate';
import { contentSecurityPolicy, formHtml } from '../../../src/webview/formHtml';

describe('webview message validation', () => {
  it('accepts a well-formed backup-now submit and refuses extra or wrong fields', () => {
    assert.deepEqual(
      parseWebviewMessage('backupNow', { type: 'submit', requestId: 1, payload: { retainUntil: '2026-12-26' } }),
      { type: 'submit', requestId: 1, payload: { retainUntil: '2026-12-26' } },
    );
    assert.equal(
      parseWebviewMessage('backupNow', {
        type: 'submit',
        requestId: 1,
        payload: { retainUntil: '2026-12-26', evil: 1 },
      }),
      undefined,
    );
    assert.equal(
      parseWebviewMessage('backupNow', { type: 'submit', requestId: '1', payload: { retainUntil: '2026-12-26' } }),
      undefined,
    );
    assert.equal(
      parseWebviewMessage('backupNow', { type: 'submit', requestId: 1, payload: { retainUntil: 20261226 } }),
      undefined,
    );
  });

  it('takes a Close from any form and "edit that policy instead" only from the policy form, with a name', () => {
    assert.deepEqual(parseWebviewMessage('backupNow', { type: 'close' }), { type: 'close' });
    assert.equal(parseWebviewMessage('backupNow', { type: 'close', extra: 1 }), undefined);
    assert.deepEqual(parseWebviewMessage('policy', { type: 'editPolicy', name: 'DefaultPolicy' }), {
      type: 'editPolicy',
      name: 'DefaultPolicy',
    });
    assert.equal(parseWebviewMessage('storage', { type: 'editPolicy', name: 'DefaultPolicy' }), undefined);
    assert.equal(parseWebviewMessage('policy', { type: 'editPolicy', name: '' }), undefined);
    assert.equal(parseWebviewMessage('policy', { type: 'editPolicy', name: 'p'.repeat(151) }), undefined);
  });

  it('parses each payload by the form it came from', () => {
    assert.equal(parseSubmit('storage', { retainUntil: '2026-12-26' }), undefined);
    assert.deepEqual(parseSubmit('storage', { redundancy: 'LocallyRedundant', crossRegionRestore: false }), {
      redundancy: 'LocallyRedundant',
      crossRegionRestore: false,
    });
    assert.equal(parseSubmit('storage', { redundancy: 'Tape', crossRegionRestore: false }), undefined);
  });

  it('limits lengths and list sizes', () => {
    assert.equal(
      parseSubmit('createVault', {
        subscriptionId: 's',
        name: 'x'.repeat(257),
        resourceGroup: 'rg',
        newResourceGroup: false,
        location: 'westeurope',
      }),
      undefined,
    );
    assert.equal(parseSubmit('enableBackupVault', { policyName: 'DefaultPolicy', vmIds: [] }), undefined);
    assert.equal(
      parseSubmit('enableBackupVault', { policyName: 'DefaultPolicy', vmIds: Array(1001).fill('id') }),
      undefined,
    );
    assert.deepEqual(parseSubmit('enableBackupVault', { policyName: 'DefaultPolicy', vmIds: ['a', 'b'] }), {
      policyName: 'DefaultPolicy',
      vmIds: ['a', 'b'],
    });
  });

  it('checks policy inputs field by field', () => {
    const good = {
      name: 'Nightly',
      timeZone: 'UTC',
      instantRestoreDays: 2,
      schedule: { frequency: 'Daily', time: '22:30' },
      retention: { dailyDays: 30 },
    };
    assert.deepEqual(parseSubmit('policy', good), good);
    assert.equal(parseSubmit('policy', { ...good, schedule: { frequency: 'Hourly', time: '22:30' } }), undefined);
    assert.equal(parseSubmit('policy', { ...good, retention: { dailyDays: 1.5 } }), undefined);
    assert.equal(
      parseSubmit('policy', { ...good, schedule: { frequency: 'Weekly', time: '22:30', days: ['Funday'] } }),
      undefined,
    );
  });

  it('takes an Enhanced policy with an hourly schedule, and only the types and fields it has', () => {
    const hourly = {
      name: 'Hourly',
      policyType: 'V2',
      timeZone: 'UTC',
      instantRestoreDays: 30,
      schedule: { frequency: 'Hourly', intervalHours: 4, windowStart: '08:00', windowHours: 12 },
      retention: { dailyDays: 30 },
    };
    assert.deepEqual(parseSubmit('policy', hourly), hourly);
    assert.equal(parseSubmit('policy', { ...hourly, policyType: 'V3' }), undefined);
    assert.equal(parseSubmit('policy', { ...hourly, schedule: { ...hourly.schedule, intervalHours: '4' } }), undefined);
    assert.equal(parseSubmit('policy', { ...hourly, schedule: { ...hourly.schedule, time: '08:00' } }), undefined);
    assert.equal(
      parseSubmit('policy', { ...hourly, schedule: { ...hourly.schedule, windowHours: undefined } }),
      undefined,
    );
  });

  it('lets what a user can type through, so that the rules of the form answer it next to its field', () => {
    const vault = {
      subscriptionId: 's',
      name: 'x'.repeat(51),
      resourceGroup: '',
      newResourceGroup: false,
      location: 'westeurope',
    };
    assert.deepEqual(parseSubmit('createVault', vault), vault);
    assert.deepEqual(parseSubmit('enableBackupVm', { vaultId: '', newVaultName: '', policyName: 'DefaultPolicy' }), {
      vaultId: '',
      newVaultName: '',
      policyName: 'DefaultPolicy',
    });
    assert.deepEqual(parseSubmit('backupNow', { retainUntil: 'next week' }), { retainUntil: 'next week' });
    const policy = {
      name: 'x'.repeat(151),
      timeZone: 'UTC',
      instantRestoreDays: 0,
      schedule: { frequency: 'Daily', time: '2:30' },
      retention: { dailyDays: 10000, weeklyWeeks: 5164, weeklyDays: ['Sunday'], monthlyMonths: -1, yearlyYears: 100 },
    };
    assert.deepEqual(parseSubmit('policy', policy), policy);
    assert.equal(parseSubmit('policy', { ...policy, instantRestoreDays: 2 ** 60 }), undefined, 'not a safe integer');
  });

  it('refuses unknown message types and non-objects', () => {
    assert.equal(parseWebviewMessage('policy', 'ready'), undefined);
    assert.equal(parseWebviewMessage('policy', { type: 'exec', command: 'rm' }), undefined);
    assert.deepEqual(parseWebviewMessage('policy', { type: 'ready' }), { type: 'ready' });
    assert.equal(
      parseWebviewMessage('createVault', {
        type: 'query',
        requestId: 2,
        query: 'checkVaultName',
        subscriptionId: 's',
        resourceGroup: 'rg',
        location: 'l',
      }),
      undefined,
    );
  });

  it('builds a strict CSP with the nonce and escapes the title', () => {
    const csp = contentSecurityPolicy('https://x.vscode-cdn.net', 'abc');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc'/);
    assert.doesNotMatch(csp, /unsafe/);
    const html = formHtml({
      cspSource: 'c',
      nonce: 'n',
      scriptUri: 's.js',
      styleUri: 's.css',
      title: '<script>x</script>',
      language: 'en',
    });
    assert.ok(html.includes('&lt;script&gt;x&lt;/script&gt;'));
    assert.ok(!html.includes('<script>x'));
  });
});
