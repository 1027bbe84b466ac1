import * as assert from 'assert';
import { CoverageStream, type PartialCoverage, type StreamTimer } from '../../../src/coverage/coverageStream';
import { NOW, row } from './fixtures';

/** A clock moved by hand, its timers run when it passes them. */
function manualClock(): StreamTimer & { advance(ms: number): void } {
  let now = 0;
  let timers: { at: number; fn: () => void }[] = [];
  return {
    now: () => now,
    setTimeout: (fn, ms) => {
      const timer = { at: now + ms, fn };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (handle) => {
      timers = timers.filter((t) => t !== handle);
    },
    advance(ms) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.fn();
    },
  };
}

function streamOf(): { stream: CoverageStream; pushes: PartialCoverage[]; clock: ReturnType<typeof manualClock> } {
  const pushes: PartialCoverage[] = [];
  const clock = manualClock();
  const stream = new CoverageStream({ now: NOW, subscriptions: [] }, (p) => pushes.push(p), clock, 500);
  return { stream, pushes, clock };
}

describe('coverage stream', () => {
  it('pushes the counts at once, added up over sessions, with the items that have scheduled backups', () => {
    const { stream, pushes } = streamOf();
    stream.onCounts({
      virtualMachines: [{ subscriptionId: 'a', location: 'westeurope', count: 30 }],
      items: [
        { protectionState: 'Protected', count: 10 },
        { protectionState: 'IRPending', count: 2 },
        { protectionState: 'ProtectionStopped', count: 3 },
      ],
    });
    stream.onCounts({ virtualMachines: [{ subscriptionId: 'b', location: 'northeurope', count: 20 }], items: [] });
    assert.deepStrictEqual(
      pushes.map((p) => p.partial),
      [
        { read: 0, counted: { vms: 30, items: 15, activeItems: 12 }, estateRead: false },
        { read: 0, counted: { vms: 50, items: 15, activeItems: 12 }, estateRead: false },
      ],
    );
  });

  it('pushes rows at most once per interval, the last ones when the interval ends', () => {
    const { stream, pushes, clock } = streamOf();
    stream.onRows([row('a')]);
    stream.onRows([row('b')]);
    clock.advance(100);
    stream.onRows([row('c')]);
    assert.deepStrictEqual(
      pushes.map((p) => p.rows.length),
      [1],
    );
    clock.advance(400);
    assert.deepStrictEqual(
      pushes.map((p) => [p.rows.length, p.totals.all.total, p.partial.read]),
      [
        [1, 1, 1],
        [3, 3, 3],
      ],
    );
    assert.notStrictEqual(pushes[0].rows, pushes[1].rows, 'each push has its own rows');
  });

  it('says the estate is read once the last session told hers, and pushes nothing after close', () => {
    const { stream, pushes, clock } = streamOf();
    const vault = {
      id: 'v',
      name: 'v',
      resourceGroup: 'rg',
      subscriptionId: 'a',
      location: 'westeurope',
      policies: [],
    };
    stream.onEstate({ vaults: [vault], resourceGroups: [], allRead: false });
    stream.onEstate({ vaults: [], resourceGroups: [{ subscriptionId: 'a', names: ['rg'] }], allRead: true });
    assert.deepStrictEqual(
      pushes.map((p) => [p.partial.estateRead, p.vaults.length, p.resourceGroups.length]),
      [
        [false, 1, 0],
        [true, 1, 1],
      ],
    );
    stream.onRows([row('a')]);
    stream.onRows([row('b')]);
    stream.close();
    clock.advance(1000);
    stream.onRows([row('c')]);
    assert.strictEqual(pushes.length, 2);
  });
});
