import * as assert from 'assert';
import { MAX_ENABLE_VMS, parseCoverageMessage } from '../../../src/coverage/validate';

const filter = { status: 'unprotected', subscriptionId: '', location: '', text: 'web' };
const sort = { key: 'name', descending: false };
const group = {
  subscriptionId: 'sub',
  vaultId: '/subscriptions/sub/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v',
  policyName: 'DefaultPolicy',
  vmIds: ['/subscriptions/sub/vm1'],
};

describe('Coverage: message validation', () => {
  it('accepts the messages of the page', () => {
    assert.deepStrictEqual(parseCoverageMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepStrictEqual(parseCoverageMessage({ type: 'refresh' }), { type: 'refresh' });
    assert.deepStrictEqual(parseCoverageMessage({ type: 'export', requestId: 1, format: 'csv', filter, sort }), {
      type: 'export',
      requestId: 1,
      format: 'csv',
      filter,
      sort,
    });
    assert.ok(parseCoverageMessage({ type: 'enable', requestId: 2, groups: [group] }));
    assert.ok(
      parseCoverageMessage({
        type: 'createVault',
        requestId: 3,
        subscriptionId: 'sub',
        location: 'northeurope',
        resourceGroup: 'rg',
        name: 'northeurope-backup-vault',
      }),
    );
  });

  it('refuses unknown types, extra keys, wrong enums and types', () => {
    assert.strictEqual(parseCoverageMessage({ type: 'ready', extra: 1 }), undefined);
    assert.strictEqual(parseCoverageMessage({ type: 'delete', requestId: 1 }), undefined);
    assert.strictEqual(parseCoverageMessage({ type: 'export', requestId: 1, format: 'xlsx', filter, sort }), undefined);
    assert.strictEqual(
      parseCoverageMessage({
        type: 'export',
        requestId: 1,
        format: 'csv',
        filter: { ...filter, status: 'evil' },
        sort,
      }),
      undefined,
    );
    assert.strictEqual(
      parseCoverageMessage({
        type: 'export',
        requestId: 1,
        format: 'csv',
        filter,
        sort: { key: 'secret', descending: false },
      }),
      undefined,
    );
    assert.strictEqual(parseCoverageMessage({ type: 'enable', requestId: '2', groups: [group] }), undefined);
    assert.strictEqual(parseCoverageMessage({ type: 'enable', requestId: 2, groups: [] }), undefined);
    assert.strictEqual(
      parseCoverageMessage({ type: 'enable', requestId: 2, groups: [{ ...group, vmIds: [42] }] }),
      undefined,
    );
    assert.strictEqual(
      parseCoverageMessage({ type: 'enable', requestId: 2, groups: [{ ...group, evil: true }] }),
      undefined,
    );
    assert.strictEqual(
      parseCoverageMessage({
        type: 'createVault',
        requestId: 3,
        subscriptionId: 'sub',
        location: 'x',
        resourceGroup: 'rg',
        name: 51,
      }),
      undefined,
    );
    assert.strictEqual(parseCoverageMessage(null), undefined);
  });

  it('passes what the user can type to the rules: a name out of their range, an empty one, a long search', () => {
    const vault = { type: 'createVault', requestId: 3, subscriptionId: 'sub', location: 'x', resourceGroup: 'rg' };
    for (const name of ['', 'n'.repeat(51), '1-bad_name', 'n'.repeat(1024)])
      assert.ok(parseCoverageMessage({ ...vault, name }), `name of ${name.length}`);
    assert.ok(parseCoverageMessage({ ...vault, name: 'v', resourceGroup: '' }));
    assert.ok(
      parseCoverageMessage({
        type: 'export',
        requestId: 1,
        format: 'csv',
        filter: { ...filter, text: 'x'.repeat(1024) },
        sort,
      }),
    );
  });

  it('limits text and the number of VMs per request', () => {
    assert.strictEqual(
      parseCoverageMessage({
        type: 'export',
        requestId: 1,
        format: 'csv',
        filter: { ...filter, text: 'x'.repeat(1025) },
        sort,
      }),
      undefined,
    );
    assert.strictEqual(
      parseCoverageMessage({
        type: 'createVault',
        requestId: 3,
        subscriptionId: 'sub',
        location: 'x',
        resourceGroup: 'rg',
        name: 'n'.repeat(1025),
      }),
      undefined,
    );
    const many = Array.from({ length: MAX_ENABLE_VMS + 1 }, (_, i) => `/vm/${i}`);
    assert.strictEqual(
      parseCoverageMessage({ type: 'enable', requestId: 2, groups: [{ ...group, vmIds: many }] }),
      undefined,
    );
  });
});
