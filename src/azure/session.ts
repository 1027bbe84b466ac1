// What every Azure call needs: where to go (environment) and who is asking (credential).
import type { TokenCredential } from '@azure/core-auth';
import type { AzureEnvironment } from './model';

export interface AzureSession {
  environment: AzureEnvironment;
  credential: TokenCredential;
  tenantId?: string;
}

/** One line per HTTP call. Never carries headers or tokens: only what a support engineer needs. */
export interface AzureCallLogEntry {
  method: string;
  /** Path + query only. */
  url: string;
  status?: number;
  requestId?: string;
  durationMs: number;
  error?: string;
}

export type AzureCallLogger = (entry: AzureCallLogEntry) => void;

export interface RetrySettings {
  maxRetries?: number;
  retryDelayInMs?: number;
  maxRetryDelayInMs?: number;
  /** Longest Retry-After (429/503) waited for before retrying; a longer one fails at once with AzureError.retryAfterMs. Default 60 s. */
  maxRetryAfterMs?: number;
}

export interface BackupServiceOptions {
  /** Parallel reads per fan-out (e.g. one items listing per vault). Default 12 (DEFAULT_CONCURRENCY). */
  concurrency?: number;
  /** Parallel writes per fan-out (enable protection for many VMs). Default 4. */
  writeConcurrency?: number;
  /** Base interval between polls of an async operation or a job. Default 2000 ms. */
  pollIntervalMs?: number;
  /** Upper bound for any wait between polls, including a server's Retry-After. Default 30000 ms. */
  maxPollIntervalMs?: number;
  logger?: AzureCallLogger;
  retry?: RetrySettings;
  /**
   * Keep vault lists and protected-item listings per session, shared by every reader, until `forgetListings`
   * or an operation that changes them (the tree turns this on; one-shot callers need not).
   */
  cacheListings?: boolean;
}
