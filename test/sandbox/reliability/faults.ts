// The faults of the matrix: how each is injected into a workflow's target request, what the layer must
// answer, and how it is cleared. Transient faults must end in success after bounded retries; lasting ones
// in a clear error (ARM code, message, request id, retryable) or a prompt cancel.
import * as assert from 'node:assert/strict';
import type { RequestLogEntry } from '../../../src/sandbox';
import type { Harness } from './harness';
import { ATTEMPTS } from './harness';
import type { Failure, Outcome } from './outcome';
import type { Prepared, Workflow } from './workflows';

export interface Observed {
  h: Harness;
  w: Workflow;
  p: Prepared;
  outcome: Outcome;
  elapsedMs: number;
  /** The sandbox's log of the target request, this run only. */
  target: RequestLogEntry[];
  /** The sandbox's whole log, this run only. */
  all: RequestLogEntry[];
}

export interface FaultCase {
  name: string;
  /** For the README: what the user is shown. */
  userSees: string;
  applies(w: Workflow): boolean;
  inject(h: Harness, p: Prepared): void;
  clear(h: Harness, p: Prepared): void;
  /** The user cancels after this long (AbortSignal). */
  cancelAfterMs?: number;
  verify(o: Observed): void;
}

/** The user cancels half a second in: well after the stalled request went out, long before its 10 s. */
const CANCEL_AFTER_MS = 500;

function failed(o: Observed): Failure {
  assert.equal(o.outcome.kind, 'failed', `expected a failure, got ${JSON.stringify(o.outcome)}`);
  return (o.outcome as { error: Failure }).error;
}

/** The request id shown to the user is one the sandbox really answered with. */
function assertKnownRequestId(error: Failure, entries: RequestLogEntry[]): void {
  assert.ok(error.requestId, 'the error carries a request id');
  assert.ok(
    entries.some((e) => e.requestId === error.requestId),
    `request id ${error.requestId} is in the sandbox log`,
  );
}

/** One injected failure of the target, retried by the SDK: success, one extra attempt, every attempt in the layer's log. */
function retriedOnce(status: number, minElapsedMs: number) {
  return (o: Observed): void => {
    assert.deepEqual(o.outcome, { kind: 'ok' });
    const statuses = o.target.map((e) => e.status);
    assert.equal(statuses.length, o.w.targetCalls + 1, `attempts: ${statuses.join(',')}`);
    assert.equal(statuses.filter((s) => s === status).length, 1);
    assert.ok(o.elapsedMs >= minElapsedMs, `waited ${o.elapsedMs} ms, Retry-After asks ${minElapsedMs}`);
    const faulted = o.target.find((e) => e.status === status);
    if (status !== 0) {
      assert.ok(
        o.h.calls.some((c) => c.status === status && c.requestId === faulted?.requestId),
        'the retried attempt is in the layer log',
      );
    } else {
      assert.ok(
        o.h.calls.some((c) => c.status === undefined && c.error),
        'the dropped attempt is in the layer log with its error',
      );
    }
  };
}

const target = (p: Prepared) => ({ pathPattern: p.target.pathPattern, methods: p.target.methods });
const always = (): boolean => true;

