// What a workflow ended with, whatever shape the layer used to say it: a value, a thrown AzureError, an
// AzureOperation with an outcome, or one EnableResult per VM.
import type { AzureOperation, EnableResult } from '../../../src/azure';
import { AzureError } from '../../../src/azure';

export interface Failure {
  code: string;
  message: string;
  requestId?: string;
  /** Only when the layer threw an AzureError (operation and per-VM errors carry no status). */
  status?: number;
  retryable?: boolean;
}

export type Outcome = { kind: 'ok' } | { kind: 'cancelled' } | { kind: 'failed'; error: Failure };

export function fromOperation(op: AzureOperation): Outcome {
  if (op.outcome === 'Completed') return { kind: 'ok' };
  if (op.outcome === 'Cancelled') return { kind: 'cancelled' };
  return { kind: 'failed', error: op.error ?? { code: 'NoError', message: 'Failed without an error' } };
}

export function fromResults(results: EnableResult[]): Outcome {
  if (results.some((r) => r.operation?.outcome === 'Cancelled')) return { kind: 'cancelled' };
  const failed = results.find((r) => !r.ok);
  if (!failed) return { kind: 'ok' };
  return { kind: 'failed', error: failed.error ?? { code: 'NoError', message: 'Failed without an error' } };
}

/** Runs a workflow step and folds a thrown AzureError into the outcome; anything else thrown is a test bug. */
export async function outcomeOf(run: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof AzureError)) throw e;
    if (e.code === 'Cancelled') return { kind: 'cancelled' };
    return {
      kind: 'failed',
      error: { code: e.code, message: e.message, requestId: e.requestId, status: e.status, retryable: e.retryable },
    };
  }
}
