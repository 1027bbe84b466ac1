// One error type for the whole layer. Both SDK generations throw RestError, but they put the ARM envelope
// in different places (HLC: response.parsedBody; modular: details); core-lro throws plain Errors; sockets
// throw coded Errors. AzureError.from folds them all into {code, message, status, requestId, retryable}.
import { isRestError } from '@azure/core-rest-pipeline';
import { errorBodyOf } from './transport/errorBodyPolicy';

const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  'EAI_AGAIN',
  'ESOCKETTIMEDOUT',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'REQUEST_SEND_ERROR',
  'UND_ERR_SOCKET',
]);
const LRO_FAILED = /^The long-running operation has failed\.\s*([^.\s]+)\.\s*([\s\S]*)$/;

export interface ArmErrorBody {
  code?: string;
  message?: string;
  target?: string;
}

export class AzureError extends Error {
  override readonly name = 'AzureError';
  readonly code: string;
  readonly status?: number;
  readonly requestId?: string;
  readonly retryable: boolean;
  readonly target?: string;
  /** How long the service asked to wait before a retry, when that was longer than the layer waits (transport/retryAfterCap.ts). */
  readonly retryAfterMs?: number;

  constructor(init: {
    code: string;
    message: string;
    status?: number;
    requestId?: string;
    retryable?: boolean;
    target?: string;
    retryAfterMs?: number;
  }) {
    super(init.message);
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId;
    this.target = init.target;
    this.retryAfterMs = init.retryAfterMs;
    this.retryable = init.retryable ?? isRetryableStatus(init.status);
  }

  static from(e: unknown): AzureError {
    if (e instanceof AzureError) {
      return e;
    }
    if (isAbortError(e)) {
      return new AzureError({ code: 'Cancelled', message: 'The operation was cancelled.', retryable: false });
    }
    if (isRestError(e) || looksLikeRestError(e)) {
      return fromRestError(e as RestErrorShape);
    }
    if (e instanceof Error) {
      const lro = LRO_FAILED.exec(e.message);
      if (lro) {
        return new AzureError({ code: lro[1], message: lro[2].trim() || e.message, retryable: false });
      }
      const code = stringField(e, 'code');
      if (code && SOCKET_CODES.has(code)) {
        return new AzureError({ code, message: e.message, retryable: true });
      }
      return new AzureError({ code: code ?? 'Error', message: e.message, retryable: false });
    }
    return new AzureError({ code: 'Error', message: String(e), retryable: false });
  }

  /** The shape the domain model uses for a failed operation. */
  toOperationError(): { code: string; message: string; requestId?: string } {
    return { code: this.code, message: this.message, ...(this.requestId ? { requestId: this.requestId } : {}) };
  }
}

export function isAbortError(e: unknown): boolean {
  return e instanceof Error && (e.name === 'AbortError' || stringField(e, 'code') === 'ABORT_ERR');
}

export function isRetryableStatus(status: number | undefined): boolean {
  if (status === undefined) {
    return false;
  }
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

interface RestErrorShape extends Error {
  code?: string;
  statusCode?: number;
  details?: unknown;
  request?: unknown;
  response?: { status?: number; headers?: unknown; parsedBody?: unknown; bodyAsText?: string | null };
}

function looksLikeRestError(e: unknown): boolean {
  return e instanceof Error && e.name === 'RestError';
}

function fromRestError(e: RestErrorShape): AzureError {
  const status = e.statusCode ?? e.response?.status;
  const envelope =
    armErrorIn(e.response?.parsedBody) ??
    armErrorIn(e.details) ??
    armErrorIn(parseJson(e.response?.bodyAsText)) ??
    armErrorIn(parseJson(errorBodyOf(e.request)));
  const requestId = headerValue(e.response?.headers, 'x-ms-request-id');
  const code = envelope?.code ?? e.code ?? (status !== undefined ? `Http${status}` : 'Error');
  const socket = e.code !== undefined && SOCKET_CODES.has(e.code);
  return new AzureError({
    code,
    message: envelope?.message ?? e.message,
    status,
    requestId,
    target: envelope?.target,
    retryable: socket || isRetryableStatus(status),
  });
}

/** `{ error: { code, message, target } }` (ARM envelope) or a bare `{ code, message }`. */
export function armErrorIn(body: unknown): ArmErrorBody | undefined {
  if (!isObject(body)) {
    return undefined;
  }
  const inner = isObject(body.error) ? body.error : body;
  const code = stringField(inner, 'code');
  const message = stringField(inner, 'message');
  if (!code && !message) {
    return undefined;
  }
  return { code, message, target: stringField(inner, 'target') };
}

/** Reads a header from core-rest-pipeline HttpHeaders (`get`) or a plain record. */
export function headerValue(headers: unknown, name: string): string | undefined {
  if (!isObject(headers)) {
    return undefined;
  }
  const get = headers.get;
  if (typeof get === 'function') {
    const v: unknown = get.call(headers, name);
    return typeof v === 'string' ? v : undefined;
  }
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const v = key !== undefined ? headers[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}

export function parseJson(text: string | null | undefined): unknown {
  if (!text) {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function stringField(o: unknown, key: string): string | undefined {
  if (!isObject(o)) {
    return undefined;
  }
  const v = o[key];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}