export const FAULTS: FaultCase[] = [
  {
    name: '429 + Retry-After (once)',
    userSees: 'nothing: success after one retry ≥ 1 s later',
    applies: always,
    inject: (h, p) => h.sandbox.setFaults({ rate: 1, kinds: ['throttle'], count: 1, ...target(p) }),
    clear: (h) => h.sandbox.setFaults(undefined),
    verify: retriedOnce(429, 950),
  },
  {
    name: '503 + Retry-After (once)',
    userSees: 'nothing: success after one retry ≥ 1 s later',
    applies: always,
    inject: (h, p) => h.sandbox.setFaults({ rate: 1, kinds: ['unavailable'], count: 1, ...target(p) }),
    clear: (h) => h.sandbox.setFaults(undefined),
    verify: retriedOnce(503, 950),
  },
  {
    name: '500 (lasting)',
    userSees: 'InternalServerError, its message and request id, after 4 attempts; retry offered',
    applies: always,
    inject: (h, p) => h.sandbox.setFaults({ rate: 1, kinds: ['serverError'], ...target(p) }),
    clear: (h) => h.sandbox.setFaults(undefined),
    verify: (o) => {
      const e = failed(o);
      assert.equal(e.code, 'InternalServerError');
      assert.match(e.message, /internal server error/i);
      if (e.status !== undefined) assert.equal(e.status, 500);
      if (e.retryable !== undefined) assert.equal(e.retryable, true);
      assert.equal(o.target.length, o.w.targetCalls * ATTEMPTS, 'bounded: 1 call + 3 retries');
      assert.ok(o.target.every((x) => x.status === 500));
      assertKnownRequestId(e, o.target);
    },
  },
  {
    name: 'connection reset (once)',
    userSees: 'nothing: success after one retry',
    applies: always,
    inject: (h, p) => h.sandbox.setFaults({ rate: 1, kinds: ['reset'], count: 1, ...target(p) }),
    clear: (h) => h.sandbox.setFaults(undefined),
    verify: retriedOnce(0, 0),
  },
  {
    name: '10 s stall, user cancels',
    userSees: 'Cancelled at once (≪ 10 s); nothing half-done',
    applies: always,
    cancelAfterMs: CANCEL_AFTER_MS,
    inject: (h, p) => h.sandbox.setFaults({ rate: 1, kinds: ['stall'], stallMs: 10_000, ...target(p) }),
    clear: (h) => h.sandbox.setFaults(undefined),
    verify: (o) => {
      assert.deepEqual(o.outcome, { kind: 'cancelled' });
      assert.ok(o.elapsedMs < CANCEL_AFTER_MS + 1_500, `returned after ${o.elapsedMs} ms`);
      assert.deepEqual(
        o.target.filter((e) => e.status >= 200 && e.status < 300),
        [],
        'the stalled request was never answered',
      );
    },
  },
  {
    name: 'async operation ends Failed',
    userSees: 'BMSUserErrorOperationFailed, its message and request id',
    applies: (w) => w.startsOperation === true,
    inject: (h) => h.sandbox.setFaults({ failOperations: true }),
    clear: (h) => h.sandbox.setFaults(undefined),
    verify: (o) => {
      const e = failed(o);
      assert.equal(e.code, 'BMSUserErrorOperationFailed');
      assert.match(e.message, /could not be completed/);
      assertKnownRequestId(e, o.all);
    },
  },
  {
    name: 'job fails (broken VM)',
    userSees: "the job's error (UserErrorVmProvisioningStateFailed), its message and request id",
    applies: (w) => w.runsBackupJob === true,
    inject: (h, p) => h.sandbox.control.markVmBroken(p.vmId ?? ''),
    clear: (h, p) => h.sandbox.control.markVmBroken(p.vmId ?? '', false),
    verify: (o) => {
      const e = failed(o);
      assert.equal(e.code, 'UserErrorVmProvisioningStateFailed');
      assert.match(e.message, /snapshot could not be taken/);
      assertKnownRequestId(e, o.all);
    },
  },
  {
    name: '401 expired token',
    userSees: 'ExpiredAuthenticationToken, its message and request id; not retried; sign in again',
    applies: always,
    inject: (h) => {
      h.credential.expired = true;
    },
    clear: (h) => {
      h.credential.expired = false;
    },
    verify: (o) => {
      const e = failed(o);
      assert.equal(e.code, 'ExpiredAuthenticationToken');
      assert.match(e.message, /access token expiry/);
      assert.equal(e.status, 401);
      assert.equal(e.retryable, false);
      assertKnownRequestId(e, o.all);
      assert.ok(o.all.length > 0 && o.all.every((x) => x.status === 401), 'stopped at the first refusal');
      const sent = o.all.map((x) => `${x.method} ${x.path}`);
      assert.equal(new Set(sent).size, sent.length, 'a 401 is never retried');
    },
  },
];
