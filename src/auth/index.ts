// The pure sign-in providers. The VS Code account provider (vscodeAccount.ts) imports `vscode` and is
// therefore wired by src/bundles/sdkBundle.ts, not exported here.
export type { SignInProvider, TenantState, SubscriptionContext } from './provider';
export { createSandboxProvider, sandboxCredential, sandboxSession } from './sandbox';
export type { SandboxEndpoint } from './sandbox';
export { createAzureCliProvider } from './azureCli';
export type { AzureCliProviderOptions } from './azureCli';
