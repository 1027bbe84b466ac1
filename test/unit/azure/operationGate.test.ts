import * as assert from 'node:assert/strict';
import { OperationGate } from '../../../src/azure/operations/neverTwice';

describe('the never-twice gate', () => {
  it('gives a failure to every caller of the call, then frees the key', async () => {
    const gate = new OperationGate();
    let calls = 0;
    const fail = async (): Promise<string> => {
      calls++;
      throw new Error('refused');
    };
    const first = gate.run('stop', '/Items/A', fail);
    const second = gate.run('stop', '/items/a', fail);
    await assert.rejects(first, /refused/);
    await assert.rejects(second, /refused/);
    assert.equal(calls, 1, 'ids compare without case: one call');
    assert.equal(gate.busy('stop', '/items/a'), false);
    assert.ok(gate.reserve('stop', '/items/a'));
  });

  it('keys by operation kind: a backup and a stop of one item are two calls', async () => {
    const gate = new OperationGate();
    const [a, b] = await Promise.all([
      gate.run('backup', 'i', async () => 'backup'),
      gate.run('stop', 'i', async () => 'stop'),
    ]);
    assert.deepEqual([a, b], ['backup', 'stop']);
  });
});
