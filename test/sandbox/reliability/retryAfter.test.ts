// A throttled call whose Retry-After is long must not hold the caller (a tree node, a notification) for that long:
// the layer waits up to its cap (RetrySettings.maxRetryAfterMs, 60 s by default) and otherwise gives up at once
// with the service's error and the wait it asked for, without a second attempt.
import * as assert from 'node:assert/strict';
import { AzureError, createBackupService } from '../../../src/azure';
import { sandboxSession } from '../../../src/auth';
import type { Harness } from './harness';
import { requestsTo, startHarness } from './harness';

const VAULTS = 'Microsoft.RecoveryServices/vaults$';

describe('reliability: a long Retry-After is capped', function () {
  this.timeout(20_000);
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  /** Lists the vaults with one injected fault; returns the error and how long the call took. */
  const throttledList = async (
    harness: Harness,
    kind: 'throttle' | 'unavailable',
    service = harness.service,
    retryAfterSeconds?: number,
  ) => {
    harness.sandbox.setFaults({
      rate: 1,
      kinds: [kind],
      count: 1,
      pathPattern: VAULTS,
      methods: ['GET'],
      ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
    });
    const started = Date.now();
    const error = await service.listVaults(harness.subscriptionId).then(
      () => undefined,
      (e: unknown) => e,
    );
    return { error, elapsedMs: Date.now() - started, attempts: requestsTo(harness.sandbox, VAULTS, ['GET']) };
  };

  for (const [kind, status, code] of [
    ['throttle', 429, 'SubscriptionRequestsThrottled'],
    ['unavailable', 503, 'ServiceUnavailable'],
  ] as const) {
    it(`${status} asking for an hour (the sandbox's retryAfterSeconds 3600): fails at once, names the wait, one attempt`, async () => {
      h = await startHarness({ retryAfterSeconds: 3600 });
      const { error, elapsedMs, attempts } = await throttledList(h, kind);
      assert.ok(error instanceof AzureError, String(error));
      assert.equal(error.code, code);
      assert.equal(error.status, status);
      assert.equal(error.retryAfterMs, 3_600_000);
      assert.equal(error.retryable, true, 'worth retrying later');
      assert.match(error.message, /injected fault/, "the service's own message");
      assert.ok(elapsedMs < 2_000, `returned after ${elapsedMs} ms`);
      assert.deepEqual(
        attempts.map((a) => a.status),
        [status],
        'not retried',
      );
      assert.equal(error.requestId, attempts[0].requestId, 'the request id the sandbox sent');
      assert.ok(
        h.calls.some((c) => c.status === status && c.requestId === error.requestId),
        'the refused attempt is in the layer log',
      );
    });
  }

  it("the cap is the caller's: a 2 s wait fails with a 1 s cap and is honoured within a 3 s cap", async () => {
    h = await startHarness();
    const withCap = (maxRetryAfterMs: number) =>
      createBackupService(
        { ...sandboxSession(h!.sandbox), credential: h!.credential },
        { retry: { retryDelayInMs: 10, maxRetryAfterMs } },
      );
    const refused = await throttledList(h, 'throttle', withCap(1_000), 2);
    assert.ok(refused.error instanceof AzureError && refused.error.retryAfterMs === 2_000, String(refused.error));
    assert.deepEqual(
      refused.attempts.map((a) => a.status),
      [429],
    );
    h.sandbox.requestLog.clear();
    const waited = await throttledList(h, 'throttle', withCap(3_000), 2);
    assert.equal(waited.error, undefined, String(waited.error));
    assert.deepEqual(
      waited.attempts.map((a) => a.status),
      [429, 200],
    );
    assert.ok(waited.elapsedMs >= 1_900, `waited ${waited.elapsedMs} ms for Retry-After: 2`);
  });
});
