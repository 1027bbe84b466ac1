/**
 * One recorded answer of the sandbox against the swagger: operation found, status declared, body as the response
 * schema says (errors as the ARM error shape), long-running-operation headers where the operation is long-running.
 */
import type { RecordedExchange } from '../../src/sandbox/http/exchangeRecorder';
import type { Operation, OperationIndex } from './operations';
import type { Problem as SchemaProblem, SchemaChecker } from './schemaCheck';
import type { Located } from './specs';

export type ExchangeProblemKind = SchemaProblem['kind'] | 'operation' | 'status' | 'body' | 'lro' | 'no-route';

export interface ExchangeProblem {
  kind: ExchangeProblemKind;
  at: string;
  message: string;
  /** For a header problem: the path the header points at. */
  url?: string;
}

export type Verdict =
  | { kind: 'checked'; operation: Operation; problems: ExchangeProblem[] }
  | { kind: 'refused'; reason: string }
  | { kind: 'undeclared'; problems: ExchangeProblem[] };

const NO_ROUTE_MESSAGE = 'The sandbox has no route for';

export class ExchangeChecker {
  /**
   * `armError`: the ARM error envelope (common-types ErrorResponse), for errors of an operation that declares no
   * `default` and of undeclared paths: ARM answers those (401, 429, 503, no such route) whatever the operation.
   */
  constructor(
    private readonly operations: OperationIndex,
    private readonly schemas: SchemaChecker,
    private readonly armError: Located,
  ) {}

  check(exchange: RecordedExchange): Verdict {
    const candidates = this.operations.find(exchange.method, exchange.path);
    if (candidates.length === 0) return this.checkUndeclared(exchange);
    // Two files declaring one path (the provider's operations list is in bms.json and vaults.json): either may fit.
    let best: { operation: Operation; problems: ExchangeProblem[] } | undefined;
    for (const operation of candidates) {
      const problems = this.checkAgainst(exchange, operation);
      if (!best || problems.length < best.problems.length) best = { operation, problems };
    }
    const chosen = best as { operation: Operation; problems: ExchangeProblem[] };
    return { kind: 'checked', ...chosen };
  }

  /** A path the swagger does not declare: refusing it is right; serving it is a problem (unless listed elsewhere). */
  private checkUndeclared(exchange: RecordedExchange): Verdict {
    if (exchange.status >= 400) {
      const problems = this.errorShape(exchange, this.armError);
      return problems.length === 0
        ? { kind: 'refused', reason: `${exchange.status} ${errorCode(exchange.body) ?? ''}`.trim() }
        : { kind: 'undeclared', problems };
    }
    return {
      kind: 'undeclared',
      problems: [
        {
          kind: 'operation',
          at: '',
          message: `the swagger declares no operation for ${exchange.method} ${exchange.path}, yet the sandbox answered ${exchange.status}`,
        },
      ],
    };
  }

  private checkAgainst(exchange: RecordedExchange, operation: Operation): ExchangeProblem[] {
    const problems: ExchangeProblem[] = [];
    const { status } = exchange;
    if ((status === 404 && errorMessage(exchange.body)?.startsWith(NO_ROUTE_MESSAGE)) || status === 405) {
      return [
        {
          kind: 'no-route',
          at: '',
          message: `the swagger declares ${operation.operationId} (${operation.method} ${operation.template}), the sandbox has no route for it (${status})`,
        },
      ];
    }
    if (operation.declaresStatus(status)) {
      problems.push(...this.checkBody(exchange, operation.responses.get(String(status))));
    } else if (status >= 400) {
      problems.push(...this.errorShape(exchange, operation.responses.get('default') ?? this.armError));
    } else {
      problems.push({
        kind: 'status',
        at: '',
        message: `status ${status} is not declared (declared: ${[...operation.responses.keys()].join(', ')})`,
      });
    }
    if (
      operation.longRunning &&
      (status === 201 || status === 202) &&
      !exchange.headers['azure-asyncoperation'] &&
      !exchange.headers.location &&
      !pollsTheResource(exchange)
    ) {
      problems.push({
        kind: 'lro',
        at: '',
        message: `long-running ${operation.operationId} answered ${status} without Azure-AsyncOperation or Location`,
      });
    }
    for (const header of ['azure-asyncoperation', 'location']) {
      const url = exchange.headers[header];
      if (!url) continue;
      const target = new URL(url, 'https://sandbox.invalid').pathname;
      if (this.operations.find('GET', target).length === 0) {
        problems.push({
          kind: 'lro',
          at: `headers.${header}`,
          url: target,
          message: `${header} points at ${target}, which the swagger does not declare`,
        });
      }
    }
    const retryAfter = exchange.headers['retry-after'];
    if (retryAfter !== undefined && !/^\d+$/.test(retryAfter)) {
      problems.push({ kind: 'lro', at: '', message: `Retry-After '${retryAfter}' is not a number of seconds` });
    }
    return problems;
  }

  private checkBody(exchange: RecordedExchange, schema: Located | undefined): ExchangeProblem[] {
    if (exchange.method === 'HEAD') return [];
    if (!schema) {
      return exchange.body === undefined
        ? []
        : [{ kind: 'body', at: '', message: `a body where the swagger declares none for ${exchange.status}` }];
    }
    if (exchange.body === undefined)
      return [{ kind: 'body', at: '', message: `no body where the swagger declares one for ${exchange.status}` }];
    return this.schemas.check(exchange.body, schema);
  }

  private errorShape(exchange: RecordedExchange, schema: Located): ExchangeProblem[] {
    if (exchange.method === 'HEAD' && exchange.body === undefined) return [];
    if (exchange.body === undefined)
      return [{ kind: 'body', at: '', message: `error ${exchange.status} without an ARM error body` }];
    return this.schemas.check(exchange.body, schema);
  }
}

/**
 * ARM's rule for a PUT answered 201 without Azure-AsyncOperation or Location: the client polls the resource itself
 * until its provisioningState is terminal, so the body must carry one.
 */
function pollsTheResource(exchange: RecordedExchange): boolean {
  if (exchange.method !== 'PUT' || exchange.status !== 201) return false;
  const properties = (exchange.body as { properties?: { provisioningState?: unknown } } | undefined)?.properties;
  return typeof properties?.provisioningState === 'string';
}

function errorOf(body: unknown): { code?: unknown; message?: unknown } | undefined {
  const error = (body as { error?: unknown } | undefined)?.error;
  return typeof error === 'object' && error !== null ? (error as { code?: unknown; message?: unknown }) : undefined;
}

function errorCode(body: unknown): string | undefined {
  const code = errorOf(body)?.code;
  return typeof code === 'string' ? code : undefined;
}

function errorMessage(body: unknown): string | undefined {
  const message = errorOf(body)?.message;
  return typeof message === 'string' ? message : undefined;
}
