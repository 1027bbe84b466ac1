// The coverage page's data as a Resource Graph load streams in, in the real extension host against the sandbox with
// its query quota made small (queries spread over seconds, as an estate of 50,000 VMs spreads them): the counts'
// totals first, then the vaults and policies (bulk enable waits for them), then rows, each pushed before the final
// data; a panel closed mid-load stops reading and pushing; a Refresh mid-load replaces the load.
import * as assert from 'assert';
import type { CoveragePanel } from '../../../src/coverage/coveragePanel';
import type { CoverageHostMessage, CoveragePageData } from '../../../src/coverage/protocol';
import { useApi } from '../ui/helpers';

const isGraph = (path: string): boolean => /Microsoft\.ResourceGraph\/resources$/i.test(path);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The data pushes of a panel from now on. */
function follow(panel: CoveragePanel): CoveragePageData[] {
  const pushes: CoveragePageData[] = [];
  panel.onDidPost((m: CoverageHostMessage) => {
    if (m.type === 'coverageData') pushes.push(m.data);
  });
  return pushes;
}

async function until(what: string, test: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe('Backup coverage streamed as it is read (host)', function () {
  this.timeout(180_000);
  const host = useApi();
  let panel: CoveragePanel | undefined;

  /** A new panel, past its handshake, its first load still running. */
  async function openPanel(): Promise<CoveragePanel> {
    panel?.dispose();
    const opened = (await host.api.run('azureBackup.showCoverage')) as CoveragePanel;
    panel = opened;
    await opened.receive({ type: 'ready' });
    return opened;
  }

  before(() => {
    // Two queries a second: the seven queries of a load take seconds, so each step arrives apart.
    host.sandbox.setGraphQuota({ requests: 2, windowMs: 1000 });
  });
  after(() => {
    host.sandbox.setGraphQuota(undefined);
    panel?.dispose();
  });

  it("pushes Resource Graph's counts first, then the vaults and policies, then rows, before the final data", async () => {
    const opened = await openPanel();
    const pushes = follow(opened);
    const final = await opened.reload();
    const partial = pushes.filter((p) => p.partial);
    const last = pushes[pushes.length - 1];
    assert.ok(partial.length >= 2, `partial pushes before the final one: ${partial.length}`);
    assert.strictEqual(last.partial, undefined, 'the final data is the last push');
    assert.deepStrictEqual(
      pushes.slice(0, pushes.length - 1).map((p) => p.partial !== undefined),
      partial.map(() => true),
      'every push before the final one says the load still runs',
    );
    const first = partial[0].partial;
    assert.strictEqual(first?.counted?.vms, final.totals.all.total, 'the totals come from the counts, first');
    assert.deepStrictEqual([first?.read, first?.estateRead, partial[0].vaults.length], [0, false, 0]);
    const estate = partial.findIndex((p) => p.partial?.estateRead);
    assert.ok(estate > 0, 'the vaults and policies are read after the counts');
    assert.ok(partial[estate].vaults.some((v) => v.name === 'contoso-vault' && v.policies.length > 0));
    assert.ok(
      partial.slice(0, estate).every((p) => p.partial?.estateRead === false && p.vaults.length === 0),
      'bulk enable waits until the estate is read',
    );
    assert.ok(
      partial.every(
        (p, i) => i === 0 || (p.version > partial[i - 1].version && p.totals.all.total <= final.rows.length),
      ),
      'each push is new data, never more than the final',
    );
  });

  it('keeps the rows shown on Refresh after a whole load, until the new data replaces them at once', async () => {
    const opened = await openPanel();
    await opened.reload();
    const pushes = follow(opened);
    const final = await opened.reload();
    assert.deepStrictEqual(
      pushes.map((p) => p.partial !== undefined),
      [false],
      'one push, with the whole new load',
    );
    assert.strictEqual(opened.snapshot, final);
  });

  it('stops reading and pushing when the panel is closed mid-load', async () => {
    const opened = await openPanel();
    const pushes = follow(opened);
    const loading = opened.reload();
    const settled = loading.then(
      () => 'resolved',
      () => 'rejected',
    );
    await until('the counts', () => pushes.length > 0);
    opened.dispose();
    panel = undefined;
    const seen = pushes.length;
    assert.strictEqual(await settled, 'rejected', 'the load ends with the panel');
    await sleep(1000); // queries already on the wire are answered
    host.sandbox.requestLog.clear();
    await sleep(4000);
    assert.strictEqual(pushes.length, seen, 'no push after the close');
    assert.deepStrictEqual(
      host.sandbox.requestLog
        .entries()
        .filter((e) => isGraph(e.path))
        .map((e) => e.detail),
      [],
      'no query after the close',
    );
  });

  it('replaces a running load on Refresh: only the new load is pushed, and its data is shown', async () => {
    const opened = await openPanel();
    const pushes = follow(opened);
    const first = opened.reload();
    await until('the first load to push', () => pushes.length > 0);
    const firstAsOf = pushes[0].asOf ?? 0;
    await sleep(5); // the new load is dated later
    const cut = pushes.length;
    await opened.receive({ type: 'refresh' });
    const shown = opened.snapshot;
    assert.ok(shown?.asOf !== undefined && shown.asOf > firstAsOf, 'the new load is the one shown');
    assert.strictEqual((await first).asOf, shown.asOf, 'who waited on the old load gets the new data');
    await sleep(2000);
    const later = pushes.slice(cut);
    assert.ok(later.length >= 2, `the new load streams: ${later.length}`);
    assert.deepStrictEqual(
      later.filter((p) => p.asOf !== shown.asOf).map((p) => p.asOf),
      [],
      "the old load's late pushes are dropped",
    );
    assert.strictEqual(later[later.length - 1].partial, undefined);
  });
});
