// A throttled answer asking for a long wait (Retry-After: 3600) in the extension: the tree and a command give up at
// once instead of holding the view or a notification for an hour, and what the user reads names the wait. The
// layer's cap itself is tested in test/sandbox/reliability/retryAfter.test.ts.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AzureBackupApi } from '../../../src/extension';
import { ContextValue } from '../../../src/tree/contextValues';
import { getApi, labelOf, nodeAt, SUB, VAULTS } from '../ui/helpers';
import { assertClearMessage, lastShown, LOCATION, requestsTo, RG, runCommand, sandboxOf } from './fixtures';
import { LOADS, shows } from './treeLoads';

const HOUR = 3600;

describe('Reliability: a long Retry-After is not waited for', function () {
  this.timeout(60_000);
  let api: AzureBackupApi;

  before(async () => { api = await getApi(); });
  afterEach(() => sandboxOf(api).setFaults(undefined));

  it('a tree list throttled for an hour: an error node at once that names the wait; Retry recovers', async () => {
    const vaults = LOADS[0];
    const node = await nodeAt(api, ...vaults.path);
    const before = requestsTo(api, vaults.key).length;
    sandboxOf(api).setFaults({ rate: 1, kinds: ['throttle'], count: 1, pathPattern: vaults.key.path, methods: ['GET'], retryAfterSeconds: HOUR });
    const started = Date.now();
    await vscode.commands.executeCommand('azureBackup.refresh', node);
    const children = await api.tree.getChildren(node);
    assert.ok(Date.now() - started < 5_000, `settled after ${Date.now() - started} ms`);
    assert.deepStrictEqual(requestsTo(api, vaults.key).slice(before).map((e) => e.status), [429], 'not retried');
    const error = children.find((c) => c.getTreeItem().contextValue === ContextValue.error);
    assert.ok(error, children.map(labelOf).join(', '));
    assert.strictEqual(error.getTreeItem().description, 'SubscriptionRequestsThrottled');
    assert.match((error.getTreeItem().tooltip as vscode.MarkdownString).value, /wait 1 hour/);
    sandboxOf(api).setFaults(undefined);
    const retry = error.getTreeItem().command;
    await vscode.commands.executeCommand(retry?.command ?? '', ...(retry?.arguments ?? []));
    assert.ok(shows(await api.tree.getChildren(node), vaults.expect));
  });

  it('a command throttled for an hour: the error shown names the wait, with code and request id', async () => {
    const shownBefore = api.log.shownCount;
    sandboxOf(api).setFaults({ rate: 1, kinds: ['throttle'], count: 1, pathPattern: '/providers/Microsoft\\.RecoveryServices/vaults/[^/]+$', methods: ['PUT'], retryAfterSeconds: HOUR });
    const started = Date.now();
    const result = await runCommand(api, 'azureBackup.createVault', await nodeAt(api, SUB, VAULTS), { name: `rel-wait-${Date.now() % 100_000}`, resourceGroup: RG, location: LOCATION });
    assert.strictEqual(result, undefined);
    assert.ok(Date.now() - started < 5_000, `gave up after ${Date.now() - started} ms`);
    const shown = lastShown(api, shownBefore);
    assertClearMessage(api, shown, 'SubscriptionRequestsThrottled');
    assert.match(shown?.text ?? '', /wait 1 hour/);
  });
});
