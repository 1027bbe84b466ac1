import * as assert from 'node:assert/strict';
import { inSlice, mapInSlices } from '../../../src/azure/yieldToLoop';

function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) { /* spin: stands for parsing a page */ }
}

describe('the response queue', () => {
  it('maps and filters in input order, across pieces', async () => {
    const input = Array.from({ length: 1000 }, (_, i) => i);
    const out = await mapInSlices(input, (n) => (n % 3 === 0 ? undefined : n * 2));
    assert.deepEqual(out, input.filter((n) => n % 3 !== 0).map((n) => n * 2));
  });

  it('leaves the loop between turns: a timer due meanwhile runs before the queue is done', async () => {
    const done: number[] = [];
    let timerSawDone = -1;
    setTimeout(() => { timerSawDone = done.length; }, 0);
    // 40 pieces of 2 ms: 80 ms of work, which one turn would have run back to back.
    await Promise.all(Array.from({ length: 40 }, (_, i) => inSlice(() => { busy(2); done.push(i); })));
    assert.ok(timerSawDone >= 0 && timerSawDone < 40, `the timer ran after ${timerSawDone} of 40 pieces`);
    assert.deepEqual(done, [...done].sort((a, b) => a - b), 'pieces run first in, first out');
  });

  it('runs the mapping of a page already parsed before new work waiting in the queue', async () => {
    const order: string[] = [];
    const parseNext = inSlice(() => { order.push('parse the next page'); });
    const mapParsed = mapInSlices(['entry'], (x) => { order.push('map the parsed page'); return x; });
    await Promise.all([parseNext, mapParsed]);
    assert.deepEqual(order, ['map the parsed page', 'parse the next page']);
  });

  it("passes a piece's error to its caller and goes on with the others", async () => {
    const failing = inSlice(() => { throw new Error('bad page'); });
    const fine = inSlice(() => 42);
    await assert.rejects(failing, /bad page/);
    assert.equal(await fine, 42);
  });
});
