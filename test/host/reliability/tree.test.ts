// Faults × the tree's loads: each list the tree shows (vaults, backup items, jobs, policies, virtual machines),
// with a fault on its GET. Transient faults are absorbed (the data shows, one extra attempt, Retry-After
// honoured); lasting ones and an expired token become an error node naming the ARM code, message and request id
// with Retry, and after the fault is cleared Retry shows the data again.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { ContextValue } from '../../../src/tree/contextValues';
import type { TreeNode } from '../../../src/tree/treeNode';
import { labelOf, nodeAt, useApi } from '../ui/helpers';
import { faultConfig, type FaultName, requestsTo, useExpiredToken } from './fixtures';
import { LOADS, shows } from './treeLoads';

const FAULTS: FaultName[] = ['429', '503', 'reset', '500', '401 expired'];

describe('Reliability: faults × tree loads', function () {
  this.timeout(60_000);
  const host = useApi();
  // A failed check must not leave the expired token signed in for the tests after it.
  let expiredToRestore: { restore(): Promise<void> } | undefined;
  afterEach(async () => {
    await expiredToRestore?.restore();
    expiredToRestore = undefined;
  });

  const load = async (node: TreeNode): Promise<{ node: TreeNode; children: TreeNode[] }> => {
    await vscode.commands.executeCommand('azureBackup.refresh', node);
    return { node, children: await host.api.tree.getChildren(node) };
  };

  for (const l of LOADS) {
    describe(l.name, () => {
      for (const fault of FAULTS) {
        it(`${fault}: ${fault === '500' || fault === '401 expired' ? 'an error node with code, message, request id and Retry; Retry recovers' : 'the data shows after one bounded retry'}`, async () => {
          const { sandbox } = host;
          const target = await nodeAt(host.api, ...l.path); // the way there is expanded before the fault
          const before = requestsTo(host.api, l.key).length;
          const loggedBefore = sandbox.requestLog.entries().length;
          let result: { node: TreeNode; children: TreeNode[] };
          const expired = fault === '401 expired' ? await useExpiredToken(host.api) : undefined;
          expiredToRestore = expired;
          sandbox.setFaults(faultConfig(fault, l.key));
          try {
            result = await load(target);
          } finally {
            sandbox.setFaults(undefined);
          }
          const attempts = requestsTo(host.api, l.key).slice(before);
          if (fault !== '500' && fault !== '401 expired') {
            assert.ok(shows(result.children, l.expect), result.children.map(labelOf).join(', '));
            assert.ok(attempts.length >= 2 && attempts.length <= 3, attempts.map((a) => a.status).join(','));
            if (fault !== 'reset')
              assert.ok(
                Date.parse(attempts[1]?.at ?? '') - Date.parse(attempts[0]?.at ?? '') >= 900,
                'Retry-After honoured',
              );
            return;
          }
          const error = result.children.find((c) => c.getTreeItem().contextValue === ContextValue.error);
          assert.ok(error, `an error node: ${result.children.map(labelOf).join(', ')}`);
          const item = error.getTreeItem();
          const code = fault === '500' ? 'InternalServerError' : 'ExpiredAuthenticationToken';
          assert.strictEqual(item.description, code);
          assert.match(labelOf(error), /^Error: .+/);
          const tooltip = (item.tooltip as vscode.MarkdownString).value;
          // A load of parallel calls fails with whichever failure reaches it first (on one HTTP/2 connection, the
          // first the sandbox answered): the tooltip names the request id of one of this load's failed calls.
          const failedIds = sandbox.requestLog
            .entries()
            .slice(loggedBefore)
            .filter((e) => e.status === (fault === '500' ? 500 : 401))
            .map((e) => e.requestId);
          assert.ok(
            failedIds.some((id) => tooltip.includes(id)),
            `the tooltip names the request id of one of ${failedIds.join(', ')}: ${tooltip}`,
          );
          assert.strictEqual(item.command?.command, 'azureBackup.retry');
          if (fault === '500')
            assert.ok(attempts.length >= 2 && attempts.length <= (l.maxAttempts ?? 4), `bounded: ${attempts.length}`);
          else assert.ok(attempts.filter((a) => a.status === 401).length <= 1, 'a 401 is never retried');
          await expired?.restore();
          expiredToRestore = undefined;
          // Retry, as the error node's click does, after the fault is gone (and signed in again).
          const node = expired ? await nodeAt(host.api, ...l.path) : result.node;
          await vscode.commands.executeCommand(
            item.command.command,
            ...(expired ? [node] : (item.command.arguments ?? [])),
          );
          const children = await host.api.tree.getChildren(node);
          assert.ok(shows(children, l.expect), children.map(labelOf).join(', '));
        });
      }
    });
  }
});
