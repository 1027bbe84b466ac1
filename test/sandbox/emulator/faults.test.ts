/** Injected faults, seeded: 429 + Retry-After and 503 are retried by the SDK; resets are retried; stalls end with the caller's abort. */
import * as assert from 'node:assert/strict';
import { RestError } from '@azure/core-rest-pipeline';
import type { RunningSandbox } from '../../../src/sandbox';
import { clientsFor, collect, startTestSandbox } from './helpers';

const VAULTS = '/providers/Microsoft.RecoveryServices/vaults$';

describe('fault injection', () => {
  let sandbox: RunningSandbox;
  before(async () => {
    sandbox = await startTestSandbox({ latencyMs: 5, retryAfterSeconds: 0 });
  });
  after(async () => {
    await sandbox.stop();
  });
  beforeEach(() => sandbox.requestLog.clear());

  const vaultCalls = (): number[] =>
    sandbox.requestLog
      .entries()
      .filter((e) => /vaults$/.test(e.path))
      .map((e) => e.status);

  it('429 with Retry-After is retried by the SDK and then succeeds', async () => {
    sandbox.setFaults({ rate: 1, kinds: ['throttle'], count: 1, pathPattern: VAULTS });
    const vaults = await collect(clientsFor(sandbox).vaults.vaults.listBySubscriptionId());
    assert.equal(vaults.length, 2, "the story's two vaults");
    assert.deepEqual(vaultCalls(), [429, 200]);
  });

  it('503 is retried; a 500 that keeps coming surfaces as a RestError after the retries', async () => {
    sandbox.setFaults({ rate: 1, kinds: ['unavailable'], count: 2, pathPattern: VAULTS });
    await collect(clientsFor(sandbox).vaults.vaults.listBySubscriptionId());
    assert.deepEqual(vaultCalls(), [503, 503, 200]);
    sandbox.requestLog.clear();
    sandbox.setFaults({ rate: 1, kinds: ['serverError'], pathPattern: VAULTS, methods: ['GET'] });
    const c = clientsFor(sandbox, undefined, {
      retryOptions: { maxRetries: 1, retryDelayInMs: 10, maxRetryDelayInMs: 20 },
    });
    await assert.rejects(
      collect(c.vaults.vaults.listBySubscriptionId()),
      (e: unknown) => e instanceof RestError && e.statusCode === 500,
    );
    assert.deepEqual(vaultCalls(), [500, 500]);
  });

  it('a connection reset mid-request is retried by the SDK', async () => {
    sandbox.setFaults({ rate: 1, kinds: ['reset'], count: 1, pathPattern: VAULTS });
    const vaults = await collect(clientsFor(sandbox).vaults.vaults.listBySubscriptionId());
    assert.equal(vaults.length, 2, "the story's two vaults");
    assert.deepEqual(vaultCalls(), [0, 200]);
  });

  it('a stalled request ends with the caller aborting it', async () => {
    sandbox.setFaults({ rate: 1, kinds: ['stall'], stallMs: 10_000, pathPattern: VAULTS });
    const started = Date.now();
    await assert.rejects(
      collect(clientsFor(sandbox).vaults.vaults.listBySubscriptionId({ abortSignal: AbortSignal.timeout(200) })),
      (e: unknown) => e instanceof Error && e.name === 'AbortError',
    );
    assert.ok(Date.now() - started < 5_000);
    sandbox.setFaults(undefined);
  });

  it('is seeded: the same rate and seed inject the same pattern', async () => {
    const pattern = async (): Promise<number[]> => {
      const s = await startTestSandbox({
        randomSeed: 42,
        faults: { rate: 0.5, kinds: ['throttle'], pathPattern: VAULTS },
      });
      try {
        const c = clientsFor(s, undefined, { retryOptions: { maxRetries: 0 } });
        for (let i = 0; i < 8; i++) await collect(c.vaults.vaults.listBySubscriptionId()).catch(() => undefined);
        return s.requestLog.entries().map((e) => e.status);
      } finally {
        await s.stop();
      }
    };
    const a = await pattern();
    assert.deepEqual(await pattern(), a);
    assert.ok(a.includes(429) && a.includes(200));
  });
});
