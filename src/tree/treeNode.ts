import type * as vscode from 'vscode';

/** The element contract of the tree: plain classes, a fresh TreeItem per call, stable ids. */
export interface TreeNode {
  readonly id: string;
  readonly parent: TreeNode | undefined;
  getTreeItem(): vscode.TreeItem;
  getChildren?(): Promise<TreeNode[]>;
  /** Drop data cached by the node itself (paged groups) before a refresh. */
  reset?(): void;
}
