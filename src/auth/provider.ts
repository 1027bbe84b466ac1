// The sign-in contract: accounts → tenants → subscriptions, each subscription with the session to use.
import type { Subscription } from '../azure/model';
import type { AzureSession } from '../azure/session';

export interface TenantState {
  tenantId: string;
  displayName?: string;
  /** 'needsSignIn' and 'error' tenants are shown as such, never dropped. */
  status: 'ok' | 'needsSignIn' | 'error';
  error?: string;
}

export interface SubscriptionContext {
  subscription: Subscription;
  session: AzureSession;
}

export interface SignInProvider {
  readonly kind: 'vscode' | 'azureCli' | 'sandbox';
  onDidChange(listener: () => void): { dispose(): void };
  isSignedIn(): Promise<boolean>;
  /** Asks the user to sign in; with a tenant, to that tenant (its own MFA or conditional-access policy). */
  signIn(tenantId?: string): Promise<void>;
  listTenants(): Promise<TenantState[]>;
  listSubscriptions(): Promise<SubscriptionContext[]>;
  /** The user's refresh: forget what is remembered of the accounts, so the next listing asks again. */
  forget?(): void;
}

/** A tiny event: listeners added and removed, fired in order; one failing listener does not stop the rest. */
export class ChangeEvent {
  private readonly listeners = new Set<() => void>();

  on(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  fire(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch {
        // a listener's bug is its own
      }
    }
  }
}
