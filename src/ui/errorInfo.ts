// Turns any thrown value into what the user needs to see and support needs to trace: the ARM code, the message
// and the request id. Duck-typed so it works for AzureError, SDK RestErrors and plain Errors alike.

export interface ErrorInfo {
  message: string;
  code?: string;
  requestId?: string;
  status?: number;
  /** Set when the service asked to wait longer before a retry than the Azure layer waits (AzureError.retryAfterMs). */
  retryAfterMs?: number;
}

function stringField(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' && field.length > 0 ? field : undefined;
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (typeof error === 'string') return { message: error };
  const message = stringField(error, 'message') ?? String(error);
  const field = (key: string): unknown =>
    typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[key] : undefined;
  const status = field('status') ?? field('statusCode');
  const retryAfterMs = field('retryAfterMs');
  return {
    message,
    code: stringField(error, 'code'),
    requestId: stringField(error, 'requestId'),
    status: typeof status === 'number' ? status : undefined,
    ...(typeof retryAfterMs === 'number' ? { retryAfterMs } : {}),
  };
}

/** Cancellation by the user (Escape, a cancelled progress, an aborted signal) is not an error to report. */
export function isCancellation(error: unknown): boolean {
  const name = stringField(error, 'name');
  const code = stringField(error, 'code');
  return (
    name === 'AbortError' ||
    name === 'Canceled' ||
    name === 'CancellationError' ||
    code === 'Cancelled' ||
    error instanceof UserCancelled
  );
}

/** Thrown by pickers and prompts when the user dismisses them. */
export class UserCancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'Canceled';
  }
}
