import * as vscode from 'vscode';
import type { BackupService, ListScope } from '../azure/backupService';
import type {
  AzureCallLogger,
  SdkBundleApi,
  RunningSandbox,
  SignInKind,
  SignInProvider,
  SubscriptionContext,
  TenantState,
} from './sdkBundleApi';
import { sameId, idKey } from '../azure/ids';

export type SessionMode = 'signedOut' | SignInKind;

/** What the session writes to the log (the output channel's Log satisfies it; the session sits below src/ui). */
export interface SessionLog {
  info(message: string): void;
  azureCall: AzureCallLogger;
}

export interface SessionDeps {
  log: SessionLog;
  /** Where the sandbox keeps its data between sessions (context.globalStorageUri). */
  storageDir: vscode.Uri;
  getSdkBundle: () => Promise<SdkBundleApi>;
}

/**
 * Who we talk to: nobody yet, the embedded sandbox, or Azure through a sign-in provider.
 * Owns the BackupService per session and the subscription filter; the tree and the commands ask it, never the SDKs.
 */
export class AccountSession implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private modeValue: SessionMode = 'signedOut';
  private provider?: SignInProvider;
  private providerListener?: { dispose(): void };
  private sandboxValue?: RunningSandbox;
  private sandboxStarting?: Promise<RunningSandbox>;
  private contexts?: Promise<SubscriptionContext[]>;
  private readonly services = new Map<string, BackupService>();

  constructor(private readonly deps: SessionDeps) {}

  get mode(): SessionMode {
    return this.modeValue;
  }
  get sandbox(): RunningSandbox | undefined {
    return this.sandboxValue;
  }

  /** Starts the in-process sandbox (persisted under global storage) and switches the tree to it. */
  async openSandbox(): Promise<RunningSandbox> {
    const bundle = await this.deps.getSdkBundle();
    this.sandboxStarting ??= (async () => {
      await vscode.workspace.fs.createDirectory(this.deps.storageDir);
      const dataFile = vscode.Uri.joinPath(this.deps.storageDir, 'sandbox.json').fsPath;
      const sandbox = await bundle.startSandbox({ dataFile, speed: sandboxSpeed() });
      this.deps.log.info(`Sandbox listening on ${sandbox.endpoint}`);
      return sandbox;
    })();
    try {
      this.sandboxValue = await this.sandboxStarting;
    } catch (error) {
      this.sandboxStarting = undefined;
      throw error;
    }
    const sandbox = this.sandboxValue;
    this.use(
      'sandbox',
      bundle.createSandboxProvider({ endpoint: sandbox.endpoint, ca: sandbox.ca, tenantId: sandbox.tenantId }),
    );
    return sandbox;
  }

  /** Signs in with the given provider; false when the user gave up. */
  async signIn(provider: SignInProvider): Promise<boolean> {
    if (!(await provider.isSignedIn())) {
      await provider.signIn();
      if (!(await provider.isSignedIn())) return false;
    }
    this.use(provider.kind, provider);
    return true;
  }

  /** Signs in to one tenant of the current account (a tenant shown as needing sign-in), then reloads. */
  async signInToTenant(tenantId: string): Promise<void> {
    if (!this.provider) return;
    await this.provider.signIn(tenantId);
    this.reset();
  }

  signOut(): void {
    this.providerListener?.dispose();
    this.provider = undefined;
    this.modeValue = 'signedOut';
    this.reset();
  }

  async listTenants(): Promise<TenantState[]> {
    return this.provider ? this.provider.listTenants() : [];
  }

  /** Every subscription the provider offers, before the filter. */
  allSubscriptions(): Promise<SubscriptionContext[]> {
    if (!this.provider) return Promise.resolve([]);
    this.contexts ??= this.provider.listSubscriptions().catch((error: unknown) => {
      this.contexts = undefined;
      throw error;
    });
    return this.contexts;
  }

  /** The subscriptions shown: the filter setting `azureBackup.selectedSubscriptions`, empty meaning all. */
  async listSubscriptions(): Promise<SubscriptionContext[]> {
    const all = await this.allSubscriptions();
    const selected = selectedSubscriptionIds();
    return selected.length === 0 ? all : all.filter((c) => selected.includes(idKey(c.subscription.subscriptionId)));
  }

  hasFilter(): boolean {
    return selectedSubscriptionIds().length > 0;
  }

  /** The service for a subscription, created once per session. */
  async service(subscriptionId: string): Promise<BackupService> {
    const contexts = await this.allSubscriptions();
    const context = contexts.find((c) => sameId(c.subscription.subscriptionId, subscriptionId));
    if (!context) throw new Error(vscode.l10n.t('Subscription {0} is not available in this session.', subscriptionId));
    const key = `${context.session.tenantId ?? context.subscription.tenantId}/${context.session.environment.name}`;
    let service = this.services.get(key);
    if (!service) {
      const bundle = await this.deps.getSdkBundle();
      service = bundle.createBackupService(context.session, { logger: this.deps.log.azureCall, cacheListings: true });
      this.services.set(key, service);
    }
    return service;
  }

  async portalUrl(subscriptionId: string): Promise<string> {
    const context = (await this.allSubscriptions()).find((c) => c.subscription.subscriptionId === subscriptionId);
    return context?.session.environment.portalUrl ?? '';
  }

  /** Drop the services' cached listings (a refresh of the nodes showing them); all when no scope. */
  forgetListings(scope?: ListScope): void {
    for (const service of this.services.values()) service.forgetListings(scope);
  }

  /** Forget cached subscriptions and listings (refresh); services stay. */
  reset(): void {
    this.provider?.forget?.();
    this.contexts = undefined;
    this.forgetListings();
    this.changed.fire();
  }

  private use(mode: SessionMode, provider: SignInProvider): void {
    this.providerListener?.dispose();
    this.provider = provider;
    this.modeValue = mode;
    this.services.clear();
    this.providerListener = provider.onDidChange(() => this.reset());
    this.reset();
  }

  dispose(): void {
    this.providerListener?.dispose();
    this.changed.dispose();
    const sandbox = this.sandboxValue;
    this.sandboxValue = undefined;
    if (sandbox) void sandbox.stop();
  }
}

/** `azureBackup.sandbox.speed`: the simulated clock's pace (tests and demos run jobs faster); 1 when unset or odd. */
function sandboxSpeed(): number {
  const value = vscode.workspace.getConfiguration('azureBackup').get<unknown>('sandbox.speed');
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.min(value, 1000) : 1;
}

function selectedSubscriptionIds(): string[] {
  const value = vscode.workspace.getConfiguration('azureBackup').get<unknown>('selectedSubscriptions');
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').map(idKey) : [];
}
