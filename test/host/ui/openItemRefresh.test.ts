// An item expanded in the real tree view shows the point a Backup now made without a Refresh of the view: the
// workbench, not the test, asks again for the item's children and must get the new point, for the node it shows.
import * as assert from 'assert';
import type { BackupItem, RecoveryPoint } from '../../../src/azure/model';
import type { TreeNode } from '../../../src/tree/treeNode';
import { until } from '../reliability/fixtures';
import { nodeAt, SUB, useApi, VAULTS, withFastClock } from './helpers';

const ITEM = [SUB, VAULTS, 'contoso-vault', 'Backup items', 'web-vm-01'];

interface ChildrenAsked {
  node: TreeNode;
  children: TreeNode[];
}

const expiryOf = (node: TreeNode | undefined): string | undefined =>
  (node as { point?: RecoveryPoint } | undefined)?.point?.expiry?.toISOString().slice(0, 10);

describe('An expanded backup item in the view', function () {
  this.timeout(120_000);
  const host = useApi();

  it('lists the point a Backup now made, asked again by the workbench for the node it shows', async () => {
    const tree = host.api.tree;
    // What the workbench asks of the provider and which nodes the provider says changed, in order.
    const asked: ChildrenAsked[] = [];
    const events: string[] = [];
    const short = (node: TreeNode | undefined): string => node?.id.split(/[/#;]/).at(-1) ?? 'root';
    const original = tree.getChildren.bind(tree);
    tree.getChildren = async (node?: TreeNode) => {
      const children = await original(node);
      if (node) asked.push({ node, children });
      events.push(`asked ${short(node)}: ${children.length}`);
      return children;
    };
    const listening = tree.onDidChangeTreeData((node) =>
      events.push(`changed ${short(node)}${node && tree.find(node.id) !== node ? ' (not the shown node)' : ''}`),
    );
    // Waits until neither the workbench asks nor the provider announces anything for a second (earlier suites' jobs
    // and refreshes settle first, so the backup below is what the view answers to).
    const quiet = async (): Promise<void> => {
      for (let seen = -1, end = Date.now() + 30_000; seen !== events.length && Date.now() < end;) {
        seen = events.length;
        await new Promise((r) => setTimeout(r, 1_000));
      }
    };
    try {
      await quiet();
      // Asked after the refresh: by it if the item is still expanded from earlier suites, else by the reveal.
      const revealMark = asked.length;
      tree.refresh();
      await quiet();
      const item = await nodeAt(host.api, ...ITEM);
      await host.api.treeView.reveal(item, { expand: true, select: false, focus: false });
      await until(
        () => asked.slice(revealMark).some((a) => a.node.id === item.id),
        'the workbench to expand the item',
        10_000,
      );
      await quiet();
      const before = asked.filter((a) => a.node.id === item.id).at(-1)!.children.length;

      const mark = asked.length;
      const eventMark = events.length;
      const retainUntil = new Date(Date.now() + 25 * 86_400_000).toISOString().slice(0, 10);
      const outcome = (await withFastClock(host.api, () =>
        host.api.run('azureBackup.backupNow', item, { retainUntil }),
      )) as { operation?: { outcome: string } };
      assert.strictEqual(outcome.operation?.outcome, 'Completed');

      const newPointShown = (): ChildrenAsked | undefined =>
        asked
          .slice(mark)
          .find(
            (a) => a.node.id === item.id && a.children.length === before + 1 && expiryOf(a.children[0]) === retainUntil,
          );
      await until(() => newPointShown() !== undefined, 'the new point', 30_000).catch(() => {
        throw new Error(`The workbench was not given the new point: ${events.slice(eventMark).join('; ')}`);
      });
      // Once the view is quiet, the node it shows is the one last asked for: the provider must hold that very
      // instance, so that later refreshes by id (the spinner, Restore's refresh of the item) reach it.
      await quiet();
      const shown = asked.filter((a) => a.node.id === item.id).at(-1)!;
      assert.strictEqual(shown.children.length, before + 1);
      assert.strictEqual(tree.find(item.id), shown.node, 'the provider holds the instance shown');
      const again = asked.length;
      tree.refreshResource((shown.node as unknown as { item: BackupItem }).item.id, ['recoveryPoints']);
      await until(() => asked.slice(again).some((a) => a.node === shown.node), 'a refresh by id to reach it', 10_000);
    } finally {
      listening.dispose();
      delete (tree as Partial<typeof tree>).getChildren;
    }
  });
});
