/** A small router: literal segments match case-insensitively, `{name}` captures a percent-decoded segment. */
import type { IncomingHttpHeaders } from 'node:http';

export interface RouteRequest {
  method: string;
  /** The path exactly as the client sent it (still percent-encoded), without the query. */
  rawPath: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
  apiVersion: string;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Recorded with the request (e.g. what a POST query asked for), for callers that count pages. */
  logDetail?: string;
}

export type Handler = (req: RouteRequest) => Reply;

interface Route {
  method: string;
  pattern: string[];
  handler: Handler;
  readOnly: boolean;
}

export type MatchResult =
  | { kind: 'found'; handler: Handler; params: Record<string, string>; readOnly: boolean }
  | { kind: 'methodNotAllowed' }
  | { kind: 'none' };

export function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

/** Decodes one path segment; a malformed escape is kept literally rather than failing the request. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export class Router {
  private readonly routes: Route[] = [];

  /** `readOnly`: a POST that only reads (a query), so it is served while changes are refused. */
  add(method: string, pattern: string, handler: Handler, options: { readOnly?: boolean } = {}): void {
    const upper = method.toUpperCase();
    this.routes.push({
      method: upper,
      pattern: splitPath(pattern).map((s) => (s.startsWith('{') ? s : s.toLowerCase())),
      handler,
      readOnly: options.readOnly ?? (upper === 'GET' || upper === 'HEAD'),
    });
  }

  count(): number {
    return this.routes.length;
  }

  match(method: string, segments: readonly string[]): MatchResult {
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchPattern(route.pattern, segments);
      if (!params) continue;
      if (route.method === method || (method === 'HEAD' && route.method === 'GET')) {
        return { kind: 'found', handler: route.handler, params, readOnly: route.readOnly };
      }
      pathMatched = true;
    }
    return pathMatched ? { kind: 'methodNotAllowed' } : { kind: 'none' };
  }
}

function matchPattern(pattern: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i];
    if (p.startsWith('{')) params[p.slice(1, -1)] = segments[i];
    else if (p !== segments[i].toLowerCase()) return undefined;
  }
  return params;
}

/** Reads a query parameter whatever its casing (`$skipToken` vs `$skiptoken`). */
export function queryValue(query: URLSearchParams, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [k, v] of query) if (k.toLowerCase() === wanted) return v;
  return undefined;
}
