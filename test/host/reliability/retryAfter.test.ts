// A throttled answer asking for a long wait (Retry-After: 3600) in the extension: the tree and a command give up at
// once instead of holding the view or a notification for an hour, and what the user reads names the wait. The
// layer's cap itself is tested in test/sandbox/reliability/retryAfter.test.ts.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { ContextValue } from '../../../src/tree/contextValues';
import { labelOf, nodeAt, SUB, useApi, VAULTS } from '../ui/helpers';
import { assertClearMessage, lastShown, LOCATION, requestsTo, RG, runCommand } from './fixtures';
import { LOADS, shows } from './treeLoads';

const HOUR = 3600;

describe('Reliability: a long Retry-After is not waited for', function () {
  this.timeout(60_000);
  const host = useApi();

  it('a tree list throttled for an hour: an error node at once that names the wait; Retry recovers', async () => {
    const vaults = LOADS[0];
    const node = await nodeAt(host.api, ...vaults.path);
    const before = requestsTo(host.api, vaults.key).length;
    host.sandbox.setFaults({
      rate: 1,
      kinds: ['throttle'],
      count: 1,
      pathPattern: vaults.key.path,
      methods: ['GET'],
      retryAfterSeconds: HOUR,
    });
    const started = Date.now();
    await vscode.commands.executeCommand('azureBackup.refresh', node);
    const children = await host.api.tree.getChildren(node);
    assert.ok(Date.now() - started < 5_000, `settled after ${Date.now() - started} ms`);
    assert.deepStrictEqual(
      requestsTo(host.api, vaults.key)
        .slice(before)
        .map((e) => e.status),
      [429],
      'not retried',
    );
    const error = children.find((c) => c.getTreeItem().contextValue === ContextValue.error);
    assert.ok(error, children.map(labelOf).join(', '));
    assert.strictEqual(error.getTreeItem().description, 'SubscriptionRequestsThrottled');
    assert.match((error.getTreeItem().tooltip as vscode.MarkdownString).value, /wait 1 hour/);
    host.sandbox.setFaults(undefined);
    const retry = error.getTreeItem().command;
    await vscode.commands.executeCommand(retry?.command ?? '', ...(retry?.arguments ?? []));
    assert.ok(shows(await host.api.tree.getChildren(node), vaults.expect));
  });

  it('a command throttled for an hour: the error shown names the wait, with code and request id', async () => {
    const shownBefore = host.api.log.shownCount;
    host.sandbox.setFaults({
      rate: 1,
      kinds: ['throttle'],
      count: 1,
      pathPattern: '/providers/Microsoft\\.RecoveryServices/vaults/[^/]+$',
      methods: ['PUT'],
      retryAfterSeconds: HOUR,
    });
    const started = Date.now();
    const result = await runCommand(host.api, 'azureBackup.createVault', await nodeAt(host.api, SUB, VAULTS), {
      name: `rel-wait-${Date.now() % 100_000}`,
      resourceGroup: RG,
      location: LOCATION,
    });
    assert.strictEqual(result, undefined);
    assert.ok(Date.now() - started < 5_000, `gave up after ${Date.now() - started} ms`);
    const shown = lastShown(host.api, shownBefore);
    assertClearMessage(host.api, shown, 'SubscriptionRequestsThrottled');
    assert.match(shown?.text ?? '', /wait 1 hour/);
  });
});
