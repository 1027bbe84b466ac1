import * as assert from 'node:assert/strict';
import { ResponseQueue } from '../../../src/azure/transport/responseQueue';

const queue = new ResponseQueue();
const inSlice = queue.inSlice.bind(queue);
const mapInSlices = queue.mapInSlices.bind(queue);
const startWaiting = queue.startWaiting.bind(queue);

function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    /* spin: stands for parsing a page */
  }
}

describe('the response queue', () => {
  it('maps and filters in input order, across pieces', async () => {
    const input = Array.from({ length: 1000 }, (_, i) => i);
    const out = await mapInSlices(input, (n) => (n % 3 === 0 ? undefined : n * 2));
    assert.deepEqual(
      out,
      input.filter((n) => n % 3 !== 0).map((n) => n * 2),
    );
  });

  it('leaves the loop between turns: a timer due meanwhile runs before the queue is done', async () => {
    const done: number[] = [];
    let timerSawDone = -1;
    setTimeout(() => {
      timerSawDone = done.length;
    }, 0);
    // 40 pieces of 2 ms: 80 ms of work, which one turn would have run back to back.
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        inSlice(() => {
          busy(2);
          done.push(i);
        }),
      ),
    );
    assert.ok(timerSawDone >= 0 && timerSawDone < 40, `the timer ran after ${timerSawDone} of 40 pieces`);
    assert.deepEqual(
      done,
      [...done].sort((a, b) => a - b),
      'pieces run first in, first out',
    );
  });

  it('runs the mapping of a page already parsed before new work waiting in the queue', async () => {
    const order: string[] = [];
    const parseNext = inSlice(() => {
      order.push('parse the next page');
    });
    const mapParsed = mapInSlices(['entry'], (x) => {
      order.push('map the parsed page');
      return x;
    });
    await Promise.all([parseNext, mapParsed]);
    assert.deepEqual(order, ['map the parsed page', 'parse the next page']);
  });

  it("passes a piece's error to its caller and goes on with the others", async () => {
    const failing = inSlice(() => {
      throw new Error('bad page');
    });
    const fine = inSlice(() => 42);
    await assert.rejects(failing, /bad page/);
    assert.equal(await fine, 42);
  });

  it('parses the smallest waiting body first, equal sizes in arrival order', async () => {
    const order: string[] = [];
    const parse = (name: string, size: number): Promise<void> =>
      inSlice(() => {
        order.push(name);
      }, size);
    await Promise.all([
      parse('items page', 93_000),
      parse('VM page', 264_000),
      parse('vault list', 10_000),
      parse('other items page', 93_000),
    ]);
    assert.deepEqual(order, ['vault list', 'items page', 'other items page', 'VM page']);
  });

  it('gives a turn less queued work while call starts wait for the start gate', async () => {
    // What the first turn did: how many 1 ms pieces ran, and how long it worked. Both are read so that a busy machine
    // (a piece stretched by preemption) can only make the assertions below easier to meet, never fail them.
    const firstTurn = async (): Promise<{ pieces: number; workedMs: number }> => {
      let ran = 0;
      let start = 0;
      let end = 0;
      let seen = { pieces: -1, workedMs: -1 };
      const turnEnded = new Promise<void>((resolve) =>
        setImmediate(() =>
          setImmediate(() => {
            seen = { pieces: ran, workedMs: end - start };
            resolve();
          }),
        ),
      );
      const pieces = Array.from({ length: 10 }, () =>
        inSlice(() => {
          start ||= performance.now();
          busy(1);
          ran++;
          end = performance.now();
        }),
      );
      await turnEnded;
      await Promise.all(pieces);
      return seen;
    };
    const alone = await firstTurn();
    const done = startWaiting();
    let withStarts: { pieces: number; workedMs: number };
    try {
      withStarts = await firstTurn();
    } finally {
      done();
    }
    assert.ok(
      alone.workedMs >= 7.5,
      `a turn works ~8 ms through 1 ms pieces when nothing waits (worked ${alone.workedMs.toFixed(1)} ms)`,
    );
    assert.ok(withStarts.pieces <= 2, `a turn runs ~2 ms of them while starts wait (ran ${withStarts.pieces})`);
  });
});
