import * as vscode from 'vscode';
import type { TreeNode } from './treeNode';
import type { TreeContext } from './treeContext';
import { ErrorNode } from './nodes/basicNodes';
import { RootNode } from './nodes/rootNode';

/**
 * The one TreeDataProvider of the extension. It caches each node's children so node instances stay stable
 * (VS Code refreshes by instance), turns failures into error nodes with "Retry", and refreshes by id so
 * commands can update the nodes their operation touched.
 */
export class BackupTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly children = new Map<string, Promise<TreeNode[]>>();
  private readonly nodes = new Map<string, TreeNode>();
  readonly root: RootNode;
  private readonly listeners: vscode.Disposable[] = [];

  constructor(private readonly context: TreeContext) {
    this.root = new RootNode(context);
    this.listeners.push(
      context.session.onDidChange(() => this.refresh()),
      context.jobs.onDidChange((keys) => this.refreshKeys(keys)),
    );
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent === this.root ? undefined : node.parent;
  }

  getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const parent = node ?? this.root;
    let pending = this.children.get(parent.id);
    if (!pending) {
      pending = this.load(parent);
      this.children.set(parent.id, pending);
    }
    return pending;
  }

  private async load(parent: TreeNode): Promise<TreeNode[]> {
    let result: TreeNode[];
    try {
      result = parent.getChildren ? await parent.getChildren() : [];
    } catch (error) {
      result = [new ErrorNode(parent, error, this.context.l10n)];
    }
    for (const child of result) this.nodes.set(child.id, child);
    return result;
  }

  /** A node by id, if it has been shown. */
  find(id: string): TreeNode | undefined {
    return this.nodes.get(id);
  }

  findAll(predicate: (node: TreeNode) => boolean): TreeNode[] {
    return [...this.nodes.values()].filter(predicate);
  }

  /** Reload a node's children (all when no node); `keepNodeData` keeps a paged group's loaded pages. */
  refresh(node?: TreeNode, keepNodeData = false): void {
    if (!node || node === this.root) {
      this.children.clear();
      this.nodes.clear();
      this.root.reset();
      this.changed.fire(undefined);
      return;
    }
    if (!keepNodeData) node.reset?.();
    const prefix = node.id;
    for (const id of [...this.children.keys()]) if (id === prefix || id.startsWith(`${prefix}#`) || id.startsWith(`${prefix}/`)) this.children.delete(id);
    this.changed.fire(node);
  }

  refreshById(id: string): void {
    const node = this.nodes.get(id);
    if (node) this.refresh(node);
  }

  /** Re-render (not reload) the nodes of the given resources, e.g. to show or hide a spinner. */
  private refreshKeys(keys: string[]): void {
    for (const node of this.nodes.values()) {
      const key = (node as Partial<{ resourceKey: string }>).resourceKey;
      if (key && keys.includes(key)) this.changed.fire(node);
    }
  }

  dispose(): void {
    for (const l of this.listeners) l.dispose();
    this.changed.dispose();
  }
}
