// A call with an empty name in its path is a programming error: the Azure layer refuses it before it is sent,
// so neither ARM nor the sandbox ever sees `resourceGroups//providers/…`.
import * as assert from 'node:assert/strict';
import { useHarness } from './setup';

describe('Azure layer: no request with an empty path segment', function () {
  this.timeout(30_000);
  const h = useHarness();

  it('refuses a vault name check with an empty resource group, without a call', async () => {
    const before = h.calls.length;
    await assert.rejects(
      h.service.checkVaultName(h.subscriptionId, '', 'westeurope', 'new-vault'),
      (e: unknown) =>
        (e as { code?: string }).code === 'EmptyPathSegment' &&
        e instanceof Error &&
        /Refused to send POST .*\/resourceGroups\/\/providers\//.test(e.message) &&
        !/no route/.test(e.message),
    );
    assert.equal(h.calls.length, before, 'nothing reached the wire');
  });

  it('refuses a get with an empty last segment, and still sends well-formed calls', async () => {
    await assert.rejects(
      h.service.getVault({ subscriptionId: h.subscriptionId, resourceGroup: 'contoso-backup-rg', name: '' }),
      (e: unknown) => (e as { code?: string }).code === 'EmptyPathSegment',
    );
    const check = await h.service.checkVaultName(h.subscriptionId, 'contoso-backup-rg', 'westeurope', 'contoso-vault');
    assert.equal(check.available, false);
  });
});
