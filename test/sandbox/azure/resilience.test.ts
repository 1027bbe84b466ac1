// Faults on the wire: bounded retries that honour Retry-After, every attempt logged, errors mapped.
import * as assert from 'node:assert/strict';
import { AzureError } from '../../../src/azure';
import { useHarness } from './setup';

describe('Azure layer under injected faults', function () {
  this.timeout(30_000);
  const h = useHarness();
  afterEach(() => {
    h.sandbox.setFaults(undefined);
    h.calls.length = 0;
  });

  it('retries a throttled call (429 + Retry-After) and logs both attempts', async () => {
    h.sandbox.setFaults({ rate: 1, kinds: ['throttle'], count: 1, pathPattern: 'Microsoft.RecoveryServices/vaults$' });
    const page = await h.service.listVaults(h.subscriptionId);
    assert.ok(page.items.length > 0);
    const statuses = h.calls.filter((c) => /\/vaults\?/.test(c.url)).map((c) => c.status);
    assert.deepEqual(statuses, [429, 200]);
  });

  it('retries a dropped connection, then succeeds', async () => {
    h.sandbox.setFaults({ rate: 1, kinds: ['reset'], count: 1, pathPattern: 'resourcegroups$' });
    const groups = await h.service.listResourceGroups(h.subscriptionId);
    assert.ok(groups.length > 0);
    assert.ok(
      h.calls.some((c) => c.error !== undefined && c.status === undefined),
      'the failed attempt is logged with its error',
    );
  });

  it('gives up after the bounded retries with a retryable AzureError carrying the request id', async () => {
    h.sandbox.setFaults({ rate: 1, kinds: ['serverError'], pathPattern: 'resourcegroups$' });
    await assert.rejects(
      h.service.listResourceGroups(h.subscriptionId),
      (e: unknown) =>
        e instanceof AzureError && e.retryable && e.status !== undefined && e.status >= 500 && !!e.requestId,
    );
    assert.equal(h.calls.filter((c) => /resourcegroups\?/i.test(c.url)).length, 4, 'one call + 3 retries');
  });
});
