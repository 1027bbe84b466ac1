// Sign-in with VS Code's Microsoft account through @microsoft/vscode-azext-azureauth 5.1.x (the Azure
// extensions' own library): tenants per account, the shared filter `azureResourceGroups.selectedSubscriptions`
// and the sovereign cloud chosen in its settings. The only file of src/auth that may touch `vscode`;
// the library is imported lazily so that activation does not pay for it.
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import type { AzureAuthentication, AzureSubscription, VSCodeAzureSubscriptionProvider } from '@microsoft/vscode-azext-azureauth';
import type * as vscode from 'vscode';
import { environmentFor } from '../azure/environments';
import type { AzureEnvironment } from '../azure/model';
import type { AzureSession } from '../azure/session';
import type { SignInProvider, SubscriptionContext, TenantState } from './provider';
import { ChangeEvent } from './provider';

/** The library's provider plus access to its own filter settings (protected in the library). */
interface FilterAwareProvider extends VSCodeAzureSubscriptionProvider {
  configuredFilters(): Promise<{ tenants: string[]; subscriptions: string[] }>;
}

async function loadProvider(logger?: vscode.LogOutputChannel): Promise<FilterAwareProvider> {
  const lib = await import('@microsoft/vscode-azext-azureauth');
  class Provider extends lib.VSCodeAzureSubscriptionProvider implements FilterAwareProvider {
    async configuredFilters() {
      return { tenants: await this.getTenantFilters(), subscriptions: await this.getSubscriptionFilters() };
    }
  }
  return new Provider(logger);
}

function toEnvironment(sub: AzureSubscription): AzureEnvironment {
  const env = sub.environment;
  return environmentFor(env.name, env.resourceManagerEndpointUrl, env.portalUrl);
}

/**
 * A credential that asks VS Code for a session with the exact scope requested, so tokens stay fresh and
 * sovereign-cloud scopes are honoured. (The library's own credential replays the token it listed with.)
 */
function sessionCredential(auth: AzureAuthentication): TokenCredential {
  return {
    async getToken(scopes): Promise<AccessToken | null> {
      const session = await auth.getSessionWithScopes(Array.isArray(scopes) ? scopes : [scopes]);
      // VS Code refreshes sessions itself; a short expiry makes the pipeline come back for a fresh one.
      return session ? { token: session.accessToken, expiresOnTimestamp: Date.now() + 5 * 60 * 1000 } : null;
    },
  };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function createVSCodeAccountProvider(logger?: vscode.LogOutputChannel): SignInProvider & { dispose(): void } {
  let provider: Promise<FilterAwareProvider> | undefined;
  const changed = new ChangeEvent();
  const disposables: { dispose(): unknown }[] = [];
  const get = (): Promise<FilterAwareProvider> => {
    provider ??= loadProvider(logger).then((p) => {
      disposables.push(p.onDidSignIn(() => changed.fire()), p.onDidSignOut(() => changed.fire()), p);
      return p;
    });
    return provider;
  };

  const toContext = (sub: AzureSubscription): SubscriptionContext => {
    const session: AzureSession = { environment: toEnvironment(sub), credential: sessionCredential(sub.authentication), tenantId: sub.tenantId };
    return {
      subscription: {
        subscriptionId: sub.subscriptionId, tenantId: sub.tenantId, displayName: sub.name, state: 'Enabled',
        id: `/subscriptions/${sub.subscriptionId}`,
      },
      session,
    };
  };

  const listTenants = async (): Promise<TenantState[]> => {
    const p = await get();
    const tenants = await p.getTenants();
    const seen = new Set<string>();
    const states: TenantState[] = [];
    for (const tenant of tenants) {
      const tenantId = tenant.tenantId;
      if (!tenantId || seen.has(`${tenant.account.id}/${tenantId}`)) {
        continue;
      }
      seen.add(`${tenant.account.id}/${tenantId}`);
      try {
        const ok = await p.isSignedIn(tenantId, tenant.account);
        states.push({ tenantId, displayName: tenant.displayName, status: ok ? 'ok' : 'needsSignIn' });
      } catch (e) {
        states.push({ tenantId, displayName: tenant.displayName, status: 'error', error: message(e) });
      }
    }
    return states;
  };

  return {
    kind: 'vscode',
    onDidChange: (listener) => {
      void get();
      return changed.on(listener);
    },
    isSignedIn: async () => (await get()).isSignedIn(),
    signIn: async () => {
      await (await get()).signIn();
      changed.fire();
    },
    listTenants,
    listSubscriptions: async () => {
      const p = await get();
      try {
        // The library applies the shared filter (azureResourceGroups.selectedSubscriptions) itself.
        return (await p.getSubscriptions(true)).map(toContext);
      } catch (e) {
        logger?.warn(`Listing all subscriptions failed (${message(e)}); listing tenant by tenant.`);
      }
      // One broken tenant must not hide the others: list per signed-in tenant, with the library's filters.
      const { tenants: tenantFilter, subscriptions: subscriptionFilter } = await p.configuredFilters();
      const result: SubscriptionContext[] = [];
      for (const tenant of await p.getTenants()) {
        if (!tenant.tenantId || (tenantFilter.length > 0 && !tenantFilter.includes(tenant.tenantId))) {
          continue;
        }
        try {
          if (!(await p.isSignedIn(tenant.tenantId, tenant.account))) {
            continue;
          }
          const subs = await p.getSubscriptions({ account: tenant.account, tenantId: tenant.tenantId });
          result.push(...subs.filter((s) => subscriptionFilter.length === 0 || subscriptionFilter.includes(s.subscriptionId)).map(toContext));
        } catch (e) {
          logger?.warn(`Tenant ${tenant.tenantId}: ${message(e)}`);
        }
      }
      return result;
    },
    dispose: () => {
      for (const d of disposables.splice(0)) {
        d.dispose();
      }
    },
  };
}
