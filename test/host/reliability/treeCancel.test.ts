// A stalled tree load, cancelled by the user: each list the tree shows stalls on its request; after a short
// delay a cancellable notification offers Cancel, pressed through the API (what its button does). The node
// then shows "Loading cancelled" with Retry and no error, the stalled request was aborted (the sandbox logs
// the client's close as 499 and never answers it), the rest of the tree still loads, and Retry after the
// fault is cleared shows the data.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AzureBackupApi } from '../../../src/extension';
import { ContextValue } from '../../../src/tree/contextValues';
import { SLOW_LOAD_MS } from '../../../src/tree/treeLoads';
import { labelOf, nodeAt, useApi } from '../ui/helpers';
import { faultConfig, requestsTo, until } from './fixtures';
import { LOADS, shows } from './treeLoads';

/** Longer than the delay before Cancel is offered plus the cancel, short enough to wait out in each cell. */
const STALL_MS = SLOW_LOAD_MS + 1500;

const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Presses Cancel on the progress notification as soon as one shows; returns how long that took. */
async function cancelWhenOffered(api: AzureBackupApi, since: number): Promise<number> {
  while (Date.now() - since < STALL_MS) {
    if (api.cancelProgress() > 0) return Date.now() - since;
    await delay(50);
  }
  throw new Error('no cancellable notification while the load stalled');
}

describe('Reliability: a stalled tree load, cancelled by the user', function () {
  this.timeout(60_000);
  const host = useApi();

  for (const l of LOADS) {
    it(`${l.name}: Cancel offered after ${SLOW_LOAD_MS} ms; the node says "cancelled", the request is aborted, Retry recovers`, async () => {
      const { sandbox } = host;
      const target = await nodeAt(host.api, ...l.path); // the way there is expanded before the fault
      const shownBefore = host.api.log.shownCount;
      sandbox.setFaults({ ...faultConfig('stall+cancel', l.key), stallMs: STALL_MS });
      const stalledAt = Date.now();
      await vscode.commands.executeCommand('azureBackup.refresh', target);
      const loading = host.api.tree.getChildren(target);

      const offeredAfter = await cancelWhenOffered(host.api, stalledAt);
      assert.ok(offeredAfter >= SLOW_LOAD_MS - 50, `Cancel offered only once the load is slow (${offeredAfter} ms)`);
      const children = await loading;
      const cancelledAt = Date.now();
      assert.ok(cancelledAt - stalledAt < STALL_MS, 'the node settled before the stall would have ended');
      assert.deepStrictEqual(
        children.map((c) => c.getTreeItem().contextValue),
        [ContextValue.cancelled],
        children.map(labelOf).join(', '),
      );
      const item = children[0].getTreeItem();
      assert.match(labelOf(children[0]), /cancelled/i);
      assert.strictEqual(item.command?.command, 'azureBackup.retry');
      assert.strictEqual(host.api.log.shownCount, shownBefore, 'cancelling shows no error');
      // The stalled request was aborted: the sandbox saw the client close it (requests the stall window started).
      const stalled = (): number[] =>
        requestsTo(host.api, l.key)
          .filter((e) => Date.parse(e.at) >= stalledAt && Date.parse(e.at) < cancelledAt)
          .map((e) => e.status);
      await until(() => stalled().length > 0, 'the sandbox logs the closed request');
      assert.deepStrictEqual(stalled(), [499]);

      // The rest of the tree is still usable meanwhile.
      const other = LOADS.find((o) => o.path.length === 2 && o.path[1] !== l.path[1]) ?? LOADS[0];
      const otherNode = await nodeAt(host.api, ...other.path);
      await vscode.commands.executeCommand('azureBackup.refresh', otherNode);
      assert.ok(shows(await host.api.tree.getChildren(otherNode), other.expect), `${other.name} still loads`);

      // Retry (the cancelled node's click) once the fault is gone shows the data.
      sandbox.setFaults(undefined);
      await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
      const again = await host.api.tree.getChildren(target);
      assert.ok(shows(again, l.expect), again.map(labelOf).join(', '));

      // No late answer: once the stall is over, the stalled request is still only the aborted one.
      await delay(Math.max(0, stalledAt + STALL_MS + 300 - Date.now()));
      assert.deepStrictEqual(stalled(), [499], 'the stalled request was never answered');
    });
  }
});
