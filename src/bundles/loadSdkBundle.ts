// The Azure SDKs and the Azure layer live in dist/sdk-bundle.js, loaded on first use so that activation stays
// cheap. esbuild keeps this import external (see esbuild.mjs, plugin lazy-bundles).
import type * as SdkBundle from './sdkBundle';

export type SdkBundleModule = typeof SdkBundle;

let pending: Promise<SdkBundleModule> | undefined;

export function loadSdkBundle(): Promise<SdkBundleModule> {
  pending ??= import('./sdkBundle');
  return pending;
}
