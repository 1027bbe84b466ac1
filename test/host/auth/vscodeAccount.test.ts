// Sign-in with VS Code's Microsoft account, for real inside the extension host: VS Code's authentication API and
// its per-extension account access (granted before start by the harness, test/harness/accountAccess.ts, since
// the consent dialog cannot be shown in extension-test mode), the Azure account library's cloud settings and
// sessions, and our provider listing tenants and subscriptions over HTTPS. The identity service is a test
// authentication provider; the cloud is a custom one (microsoft-sovereign-cloud.customEnvironment) whose
// Resource Manager is the sandbox, its CA given to this provider's clients only.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { createVSCodeAccountProvider } from '../../../src/auth/vscodeAccount';
import { createBackupService } from '../../../src/azure';
import { AzureError } from '../../../src/azure/errors';
import { labelOf, nodeAt, SUB, useApi, VAULTS } from '../ui/helpers';
import { SOVEREIGN_PROVIDER_ID } from './testAccount';
import { TestAccountProvider } from './testAccountProvider';
import { editUserSettings } from './userSettings';

const CLOUD = 'ContosoTestCloud';

describe('Sign-in with a VS Code account (custom cloud backed by the sandbox)', function () {
  this.timeout(60_000);
  const host = useApi();
  let identity: TestAccountProvider;
  let registration: vscode.Disposable;
  let provider: ReturnType<typeof createVSCodeAccountProvider>;
  let changes = 0;
  /** Runs `action` and waits for the provider's onDidChange: VS Code delivers session events asynchronously. */
  const changeAfter = async (action: () => unknown): Promise<void> => {
    const before = changes;
    await action();
    const deadline = Date.now() + 5000;
    while (changes === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.ok(changes > before, 'onDidChange fired');
  };

  before(async () => {
    identity = new TestAccountProvider();
    registration = vscode.authentication.registerAuthenticationProvider(
      SOVEREIGN_PROVIDER_ID,
      'Contoso test account',
      identity,
    );
    await editUserSettings({
      'microsoft-sovereign-cloud.environment': 'custom',
      'microsoft-sovereign-cloud.customEnvironment': {
        name: CLOUD,
        portalUrl: 'https://portal.contoso.test',
        managementEndpointUrl: `${host.sandbox.endpoint}/`,
        resourceManagerEndpointUrl: `${host.sandbox.endpoint}/`,
        activeDirectoryEndpointUrl: 'https://login.contoso.test/',
        activeDirectoryResourceId: `${host.sandbox.endpoint}/`,
      },
    });
    provider = createVSCodeAccountProvider({ caCertificate: host.sandbox.ca });
    provider.onDidChange(() => changes++);
  });

  after(async () => {
    provider?.dispose();
    registration?.dispose();
    identity?.dispose();
    // Back to Azure public (null: no cloud chosen), as the other suites never use this provider.
    await editUserSettings({
      'microsoft-sovereign-cloud.environment': null,
      'microsoft-sovereign-cloud.customEnvironment': null,
    });
    await host.api.session.openSandbox();
  });

  it('signed out: not signed in, no tenants, no subscriptions', async () => {
    assert.strictEqual(await provider.isSignedIn(), false);
    assert.deepStrictEqual(await provider.listTenants(), []);
    assert.deepStrictEqual(await provider.listSubscriptions(), []);
  });

  it('signed in from the Accounts menu: sign-in finds the session and lists the tenant and subscriptions in the configured cloud', async () => {
    const tenant = { tenantId: host.sandbox.tenantId, displayName: 'Sandbox', status: 'ok' };
    await changeAfter(() => identity.signInFromAccountsMenu());
    assert.deepStrictEqual(
      await provider.listTenants(),
      [tenant],
      'shown at once, not the signed-out listing remembered',
    );
    await provider.signIn();
    assert.strictEqual(await provider.isSignedIn(), true);
    assert.deepStrictEqual(await provider.listTenants(), [tenant]);
    const contexts = await provider.listSubscriptions();
    assert.deepStrictEqual(
      contexts.map((c) => c.subscription.subscriptionId).sort(),
      [...host.sandbox.subscriptionIds()].sort(),
    );
    const env = contexts[0].session.environment;
    assert.strictEqual(env.name, CLOUD);
    assert.strictEqual(env.resourceManagerEndpoint, host.sandbox.endpoint);
    assert.strictEqual(env.portalUrl, 'https://portal.contoso.test');
    assert.strictEqual(env.isSandbox, false);
    // Tokens were asked of VS Code for the custom cloud's scope, per tenant.
    assert.ok(
      identity.scopesAsked.some(
        (s) => s.includes(`${host.sandbox.endpoint}/.default`) && s.includes(`VSCODE_TENANT:${host.sandbox.tenantId}`),
      ),
      JSON.stringify(identity.scopesAsked.slice(-5)),
    );
  });

  it('the extension uses it: the tree shows the subscriptions and their vaults through the account', async () => {
    assert.strictEqual(await host.api.session.signIn(provider), true);
    assert.strictEqual(host.api.session.mode, 'vscode');
    const vaults = (await host.api.tree.getChildren(await nodeAt(host.api, SUB, VAULTS))).map(labelOf);
    assert.ok(
      vaults.some((l) => l.includes('contoso-vault')),
      vaults.join(', '),
    );
  });

  it('one refresh of the tree walks the tenants once, though it lists tenants and subscriptions side by side', async () => {
    const tenantListings = (): number =>
      host.sandbox.requestLog.entries().filter((e) => e.method === 'GET' && e.path === '/tenants').length;
    for (let refresh = 1; refresh <= 2; refresh++) {
      const before = tenantListings();
      host.api.session.reset(); // the view's Refresh
      assert.ok((await host.api.tree.getChildren()).some((n) => labelOf(n) === SUB));
      assert.strictEqual(tenantListings() - before, 1, `refresh ${refresh}: one GET /tenants`);
    }
  });

  it('honours the shared filter azureResourceGroups.selectedSubscriptions ("tenant/subscription")', async () => {
    const [subscription] = host.sandbox.subscriptionIds();
    const before = changes;
    await editUserSettings({
      'azureResourceGroups.selectedSubscriptions': [`${host.sandbox.tenantId}/00000000-0000-0000-0000-000000000000`],
    });
    assert.ok(changes > before, 'a filter change is a change of what the provider offers');
    assert.deepStrictEqual(await provider.listSubscriptions(), []);
    await editUserSettings({
      'azureResourceGroups.selectedSubscriptions': [`${host.sandbox.tenantId.toUpperCase()}/${subscription}`],
    });
    assert.deepStrictEqual(
      (await provider.listSubscriptions()).map((c) => c.subscription.subscriptionId),
      [subscription],
    );
    await editUserSettings({ 'azureResourceGroups.selectedSubscriptions': [] });
    assert.deepStrictEqual(
      (await provider.listSubscriptions()).map((c) => c.subscription.subscriptionId).sort(),
      [...host.sandbox.subscriptionIds()].sort(),
    );
  });

  it('a tenant that needs its own sign-in is reported, shown in the tree, and signing in to it from there restores it', async () => {
    await changeAfter(() => identity.requireSignInTo(host.sandbox.tenantId));
    assert.deepStrictEqual(await provider.listTenants(), [
      { tenantId: host.sandbox.tenantId, displayName: 'Sandbox', status: 'needsSignIn' },
    ]);
    host.api.session.reset();
    const root = await host.api.tree.getChildren();
    const action = root.find(
      (n) => labelOf(n).includes('Sandbox') && n.getTreeItem().command?.command === 'azureBackup.signIn',
    );
    assert.ok(action, root.map(labelOf).join(', '));
    const command = action.getTreeItem().command;
    assert.deepStrictEqual(command?.arguments, [host.sandbox.tenantId]);
    identity.tenantsNeedingSignIn.delete(host.sandbox.tenantId); // the user completes the tenant's MFA in the sign-in window
    await host.api.run('azureBackup.signIn', ...(command?.arguments ?? []));
    assert.ok(
      identity.scopesAsked.at(-1)?.includes(`VSCODE_TENANT:${host.sandbox.tenantId}`),
      'the sign-in asked for that tenant',
    );
    assert.strictEqual((await provider.listTenants())[0].status, 'ok');
    assert.ok((await host.api.tree.getChildren()).some((n) => labelOf(n) === SUB));
  });

  it('an account whose tenant listing Azure refuses is reported with the ARM code and request id, not dropped; refresh recovers', async () => {
    host.sandbox.setFaults({ pathPattern: '^/tenants$', methods: ['GET'], kinds: ['forbidden'], rate: 1 });
    try {
      host.api.session.reset(); // the user's refresh
      const [state] = await provider.listTenants();
      assert.strictEqual(state.status, 'error');
      assert.match(state.error ?? '', /^AuthorizationFailed: .*Request id: \S+/);
      const root = (await host.api.tree.getChildren()).map(labelOf);
      assert.ok(
        root.some((l) => l.includes(identity.account.label) && l.includes('AuthorizationFailed')),
        root.join(' | '),
      );
    } finally {
      host.sandbox.setFaults(undefined);
    }
    host.api.session.reset(); // the user's refresh once Azure answers again
    assert.ok((await host.api.tree.getChildren()).some((n) => labelOf(n) === SUB));
  });

  it('the token VS Code hands out is the one Azure sees: an expired one gets ExpiredAuthenticationToken with a request id', async () => {
    // The contexts the extension listed after sign-in: their credential asks VS Code on every new token.
    const { session } = (await host.api.session.allSubscriptions())[0];
    identity.tokenPrefix = 'expired-vscode-token';
    try {
      const error = await createBackupService(session)
        .listVaults(host.sandbox.subscriptionIds()[0])
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      assert.ok(error instanceof AzureError, String(error));
      assert.strictEqual(error.code, 'ExpiredAuthenticationToken');
      assert.strictEqual(error.status, 401);
      assert.ok(error.requestId, 'request id kept');
    } finally {
      identity.tokenPrefix = 'vscode-account-token';
    }
  });

  it('signing out in the Accounts menu is a change, after which the provider is signed out', async () => {
    await changeAfter(() => identity.removeSession());
    assert.strictEqual(await provider.isSignedIn(), false);
    assert.deepStrictEqual(await provider.listTenants(), [], 'no tenant remembered from before');
    assert.deepStrictEqual(await provider.listSubscriptions(), []);
  });
});
