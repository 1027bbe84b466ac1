// Entry of the lazily loaded bundle (dist/core.js): the Azure layer, sign-in providers and the sandbox.
export * from './azure/index';
export { startSandbox } from './sandbox/index';
export type { RunningSandbox, SandboxOptions } from './sandbox/index';
// VS Code's Microsoft account: this provider imports `vscode`, which the extension host provides to dist/core.js too.
export { createVSCodeAccountProvider as createVsCodeProvider } from './auth/vscodeAccount';
