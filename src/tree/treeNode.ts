import type * as vscode from 'vscode';

/** The element contract of the tree: plain classes, a fresh TreeItem per call, stable ids. */
export interface TreeNode {
  readonly id: string;
  readonly parent: TreeNode | undefined;
  getTreeItem(): vscode.TreeItem;
  /** `signal` aborts when the user cancels the load (or a refresh replaces it). */
  getChildren?(signal?: AbortSignal): Promise<TreeNode[]>;
  /** Drop data cached by the node itself (paged groups) before a refresh. */
  reset?(): void;
  /** True when the loaded children show something still changing (running jobs): the tree reloads them a while later. */
  isLive?(children: readonly TreeNode[]): boolean;
}
