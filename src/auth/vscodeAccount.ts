// Sign-in with VS Code's Microsoft account through @microsoft/vscode-azext-azureauth 5.1.x (the Azure
// extensions' own library): its provider id and cloud settings (microsoft-sovereign-cloud.*), its sessions per
// account and tenant, and the shared filter `azureResourceGroups.selectedSubscriptions`. Tenants and
// subscriptions are listed through the Azure layer's own clients, so those calls get the same pipeline as every
// other (retries, the ARM error envelope, the call log, and a custom cloud's CA trusted by these clients only).
// The only file of src/auth that may touch `vscode`; the library is imported lazily to keep activation cheap.
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import type { VSCodeAzureSubscriptionProvider } from '@microsoft/vscode-azext-azureauth';
import * as vscode from 'vscode';
import { environmentFor } from '../azure/environments';
import { AzureError } from '../azure/errors';
import type { AzureEnvironment } from '../azure/model';
import type { AzureSession } from '../azure/session';
import type { SignInProvider, SubscriptionContext, TenantState } from './provider';
import { ChangeEvent } from './provider';
import { listSessionSubscriptions, listSessionTenants } from './subscriptionListing';
import { idKey } from '../azure/ids';

type AuthLibrary = typeof import('@microsoft/vscode-azext-azureauth');
type Account = vscode.AuthenticationSessionAccountInformation;

export interface VSCodeAccountOptions {
  logger?: vscode.LogOutputChannel;
  /**
   * PEM of a CA trusted by this provider's clients only, for a custom cloud signed by a private CA
   * (Azure Stack Hub; the sandbox in tests). Never installed process-wide.
   */
  caCertificate?: string;
}

/** A tenant of one account, with whether VS Code holds a session for it. */
interface AccountTenant extends TenantState {
  account: Account;
}

const SESSION_SETTINGS = ['microsoft-sovereign-cloud', 'azureResourceGroups.selectedSubscriptions'];

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** What the tree shows for a tenant Azure refused: the ARM code and message, and the request id for support. */
function describeFailure(e: unknown): string {
  const error = AzureError.from(e);
  const text = `${error.code}: ${error.message}`;
  return error.requestId ? `${text} ${vscode.l10n.t('Request id: {0}', error.requestId)}` : text;
}

/** `azureResourceGroups.selectedSubscriptions` holds "tenantId/subscriptionId" entries; empty means all. */
function sharedFilter(): { tenants: Set<string>; subscriptions: Set<string> } {
  const entries = vscode.workspace.getConfiguration('azureResourceGroups').get<string[]>('selectedSubscriptions', []);
  const pairs = entries.map((e) => e.toLowerCase().split('/'));
  return { tenants: new Set(pairs.map((p) => p[0])), subscriptions: new Set(pairs.map((p) => p[1]).filter(Boolean)) };
}

