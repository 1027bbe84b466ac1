// Types of the lazily loaded SDK bundle (src/azure, src/auth, src/sandbox) that the UI relies on. Type-only imports:
// they vanish from dist/extension.js, so activation never loads the SDKs.
import type { BackupService } from '../azure/backupService';
import type { AzureCallLogger, AzureSession, BackupServiceOptions } from '../azure/session';
import type { SignInProvider, SubscriptionContext, TenantState } from '../auth/provider';
import type { AzureCliProviderOptions } from '../auth/azureCli';
import type { VSCodeAccountOptions } from '../auth/vscodeAccount';
import type { SandboxEndpoint } from '../auth/sandbox';
import type { RunningSandbox, SandboxOptions } from '../sandbox/types';

export type { AzureCallLogger, AzureSession, SignInProvider, SubscriptionContext, TenantState, RunningSandbox };
export type SignInKind = SignInProvider['kind'];

/** The values the UI takes from dist/sdk-bundle.js (src/session/sdkBundle.ts checks the real module against this). */
export interface SdkBundleApi {
  createBackupService(session: AzureSession, options?: BackupServiceOptions): BackupService;
  createSandboxProvider(sandbox: SandboxEndpoint): SignInProvider;
  createAzureCliProvider(options?: AzureCliProviderOptions): SignInProvider;
  /** VS Code's Microsoft account (through @microsoft/vscode-azext-azureauth). */
  createVsCodeProvider(options?: VSCodeAccountOptions): SignInProvider;
  startSandbox(options?: SandboxOptions): Promise<RunningSandbox>;
  /** Whether the Azure layer may use HTTP/2 (read per call). */
  allowHttp2(allowed: boolean): void;
}
