// The sandbox sign-in provider, and the promise that the sandbox's CA is trusted by our clients only.
import * as assert from 'node:assert/strict';
import * as https from 'node:https';
import { createBackupService } from '../../../src/azure';
import { createSandboxProvider, sandboxSession } from '../../../src/auth';
import { listSessionTenants } from '../../../src/auth/subscriptionListing';
import { startSandbox } from '../../../src/sandbox';
import type { RunningSandbox } from '../../../src/sandbox';

function plainGet(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
}

describe('sandbox sign-in provider', function () {
  this.timeout(20_000);
  let sandbox: RunningSandbox;
  before(async () => {
    sandbox = await startSandbox({ retryAfterSeconds: 0 });
  });
  after(async () => {
    await sandbox.stop();
  });

  it('is signed in, with one tenant and the sandbox subscriptions, each with a working session', async () => {
    const provider = createSandboxProvider({ endpoint: sandbox.endpoint, ca: sandbox.ca, tenantId: sandbox.tenantId });
    assert.equal(provider.kind, 'sandbox');
    assert.equal(await provider.isSignedIn(), true);
    await provider.signIn();
    assert.deepEqual(await provider.listTenants(), [
      { tenantId: sandbox.tenantId, displayName: 'Sandbox', status: 'ok' },
    ]);
    const subs = await provider.listSubscriptions();
    assert.deepEqual(
      subs.map((s) => s.subscription.subscriptionId),
      sandbox.subscriptionIds(),
    );
    const session = subs[0].session;
    assert.equal(session.environment.isSandbox, true);
    assert.equal(session.environment.resourceManagerEndpoint, sandbox.endpoint);
    const vaults = await createBackupService(session).listVaults(subs[0].subscription.subscriptionId);
    assert.ok(vaults.items.length > 0);
    const listener = provider.onDidChange(() => undefined);
    listener.dispose();
  });

  it('lists its home tenant through the SDK, as sign-in with a VS Code account does first', async () => {
    const tenants = await listSessionTenants(
      sandboxSession({ endpoint: sandbox.endpoint, ca: sandbox.ca, tenantId: sandbox.tenantId }),
    );
    assert.deepEqual(tenants, [{ id: sandbox.tenantId, displayName: 'Sandbox' }]);
  });

  it('does not trust the sandbox CA process-wide', async () => {
    assert.notEqual(process.env.NODE_EXTRA_CA_CERTS, sandbox.caFile);
    assert.notEqual(process.env.NODE_TLS_REJECT_UNAUTHORIZED, '0');
    await assert.rejects(
      plainGet(`${sandbox.endpoint}/subscriptions?api-version=2022-12-01`),
      (e: unknown) => e instanceof Error && /certificate|self.signed/i.test(e.message),
    );
  });
});
