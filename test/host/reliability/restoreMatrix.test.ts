// The fault matrix's restore cells: a restore to a new VM through the command (what a click does) with one fault on
// its POST. A restore must never make two VMs: a throttled or unavailable answer is retried (the service did
// nothing), a lost answer is followed to the job the service started, a connection reset before the service
// answered is reported (the request may have been applied) instead of resent, and a failed operation is told with
// its code. Each cell then runs the same restore again, fault cleared, and ends with exactly one VM of its name.
import * as assert from 'assert';
import type { RestoreOutcome } from '../../../src/commands/restore';
import type { TreeNode } from '../../../src/tree/treeNode';
import { newVmRestore, nodeAt, SUB, useApi, VAULTS } from '../ui/helpers';
import {
  assertClearMessage,
  faultConfig,
  type FaultName,
  type KeyRequest,
  lastShown,
  requestsTo,
  runCommand,
} from './fixtures';

const RESTORE_POST: KeyRequest = { method: 'POST', path: '/recoveryPoints/[^/]+/restore$' };

type RestoreFault = FaultName | 'lost answer';

interface Expect {
  /** The command's first run succeeds (the fault was absorbed) … */
  succeeds: boolean;
  /** … with this many POSTs sent for it (the lost answer's and reset's are not sent again). */
  posts?: number;
  /** The code the user reads when it does not. */
  code?: string;
}

const CELLS: [RestoreFault, Expect][] = [
  ['429', { succeeds: true, posts: 2 }],
  ['503', { succeeds: true, posts: 2 }],
  ['lost answer', { succeeds: true, posts: 1 }],
  ['500', { succeeds: false, code: 'InternalServerError' }],
  ['reset', { succeeds: false, posts: 1, code: 'ResponseLost' }],
  ['op Failed', { succeeds: false, code: 'BMSUserErrorOperationFailed' }],
];

describe('Reliability: faults × restore through the command', function () {
  this.timeout(120_000);
  const host = useApi();
  let count = 0;

  const vmsNamed = (name: string): number => host.sandbox.control.snapshot().vms.filter((v) => v.name === name).length;
  const pointNode = async (): Promise<TreeNode> => {
    const item = await nodeAt(host.api, SUB, VAULTS, 'contoso-vault', 'Backup items', 'web-vm-01');
    host.api.tree.refresh(item);
    const [point] = await host.api.tree.getChildren(item);
    assert.ok(point);
    return point;
  };

  for (const [fault, expect] of CELLS) {
    it(`${fault}: ${expect.succeeds ? 'one VM, no error' : `a clear message (${expect.code}), nothing made, then one VM`}`, async () => {
      const vmName = `rm${Date.now() % 100_000}${++count}`; // a Windows VM's name: at most 15 characters
      const request = newVmRestore(vmName);
      const point = await pointNode();
      const shownBefore = host.api.log.shownCount;
      const before = requestsTo(host.api, RESTORE_POST).length;
      host.sandbox.setFaults(
        fault === 'lost answer'
          ? { rate: 1, kinds: ['dropResponse'], count: 1, pathPattern: RESTORE_POST.path, methods: ['POST'] }
          : faultConfig(fault, RESTORE_POST),
      );
      let result: RestoreOutcome | undefined;
      try {
        result = await runCommand<RestoreOutcome>(host.api, 'azureBackup.restore', point, { request });
      } finally {
        host.sandbox.setFaults(undefined);
      }
      const posts = requestsTo(host.api, RESTORE_POST).slice(before);
      const shown = lastShown(host.api, shownBefore);
      if (expect.posts !== undefined)
        assert.strictEqual(posts.length, expect.posts, `POSTs: ${posts.map((p) => p.status).join(',')}`);
      if (expect.succeeds) {
        assert.strictEqual(shown, undefined, `no error shown: ${shown?.text}`);
        assert.strictEqual(result?.operation?.outcome, 'Completed', JSON.stringify(result));
        assert.strictEqual(vmsNamed(vmName), 1, 'exactly one new VM');
        return;
      }
      assert.strictEqual(result, undefined, 'the wrapper returns nothing on failure');
      if (fault === 'reset') {
        // No answer came, so there is no request id to show; the message says the request may have been applied.
        assert.ok(shown, 'an error was shown');
        assert.strictEqual(shown.code, 'ResponseLost', shown.text);
        assert.match(shown.text, /may have been applied/);
      } else assertClearMessage(host.api, shown, expect.code ?? '?');
      assert.strictEqual(vmsNamed(vmName), 0, 'no VM made');
      // Recovery: the same restore, fault cleared, makes the VM once.
      const again = await runCommand<RestoreOutcome>(host.api, 'azureBackup.restore', await pointNode(), { request });
      assert.strictEqual(again?.operation?.outcome, 'Completed', JSON.stringify(host.api.log.shownErrors().at(-1)));
      assert.strictEqual(vmsNamed(vmName), 1, 'exactly one new VM');
    });
  }
});
