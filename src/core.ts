// Entry of the lazily loaded bundle (dist/core.js): the Azure layer, sign-in providers and the sandbox.
export * from './azure/index';
export { startSandbox } from './sandbox/index';
export type { RunningSandbox, SandboxOptions } from './sandbox/index';
