// The Azure SDKs, the Azure layer and the sandbox live in dist/core.js, loaded on first use so that
// activation stays cheap. esbuild keeps this import external (see esbuild.mjs, plugin lazy-core).
import type * as Core from '../core';

export type CoreModule = typeof Core;

let pending: Promise<CoreModule> | undefined;

export function loadCore(): Promise<CoreModule> {
  pending ??= import('../core');
  return pending;
}
