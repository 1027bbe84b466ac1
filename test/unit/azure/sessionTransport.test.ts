import * as assert from 'node:assert/strict';
import type { AzureSession } from '../../../src/azure/session';
import { transportFor } from '../../../src/azure/transport/sessionTransport';

function session(): AzureSession {
  return {
    environment: {
      name: 'test',
      resourceManagerEndpoint: 'https://localhost:1',
      tokenScope: 'https://localhost:1/.default',
    } as AzureSession['environment'],
    credential: { getToken: () => Promise.resolve(null) },
  };
}

/** Fills the gate's starts of this turn; resolves still in this turn. */
async function useTurnsStarts(gate: { slot(): Promise<void> }): Promise<void> {
  await Promise.all([gate.slot(), gate.slot(), gate.slot()]);
}

describe('the scheduling state of a session', () => {
  it('is one per session: the sign-in and the service of a session share it, another session has its own', () => {
    const first = session();
    assert.equal(transportFor(first), transportFor(first));
    assert.notEqual(transportFor(first).gate, transportFor(session()).gate);
    assert.notEqual(transportFor(first).queue, transportFor(session()).queue);
  });

  it("a session whose starts of this turn are spent does not hold back another session's fan-out", async () => {
    const busy = transportFor(session());
    const other = transportFor(session());
    const order: string[] = [];
    setImmediate(() => order.push('next turn'));
    await useTurnsStarts(busy.gate);
    await Promise.all([
      busy.mapWithConcurrency(['busy session'], 1, async (name) => {
        order.push(name);
      }),
      other.mapWithConcurrency(['other session'], 1, async (name) => {
        order.push(name);
      }),
    ]);
    assert.deepEqual(order, ['other session', 'next turn', 'busy session']);
  });
});
