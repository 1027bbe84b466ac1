// Sign-in through the Azure CLI's login (`az login`), for code-server and remote hosts where VS Code's
// account is not available. @azure/identity is loaded only when this provider is first used.
import type { TokenCredential } from '@azure/core-auth';
import { azurePublicEnvironment } from '../azure/environments';
import type { AzureEnvironment } from '../azure/model';
import type { AzureSession } from '../azure/session';
import type { SignInProvider, SubscriptionContext, TenantState } from './provider';
import { ChangeEvent } from './provider';
import { listSessionSubscriptions, listSessionTenants } from './subscriptionListing';

export interface AzureCliProviderOptions {
  /** Defaults to Azure public; pass a sovereign cloud's environment when `az cloud set` points elsewhere. */
  environment?: AzureEnvironment;
}

async function cliCredential(tenantId?: string): Promise<TokenCredential> {
  const { AzureCliCredential } = await import('@azure/identity');
  return new AzureCliCredential(tenantId ? { tenantId } : {});
}

export function createAzureCliProvider(options: AzureCliProviderOptions = {}): SignInProvider {
  const environment = options.environment ?? azurePublicEnvironment();
  const changed = new ChangeEvent();
  let lastSignedIn: boolean | undefined;

  const session = async (tenantId?: string): Promise<AzureSession> => ({
    environment,
    credential: await cliCredential(tenantId),
    tenantId,
  });

  const canGetToken = async (tenantId?: string): Promise<{ ok: boolean; error?: string }> => {
    try {
      await (await cliCredential(tenantId)).getToken(environment.tokenScope);
      return { ok: true };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  };

  const isSignedIn = async (): Promise<boolean> => {
    const signedIn = (await canGetToken()).ok;
    if (lastSignedIn !== undefined && lastSignedIn !== signedIn) {
      changed.fire();
    }
    lastSignedIn = signedIn;
    return signedIn;
  };

  const listTenants = async (): Promise<TenantState[]> => {
    const tenants = await listSessionTenants(await session());
    return Promise.all(
      tenants.map(async (t): Promise<TenantState> => {
        const check = await canGetToken(t.id);
        // The CLI needs `az login --tenant` for tenants with their own MFA/conditional-access policy.
        return check.ok
          ? { tenantId: t.id, displayName: t.displayName, status: 'ok' }
          : { tenantId: t.id, displayName: t.displayName, status: 'needsSignIn', error: check.error };
      }),
    );
  };

  return {
    kind: 'azureCli',
    onDidChange: (listener) => changed.on(listener),
    isSignedIn,
    signIn: async (tenantId) => {
      if (!(await isSignedIn())) {
        throw new Error('Not signed in to the Azure CLI. Run "az login" in a terminal, then try again.');
      }
      if (tenantId && !(await canGetToken(tenantId)).ok) {
        throw new Error(
          `The Azure CLI has no token for tenant ${tenantId}. Run "az login --tenant ${tenantId}" in a terminal, then try again.`,
        );
      }
    },
    listTenants,
    listSubscriptions: async (): Promise<SubscriptionContext[]> => {
      const tenants = (await listTenants()).filter((t) => t.status === 'ok');
      const perTenant = await Promise.all(
        tenants.map(async (t) => {
          const s = await session(t.tenantId);
          try {
            return (await listSessionSubscriptions(s)).map((subscription) => ({ subscription, session: s }));
          } catch {
            return []; // listTenants reports the tenant; its subscriptions are simply unavailable
          }
        }),
      );
      // A subscription visible from several tenants (Lighthouse) is kept once, under its own tenant.
      const seen = new Map<string, SubscriptionContext>();
      for (const ctx of perTenant.flat()) {
        const key = ctx.subscription.subscriptionId;
        if (!seen.has(key) || ctx.subscription.tenantId === ctx.session.tenantId) {
          seen.set(key, ctx);
        }
      }
      return [...seen.values()];
    },
  };
}
