import * as vscode from 'vscode';
import type { NodeTarget, TreeNode } from './treeNode';
import type { TreeContext } from './treeContext';
import { cancelledNode, ErrorNode } from './nodes/basicNodes';
import { RootNode } from './nodes/rootNode';
import { TreeLoads } from './treeLoads';
import { idKey } from '../azure/ids';

/**
 * The one TreeDataProvider of the extension. It caches each node's children so node instances stay stable
 * (VS Code refreshes by instance), turns failures into error nodes with "Retry" and loads the user cancelled
 * (TreeLoads: Cancel on a slow load) into "Loading cancelled" nodes, and refreshes by id so commands can update
 * the nodes their operation touched.
 */
export class BackupTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Children by parent id, with the parent instance they were loaded for (a reloaded group makes new instances). */
  private readonly children = new Map<string, { owner: TreeNode; pending: Promise<TreeNode[]> }>();
  private readonly nodes = new Map<string, TreeNode>();
  readonly root: RootNode;
  private readonly loads: TreeLoads;
  private readonly listeners: vscode.Disposable[] = [];
  /** Pending reloads of live nodes (running jobs), by node id: armed only after such a node's children loaded. */
  private readonly liveReloads = new Map<string, ReturnType<typeof setTimeout>>();
  /** How often shown running jobs are read again; tests shorten it. */
  liveIntervalMs = 10_000;

  constructor(private readonly context: TreeContext) {
    this.root = new RootNode(context);
    this.loads = new TreeLoads(context.l10n);
    this.listeners.push(
      this.loads,
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
    const cached = this.children.get(parent.id);
    // Children loaded for another instance with this id (VS Code asked the old one while its group reloaded) may
    // come from that instance's stale pages: the instance shown now loads its own.
    if (cached?.owner === parent) return cached.pending;
    const loading = this.load(parent).then((result) => {
      // A refresh may have replaced this load meanwhile: its nodes are not the ones shown.
      if (this.children.get(parent.id)?.pending === loading) {
        for (const child of result) this.nodes.set(child.id, child);
        if ((parent as TreeNode).isLive?.(result)) this.reloadLater(parent);
      }
      return result;
    });
    this.children.set(parent.id, { owner: parent, pending: loading });
    return loading;
  }

  private async load(parent: TreeNode): Promise<TreeNode[]> {
    if (!parent.getChildren) return [];
    const load = this.loads.start(parent.id, labelPath(parent));
    try {
      return await parent.getChildren(load.signal);
    } catch (error) {
      return [
        load.signal.aborted
          ? cancelledNode(parent, this.context.l10n)
          : new ErrorNode(parent, error, this.context.l10n),
      ];
    } finally {
      load.end();
    }
  }

  /**
   * One reload of a live node after liveIntervalMs. The reload only marks it changed: VS Code reads the children
   * again only while the node is expanded, and only a load that still finds running jobs arms the next one, so an
   * idle or collapsed tree makes no calls.
   */
  private reloadLater(node: TreeNode): void {
    if (this.liveReloads.has(node.id)) return;
    this.liveReloads.set(
      node.id,
      setTimeout(() => {
        this.liveReloads.delete(node.id);
        if (this.nodes.get(node.id) === node) this.refresh(node);
      }, this.liveIntervalMs),
    );
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
      this.loads.abort(() => true);
      this.cancelReloads(() => true);
      this.children.clear();
      this.nodes.clear();
      this.root.reset();
      this.changed.fire(undefined);
      return;
    }
    if (!keepNodeData) node.reset?.();
    const prefix = node.id;
    // Children are cached by id: a reloaded group's new nodes keep their ids, so what was cached below the old ones
    // (an item's recovery points under "Backup items") goes too.
    const descends = (id: string): boolean => {
      for (let n = this.nodes.get(id)?.parent; n; n = n.parent) if (n.id === prefix) return true;
      return false;
    };
    const under = (id: string): boolean =>
      id === prefix || id.startsWith(`${prefix}#`) || id.startsWith(`${prefix}/`) || descends(id);
    this.loads.abort(under);
    for (const id of [...this.children.keys()]) if (under(id)) this.children.delete(id);
    // The old nodes below may still be asked for their children before VS Code has the group's new ones.
    for (const [id, n] of this.nodes) if (id !== prefix && under(id)) n.reset?.();
    this.cancelReloads(under);
    this.changed.fire(node);
  }

  /**
   * Reload the shown nodes an operation changed: `id` is a vault's id (parts: the vault node itself, its items, jobs
   * or policies) or a subscription id (parts: its vault list, its virtual machines). The vault node goes first.
   */
  refreshResource(id: string, parts: readonly RefreshPart[]): void {
    const wanted = idKey(id);
    const touched = this.findAll((n) => {
      const part = n.target ? refreshPartOf(n.target(), wanted) : undefined;
      return part !== undefined && parts.includes(part);
    });
    const isVault = (n: TreeNode): number => (n.target?.().kind === 'vault' ? 0 : 1);
    for (const node of touched.sort((a, b) => isVault(a) - isVault(b))) this.refresh(node);
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

  private cancelReloads(matches: (id: string) => boolean): void {
    for (const [id, timer] of [...this.liveReloads]) {
      if (!matches(id)) continue;
      clearTimeout(timer);
      this.liveReloads.delete(id);
    }
  }

  dispose(): void {
    this.cancelReloads(() => true);
    for (const l of this.listeners) l.dispose();
    this.changed.dispose();
  }
}

/** What a refresh can ask to reload, by the vault or subscription it belongs to. */
export type RefreshPart = 'vault' | 'items' | 'jobs' | 'policies' | 'vaults' | 'virtualMachines' | 'recoveryPoints';

/** The part a node is of the vault or subscription `id` (lower case), if it is one. */
function refreshPartOf(target: NodeTarget, id: string): RefreshPart | undefined {
  switch (target.kind) {
    case 'vault':
    case 'items':
    case 'jobs':
    case 'policies':
      return idKey(target.vault.id) === id ? target.kind : undefined;
    case 'vaults':
    case 'virtualMachines':
      return idKey(target.subscriptionId) === id ? target.kind : undefined;
    case 'item':
      return idKey(target.item.id) === id ? 'recoveryPoints' : undefined;
    default:
      return undefined;
  }
}

/** "Subscription › Recovery Services vaults": a node's label with its parent's, to name a slow load. */
function labelPath(node: TreeNode): string {
  const label = (n: TreeNode | undefined): string => {
    const l = n?.getTreeItem().label;
    return typeof l === 'string' ? l : (l?.label ?? '');
  };
  return [label(node.parent), label(node)].filter((l) => l.length > 0).join(' › ');
}