export function createVSCodeAccountProvider(options: VSCodeAccountOptions = {}): SignInProvider & { dispose(): void } {
  const { logger, caCertificate } = options;
  const changed = new ChangeEvent();
  // One walk of the accounts and their tenants serves listTenants and listSubscriptions, which a refresh of the
  // tree runs side by side. It is dropped on every change (sessions, cloud, filter) and on the user's refresh.
  let walk: Promise<AccountTenant[]> | undefined;
  const forget = (): void => {
    walk = undefined;
  };
  const fireChange = (): void => {
    forget();
    changed.fire();
  };
  let loaded: Promise<{ lib: AuthLibrary; provider: VSCodeAzureSubscriptionProvider }> | undefined;
  const load = () =>
    (loaded ??= import('@microsoft/vscode-azext-azureauth').then((lib) => ({
      lib,
      provider: new lib.VSCodeAzureSubscriptionProvider(logger),
    })));

  // Sessions come and go in the Accounts menu; the cloud and the shared filter live in settings.
  const listeners = [
    vscode.authentication.onDidChangeSessions(async (e) => {
      const { lib } = await load();
      if (e.provider.id === lib.getConfiguredAuthProviderId()) fireChange();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (SESSION_SETTINGS.some((s) => e.affectsConfiguration(s))) fireChange();
    }),
  ];

  const environment = (lib: AuthLibrary): AzureEnvironment => {
    const env = lib.getConfiguredAzureEnv();
    const base = environmentFor(env.name, env.resourceManagerEndpointUrl, env.portalUrl ?? '');
    return caCertificate ? { ...base, caCertificate } : base;
  };

  /** Asks VS Code, silently, for a session with the exact scope requested, so sovereign-cloud scopes are honoured. */
  const credential = (lib: AuthLibrary, account: Account, tenantId?: string): TokenCredential => ({
    async getToken(scopes): Promise<AccessToken> {
      const session = await lib.getSessionFromVSCode(Array.isArray(scopes) ? [...scopes] : [scopes], tenantId, {
        silent: true,
        account,
      });
      if (!session) {
        throw new AzureError({
          code: 'NotSignedIn',
          status: 401,
          retryable: false,
          message: vscode.l10n.t(
            'VS Code has no session for {0} in tenant {1}. Sign in again from the Accounts menu.',
            account.label,
            tenantId ?? '-',
          ),
        });
      }
      // VS Code refreshes sessions itself; a short expiry makes the pipeline come back for a fresh one.
      return { token: session.accessToken, expiresOnTimestamp: Date.now() + 5 * 60 * 1000 };
    },
  });

  const sessionFor = (lib: AuthLibrary, account: Account, tenantId?: string): AzureSession => ({
    environment: environment(lib),
    credential: credential(lib, account, tenantId),
    tenantId,
  });

  const walkTenants = async (): Promise<AccountTenant[]> => {
    const { lib, provider } = await load();
    const states: AccountTenant[] = [];
    for (const account of await vscode.authentication.getAccounts(lib.getConfiguredAuthProviderId())) {
      if (!(await provider.isSignedIn(undefined, account))) continue;
      try {
        for (const tenant of await listSessionTenants(sessionFor(lib, account))) {
          // A tenant with its own MFA or conditional-access policy has no silent session until signed in to.
          const ok = await provider.isSignedIn(tenant.id, account).catch(() => false);
          states.push({
            account,
            tenantId: tenant.id,
            displayName: tenant.displayName,
            status: ok ? 'ok' : 'needsSignIn',
          });
        }
      } catch (e) {
        states.push({
          account,
          tenantId: account.label,
          displayName: account.label,
          status: 'error',
          error: describeFailure(e),
        });
      }
    }
    return states;
  };

  const accountTenants = (): Promise<AccountTenant[]> => {
    if (!walk) {
      const started = walkTenants();
      // A walk that failed as a whole (the library, VS Code's accounts) is not kept: the next listing tries again.
      started.catch(() => {
        if (walk === started) forget();
      });
      walk = started;
    }
    return walk;
  };

  return {
    kind: 'vscode',
    onDidChange: (listener) => changed.on(listener),
    isSignedIn: async () => (await load()).provider.isSignedIn(),
    signIn: async (tenantId) => {
      await (await load()).provider.signIn(tenantId);
      fireChange();
    },
    forget,
    listTenants: async () => (await accountTenants()).map(({ account: _account, ...state }) => state),
    listSubscriptions: async () => {
      const { lib } = await load();
      const filter = sharedFilter();
      const tenants = (await accountTenants()).filter(
        (t) => t.status === 'ok' && (filter.tenants.size === 0 || filter.tenants.has(idKey(t.tenantId))),
      );
      const seen = new Map<string, SubscriptionContext>();
      for (const tenant of tenants) {
        const session = sessionFor(lib, tenant.account, tenant.tenantId);
        try {
          for (const subscription of await listSessionSubscriptions(session)) {
            if (filter.subscriptions.size > 0 && !filter.subscriptions.has(idKey(subscription.subscriptionId)))
              continue;
            // The same subscription through two accounts is kept per account, as the library does.
            seen.set(`${tenant.account.id}/${subscription.subscriptionId}`, { subscription, session });
          }
        } catch (e) {
          // One broken tenant must not hide the others; listTenants shows it to the user.
          logger?.warn(`Tenant ${tenant.tenantId}: ${message(e)}`);
        }
      }
      return [...seen.values()].sort((a, b) => a.subscription.displayName.localeCompare(b.subscription.displayName));
    },
    dispose: () => {
      for (const l of listeners.splice(0)) l.dispose();
      void loaded?.then(({ provider }) => provider.dispose());
    },
  };
}
