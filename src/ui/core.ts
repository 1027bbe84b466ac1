import { loadCore } from '../lazy/core';
import type { CoreApi } from './coreTypes';

/** The lazily loaded core, seen through the contract the UI needs (a type error here means the contract drifted). */
export async function getCore(): Promise<CoreApi> {
  const core: CoreApi = await loadCore();
  return core;
}
