import type * as vscode from 'vscode';
import type { TreeNode } from './treeNode';

const ATTEMPTS = 3;
const SELECTION_WAIT_MS = 2_000;

/**
 * Reveals a node with the view's selection on it, and says whether the workbench selected it. The workbench drops a
 * reveal silently when it has not drawn the node yet (its refresh of the group still pending, as when the view was
 * hidden): each attempt takes the node `find` gives now and reveals it again once the workbench had time to catch up.
 */
export async function revealAndSelect(
  treeView: vscode.TreeView<TreeNode>,
  find: () => Promise<TreeNode | undefined>,
): Promise<TreeNode | undefined> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const node = await find();
    if (!node) return undefined;
    const selected = selectionOf(treeView, node.id, SELECTION_WAIT_MS);
    await treeView.reveal(node, { select: true, focus: true, expand: false });
    if (treeView.selection.some((n) => n.id === node.id) || (await selected)) return node;
  }
  return undefined;
}

/** True once the view's selection is the node (at once if it already is), false after `ms`. */
function selectionOf(treeView: vscode.TreeView<TreeNode>, id: string, ms: number): Promise<boolean> {
  const holds = (): boolean => treeView.selection.some((n) => n.id === id);
  return new Promise((resolve) => {
    const done = (value: boolean): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve(value);
    };
    const listener = treeView.onDidChangeSelection(() => holds() && done(true));
    const timer = setTimeout(() => done(holds()), ms);
  });
}
