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
const exportMessage = { type: 'export', requestId: 1, format: 'csv', filter, sort };
const vaultMessage = { type: 'createVault', requestId: 3, subscriptionId: 'sub', location: 'x', resourceGroup: 'rg' };

const refused = (message: unknown): void => assert.strictEqual(parseCoverageMessage(message), undefined);

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
        ...vaultMessage,
        location: 'northeurope',
        name: 'northeurope-backup-vault',
      }),
    );
  });

  it('refuses unknown types, extra keys, wrong enums and types', () => {
    refused({ type: 'ready', extra: 1 });
    refused({ type: 'delete', requestId: 1 });
    refused({ ...exportMessage, format: 'xlsx' });
    refused({ ...exportMessage, filter: { ...filter, status: 'evil' } });
    refused({ ...exportMessage, sort: { key: 'secret', descending: false } });
    refused({ type: 'enable', requestId: '2', groups: [group] });
    refused({ type: 'enable', requestId: 2, groups: [] });
    refused({ type: 'enable', requestId: 2, groups: [{ ...group, vmIds: [42] }] });
    refused({ type: 'enable', requestId: 2, groups: [{ ...group, evil: true }] });
    refused({ ...vaultMessage, name: 51 });
    refused(null);
  });

  it('passes what the user can type to the rules: a name out of their range, an empty one, a long search', () => {
    for (const name of ['', 'n'.repeat(51), '1-bad_name', 'n'.repeat(1024)])
      assert.ok(parseCoverageMessage({ ...vaultMessage, name }), `name of ${name.length}`);
    assert.ok(parseCoverageMessage({ ...vaultMessage, name: 'v', resourceGroup: '' }));
    assert.ok(parseCoverageMessage({ ...exportMessage, filter: { ...filter, text: 'x'.repeat(1024) } }));
  });

  it('limits text and the number of VMs per request', () => {
    refused({ ...exportMessage, filter: { ...filter, text: 'x'.repeat(1025) } });
    refused({ ...vaultMessage, name: 'n'.repeat(1025) });
    const many = Array.from({ length: MAX_ENABLE_VMS + 1 }, (_, i) => `/vm/${i}`);
    refused({ type: 'enable', requestId: 2, groups: [{ ...group, vmIds: many }] });
  });
});
