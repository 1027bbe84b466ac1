// Entry of the lazily loaded bundle (dist/core.js): the Azure layer and sign-in providers. The sandbox is one
// more step away (dist/sandbox-core.js), loaded only when it is opened.
import { loadSandboxCore } from './lazy/sandbox';
import type { RunningSandbox, SandboxOptions } from './sandbox/types';

export * from './azure/index';
export type { RunningSandbox, SandboxOptions } from './sandbox/types';
// VS Code's Microsoft account: this provider imports `vscode`, which the extension host provides to dist/core.js too.
export { createVSCodeAccountProvider as createVsCodeProvider } from './auth/vscodeAccount';

export async function startSandbox(options?: SandboxOptions): Promise<RunningSandbox> {
  return (await loadSandboxCore()).startSandbox(options);
}
