// A request whose path has an empty segment (e.g. `resourceGroups//providers`) means a caller passed an empty name:
// a programming error. It is refused before it leaves the process, instead of reaching ARM (or the sandbox) as a
// different, misleading request.
import type { PipelinePolicy } from '@azure/core-rest-pipeline';

export const emptySegmentPolicyName = 'azureBackupEmptySegment';

export class EmptyPathSegmentError extends Error {
  /** Kept by AzureError.from, so the layer's callers see what was refused. */
  readonly code = 'EmptyPathSegment';
  constructor(
    readonly method: string,
    readonly path: string,
  ) {
    super(`Refused to send ${method} ${path}: a name in its path is empty (a caller passed an empty value).`);
    this.name = 'EmptyPathSegmentError';
  }
}

/** The path of a URL when one of its segments is empty, otherwise undefined. */
export function emptySegmentPath(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  return path.includes('//') || (path.length > 1 && path.endsWith('/')) ? path : undefined;
}

export function emptySegmentPolicy(): PipelinePolicy {
  return {
    name: emptySegmentPolicyName,
    sendRequest(request, next) {
      const path = emptySegmentPath(request.url);
      if (path !== undefined) return Promise.reject(new EmptyPathSegmentError(request.method, path));
      return next(request);
    },
  };
}
