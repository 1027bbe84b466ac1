// Entry of the lazily loaded bundle (dist/sdk-bundle.js): the Azure layer and sign-in providers. The sandbox is one
// more step away (dist/sandbox-bundle.js), loaded only when it is opened.
import { loadSandboxBundle } from './loadSandboxBundle';
import type { RunningSandbox, SandboxOptions } from '../sandbox/types';

export * from '../azure/index';
export * from '../auth/index';
export type { RunningSandbox, SandboxOptions } from '../sandbox/types';
// VS Code's Microsoft account: this provider imports `vscode`, which the extension host provides to dist/sdk-bundle.js too.
export { createVSCodeAccountProvider as createVsCodeProvider } from '../auth/vscodeAccount';

export async function startSandbox(options?: SandboxOptions): Promise<RunningSandbox> {
  return (await loadSandboxBundle()).startSandbox(options);
}
