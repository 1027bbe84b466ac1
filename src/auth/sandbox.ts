// Sign-in for the sandbox: no account, a fixed opaque token the sandbox accepts, its CA trusted by its clients only.
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { sandboxEnvironment } from '../azure/environments';
import type { AzureSession } from '../azure/session';
import type { SignInProvider, SubscriptionContext, TenantState } from './provider';
import { ChangeEvent } from './provider';
import { listSessionSubscriptions } from './subscriptionListing';

export interface SandboxEndpoint {
  endpoint: string;
  /** PEM of the sandbox's CA. */
  ca: string;
  tenantId: string;
}

const SANDBOX_TOKEN = 'sandbox-local-token';

/** A credential that never talks to Entra: the sandbox only checks that a bearer token is present. */
export function sandboxCredential(): TokenCredential {
  return {
    getToken: async (): Promise<AccessToken> => ({
      token: SANDBOX_TOKEN,
      expiresOnTimestamp: Date.now() + 60 * 60 * 1000,
    }),
  };
}

export function sandboxSession(sandbox: SandboxEndpoint): AzureSession {
  return {
    environment: sandboxEnvironment(sandbox.endpoint, sandbox.ca),
    credential: sandboxCredential(),
    tenantId: sandbox.tenantId,
  };
}

export function createSandboxProvider(sandbox: SandboxEndpoint): SignInProvider {
  const session = sandboxSession(sandbox);
  const changed = new ChangeEvent();
  return {
    kind: 'sandbox',
    onDidChange: (listener) => changed.on(listener),
    isSignedIn: async () => true,
    signIn: async () => undefined,
    listTenants: async (): Promise<TenantState[]> => [
      { tenantId: sandbox.tenantId, displayName: 'Sandbox', status: 'ok' },
    ],
    listSubscriptions: async (): Promise<SubscriptionContext[]> =>
      (await listSessionSubscriptions(session)).map((subscription) => ({ subscription, session })),
  };
}
