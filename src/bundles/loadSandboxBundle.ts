// The sandbox lives in dist/sandbox-bundle.js, loaded on first use from dist/sdk-bundle.js. esbuild keeps this import
// external (see esbuild.mjs, plugin lazy-bundles); under tsc (tests) it is a plain dynamic import.
import type * as SandboxBundle from './sandboxBundle';

export type SandboxBundleModule = typeof SandboxBundle;

let pending: Promise<SandboxBundleModule> | undefined;

export function loadSandboxBundle(): Promise<SandboxBundleModule> {
  pending ??= import('./sandboxBundle');
  return pending;
}
