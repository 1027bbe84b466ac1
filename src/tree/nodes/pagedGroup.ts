import type * as vscode from 'vscode';
import type { Page, PageOptions } from '../../azure/backupService';
import type { NodeTarget, TreeNode } from '../treeNode';
import { LoadMoreNode, MessageNode } from './basicNodes';
import type { TreeContext } from '../treeContext';
import { type ItemOptions, makeTreeItem } from '../treeItems';

/** Keeps the pages loaded so far for a group node; "Load more" asks for the next one. */
export class PagedChildren<T> {
  private items: T[] = [];
  private token: string | undefined;
  private loaded = false;

  constructor(private readonly fetch: (options: PageOptions) => Promise<Page<T>>) {}

  reset(): void {
    this.items = [];
    this.token = undefined;
    this.loaded = false;
  }

  /** The nodes of the pages loaded so far (the first page is fetched on first use; `signal` cancels that). */
  async nodes(
    owner: TreeNode,
    context: TreeContext,
    toNode: (item: T) => TreeNode,
    signal?: AbortSignal,
  ): Promise<TreeNode[]> {
    if (!this.loaded) await this.loadMore(context.pageSize, signal);
    const nodes = this.items.map(toNode);
    if (this.token) nodes.push(new LoadMoreNode(owner, context.l10n));
    return nodes;
  }

  async loadMore(pageSize: number, signal?: AbortSignal): Promise<void> {
    if (this.loaded && !this.token) return;
    const page = await this.fetch({ continuationToken: this.token, maxItems: pageSize, signal });
    this.items = [...this.items, ...page.items];
    this.token = page.continuationToken;
    this.loaded = true;
  }

  /** True once the first page has come. */
  get isLoaded(): boolean {
    return this.loaded;
  }

  get all(): readonly T[] {
    return this.items;
  }
}

/** A node whose children come in pages. */
export interface PagedNode extends TreeNode {
  loadMore(): Promise<void>;
}

export function isPagedNode(node: unknown): node is PagedNode {
  return (
    typeof node === 'object' &&
    node !== null &&
    typeof (node as Partial<PagedNode>).loadMore === 'function' &&
    typeof (node as Partial<PagedNode>).id === 'string'
  );
}

/** How a group row looks (everything of its tree item but the id). */
export type GroupLook = Omit<ItemOptions, 'id'>;

/**
 * A group row whose children are one listing read a page at a time: "Load more" for the next page, a message row
 * when the listing is empty. Subclasses say what to list, how an entry becomes a node, and how the row looks.
 */
export abstract class PagedGroupNode<T> implements PagedNode {
  abstract readonly parent: TreeNode;
  protected readonly pages: PagedChildren<T>;

  constructor(
    readonly id: string,
    protected readonly context: TreeContext,
    fetch: (options: PageOptions) => Promise<Page<T>>,
  ) {
    this.pages = new PagedChildren(fetch);
  }

  abstract target(): NodeTarget;
  protected abstract look(): GroupLook;
  protected abstract childNode(item: T): TreeNode;
  /** The row shown in place of children when the listing is empty. */
  protected abstract emptyMessage(): string;

  /** The loaded children in the order shown (as listed, unless a group orders them). */
  protected arrange(nodes: TreeNode[]): TreeNode[] {
    return nodes;
  }

  getTreeItem(): vscode.TreeItem {
    return makeTreeItem({ id: this.id, collapsible: true, ...this.look() });
  }

  reset(): void {
    this.pages.reset();
  }

  loadMore(): Promise<void> {
    return this.pages.loadMore(this.context.pageSize);
  }

  async getChildren(signal?: AbortSignal): Promise<TreeNode[]> {
    const nodes = this.arrange(await this.pages.nodes(this, this.context, (item) => this.childNode(item), signal));
    return nodes.length > 0 ? nodes : [new MessageNode(this, `${this.id}#empty`, this.emptyMessage())];
  }
}
