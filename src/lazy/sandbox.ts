// The sandbox lives in dist/sandbox-core.js, loaded on first use from dist/core.js. esbuild keeps this import
// external (see esbuild.mjs, plugin lazy-bundles); under tsc (tests) it is a plain dynamic import.
import type * as SandboxCore from '../sandboxCore';

export type SandboxCoreModule = typeof SandboxCore;

let pending: Promise<SandboxCoreModule> | undefined;

export function loadSandboxCore(): Promise<SandboxCoreModule> {
  pending ??= import('../sandboxCore');
  return pending;
}
