import type { Page, PageOptions } from '../../azure/backupService';
import type { TreeNode } from '../treeNode';
import { LoadMoreNode } from './basicNodes';
import type { TreeContext } from '../treeContext';

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
