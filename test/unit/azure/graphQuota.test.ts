// Pacing by Resource Graph's quota headers, on a fake clock: queries go while the quota lasts, wait for the window's
// reset once it is spent, and answers without the headers change nothing.
import * as assert from 'node:assert/strict';
import { createHttpHeaders } from '@azure/core-rest-pipeline';
import { GraphQuotaPacer, parseQuotaResetsAfter } from '../../../src/azure/operations/graphQuota';

const headers = (remaining: number, resetsAfter: string) =>
  createHttpHeaders({ 'x-ms-user-quota-remaining': String(remaining), 'x-ms-user-quota-resets-after': resetsAfter });

describe('Resource Graph quota pacing', () => {
  it('reads x-ms-user-quota-resets-after as hh:mm:ss', () => {
    assert.equal(parseQuotaResetsAfter('00:00:05'), 5000);
    assert.equal(parseQuotaResetsAfter('01:02:03'), 3_723_000);
    assert.equal(parseQuotaResetsAfter('00:00:04.5'), 4000);
    assert.equal(parseQuotaResetsAfter('5'), undefined);
    assert.equal(parseQuotaResetsAfter(undefined), undefined);
  });

  it('lets queries go while the quota lasts and holds the next one until the window resets', async () => {
    let now = 1_000_000;
    const pacer = new GraphQuotaPacer(() => now);
    await pacer.take();
    pacer.observe(headers(1, '00:00:01'));
    await pacer.take(); // the one left
    let third = false;
    const waiting = pacer.take().then(() => (third = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(third, false, 'the quota is spent: the third waits');
    now += 1000;
    await waiting;
    assert.equal(third, true);
  });

  it('ignores answers without the quota headers', async () => {
    const pacer = new GraphQuotaPacer(() => 0);
    pacer.observe(createHttpHeaders({}));
    for (let i = 0; i < 20; i++) await pacer.take();
  });
});
