// A change whose answer was lost, and whose job ends while the layer looks at what the service did: the layer must not
// read "nothing applied" from an item read before the job ended and a job list read after it, and send again.
import * as assert from 'node:assert/strict';
import { createBackupService } from '../../../src/azure';
import type { AzureCallLogEntry } from '../../../src/azure';
import { sandboxSession } from '../../../src/auth';
import type { Harness } from './harness';
import {
  addVm,
  itemRefOf,
  jobsOfVm,
  loseNextItemPutAnswer,
  requestsTo,
  useHarnessPerTest,
  whileAdvancing,
} from './harness';

describe('reliability: a lost answer while the job ends', function () {
  this.timeout(20_000);
  let h: Harness;
  useHarnessPerTest((x) => (h = x));

  it('undelete whose answer was lost and whose job ends during the check: one PUT, followed to Completed', async () => {
    const vm = addVm(h, 'race-undel');
    const ref = itemRefOf(h.vault, vm.name);
    await whileAdvancing(h.sandbox, () => h.service.enableProtection(h.vault, vm, 'DefaultPolicy'));
    await whileAdvancing(h.sandbox, () => h.service.stopProtection(ref, 'DeleteData'));
    const item = h.sandbox.control.snapshot().items.find((i) => i.vmKey.endsWith(`/${vm.name}`));
    assert.ok(item?.softDeletedAt !== undefined, 'soft deleted before the undelete');

    // Simulated time jumps past the Undelete job's end right after the layer's first read following the lost answer.
    let putSeen = false;
    let jumped = false;
    const onCall = (e: AzureCallLogEntry): void => {
      if (e.method === 'PUT' && e.url.includes(vm.name)) putSeen = true;
      else if (putSeen && !jumped && e.method === 'GET' && e.status === 200) {
        jumped = true;
        h.sandbox.clock.advance(60_000);
      }
    };
    const service = createBackupService(
      { ...sandboxSession(h.sandbox), credential: h.credential },
      {
        pollIntervalMs: 10,
        maxPollIntervalMs: 100,
        logger: onCall,
        retry: { retryDelayInMs: 10, maxRetryDelayInMs: 40 },
      },
    );
    const puts = requestsTo(h.sandbox, `/protectedItems/[^/]*${vm.name}$`, ['PUT']).length;
    loseNextItemPutAnswer(h, vm.name);
    const op = await whileAdvancing(h.sandbox, () => service.undelete(ref), 200);
    assert.equal(op.outcome, 'Completed', JSON.stringify(op.error));
    assert.ok(jumped, 'the clock jumped during the check');
    assert.deepEqual(
      requestsTo(h.sandbox, `/protectedItems/[^/]*${vm.name}$`, ['PUT'])
        .slice(puts)
        .map((e) => e.status),
      [0],
      'the PUT whose answer was lost is not sent again',
    );
    assert.equal(jobsOfVm(h.sandbox, vm.name, 'Undelete').length, 1);
  });
});
