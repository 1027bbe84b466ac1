// An authentication provider standing in for Microsoft's (which code-server does not ship and which would need a
// real Entra account): one account whose sessions carry tokens the sandbox accepts. It serves the id the Azure
// account library uses for a custom cloud, so the library, VS Code's session and consent machinery and our
// provider all run for real; only the identity service behind them is ours.
import * as vscode from 'vscode';
import { TEST_ACCOUNT } from './testAccount';

const TENANT_SCOPE = 'VSCODE_TENANT:';

export class TestAccountProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.emitter.event;
  readonly account = TEST_ACCOUNT;
  /** Tenants with their own MFA policy: no session for them until the user signs in to them. */
  readonly tenantsNeedingSignIn = new Set<string>();
  /** Every scope list VS Code asked this provider for, in order. */
  readonly scopesAsked: string[][] = [];
  tokenPrefix = 'vscode-account-token';
  private signedIn = false;
  private issued = 0;

  async getSessions(scopes: readonly string[] | undefined): Promise<vscode.AuthenticationSession[]> {
    this.scopesAsked.push([...(scopes ?? [])]);
    const tenant = tenantOf(scopes);
    if (!this.signedIn || (tenant && this.tenantsNeedingSignIn.has(tenant))) return [];
    return [this.session(scopes)];
  }

  async createSession(scopes: readonly string[]): Promise<vscode.AuthenticationSession> {
    const tenant = tenantOf(scopes);
    if (tenant) this.tenantsNeedingSignIn.delete(tenant);
    this.signedIn = true;
    const session = this.session(scopes);
    this.emitter.fire({ added: [session], removed: [], changed: [] });
    return session;
  }

  /** What signing in from the Accounts menu does (VS Code's own flow; extensions then find the session silently). */
  signInFromAccountsMenu(): void {
    this.signedIn = true;
    this.emitter.fire({ added: [this.session([])], removed: [], changed: [] });
  }

  /** A tenant's own MFA policy starts to apply: its session is gone, and the provider says so (as Microsoft's does). */
  requireSignInTo(tenantId: string): void {
    this.tenantsNeedingSignIn.add(tenantId);
    this.emitter.fire({ added: [], removed: [this.session([`${TENANT_SCOPE}${tenantId}`])], changed: [] });
  }

  /** What "Sign out" in the Accounts menu does. */
  async removeSession(): Promise<void> {
    this.signedIn = false;
    this.emitter.fire({ added: [], removed: [this.session([])], changed: [] });
  }

  dispose(): void {
    this.emitter.dispose();
  }

  private session(scopes: readonly string[] | undefined): vscode.AuthenticationSession {
    this.issued++;
    return {
      id: 'alice-session',
      accessToken: `${this.tokenPrefix}-${this.issued}`,
      account: this.account,
      scopes: [...(scopes ?? [])],
    };
  }
}

function tenantOf(scopes: readonly string[] | undefined): string | undefined {
  return scopes?.find((s) => s.startsWith(TENANT_SCOPE))?.slice(TENANT_SCOPE.length);
}
