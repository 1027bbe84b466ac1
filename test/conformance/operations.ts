/**
 * The operations the swagger declares, found for a recorded method and path as ARM routes them: literal segments
 * case-insensitive (bms.json spells some paths `/Subscriptions/`), `{param}` one segment. When several templates
 * match, the one with the most literal segments wins (as a specific route wins over a generic one in ARM).
 */
import * as path from 'node:path';
import type { Located, Schema, SpecSet } from './specs';

export interface Operation {
  operationId: string;
  method: string;
  template: string;
  /** The swagger file's name and version, e.g. `bms.json 2023-06-01`. */
  source: string;
  apiVersion: string;
  responses: Map<string, Located | undefined>;
  /** `x-ms-long-running-operation`, and its `final-state-via` when given. */
  longRunning: boolean;
  finalStateVia?: string;
  declaresStatus(status: number): boolean;
}

interface Indexed {
  operation: Operation;
  segments: string[];
  literals: number;
}

/**
 * Generic templates of the Resources provider (`/{resourceId}`, `/{scope}/...`, `.../{parentResourcePath}/...`):
 * ARM's generic resource API, whose answers are the owning provider's. Matching them would hide a missing route.
 */
const GENERIC_PARAMS = ['{resourceId}', '{scope}', '{parentResourcePath}'];

export class OperationIndex {
  private readonly byMethod = new Map<string, Indexed[]>();

  constructor(specs: SpecSet) {
    for (const [file, doc] of specs.documents()) {
      const info = doc.info as { version?: string } | undefined;
      const apiVersion = info?.version ?? '';
      for (const [template, item] of Object.entries((doc.paths ?? {}) as Record<string, Record<string, Schema>>)) {
        const segments = template.split('/').filter((s) => s.length > 0);
        if (segments.some((s) => GENERIC_PARAMS.includes(s))) continue;
        for (const [method, op] of Object.entries(item)) {
          if (method === 'parameters') continue;
          const responses = new Map<string, Located | undefined>();
          for (const [status, response] of Object.entries((op.responses ?? {}) as Record<string, Schema>)) {
            const resolved =
              typeof response.$ref === 'string' ? specs.deref({ schema: response, file }).schema : response;
            responses.set(status, resolved.schema ? { schema: resolved.schema as Schema, file } : undefined);
          }
          const options = op['x-ms-long-running-operation-options'] as { 'final-state-via'?: string } | undefined;
          const operation: Operation = {
            operationId: String(op.operationId),
            method: method.toUpperCase(),
            template,
            source: `${path.basename(file)} ${apiVersion}`,
            apiVersion,
            responses,
            longRunning: op['x-ms-long-running-operation'] === true,
            finalStateVia: options?.['final-state-via'],
            declaresStatus: (status) => responses.has(String(status)),
          };
          const list = this.byMethod.get(operation.method) ?? [];
          list.push({
            operation,
            segments: segments.map((s) => (s.startsWith('{') ? s : s.toLowerCase())),
            literals: segments.filter((s) => !s.startsWith('{')).length,
          });
          this.byMethod.set(operation.method, list);
        }
      }
    }
  }

  /** The operations of best fit for `method path` (several only when two files declare the same one), or none. */
  find(method: string, requestPath: string): Operation[] {
    const segments = requestPath
      .split('/')
      .filter((s) => s.length > 0)
      .map((s) => safeDecode(s).toLowerCase());
    const matches = this.matching(method, segments);
    const best = Math.max(-1, ...matches.map((m) => m.literals));
    return matches.filter((m) => m.literals === best).map((m) => m.operation);
  }

  /** Whether the path is declared for any method (for telling a missing route from a missing verb). */
  declaresPath(requestPath: string): boolean {
    const segments = requestPath
      .split('/')
      .filter((s) => s.length > 0)
      .map((s) => safeDecode(s).toLowerCase());
    return [...this.byMethod.keys()].some((m) => this.matching(m, segments).length > 0);
  }

  private matching(method: string, segments: string[]): Indexed[] {
    return (this.byMethod.get(method.toUpperCase()) ?? []).filter(
      (entry) =>
        entry.segments.length === segments.length &&
        entry.segments.every((s, i) => s.startsWith('{') || s === segments[i]),
    );
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
