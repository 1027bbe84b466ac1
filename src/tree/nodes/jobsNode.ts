import type * as vscode from 'vscode';
import type { BackupJob } from '../../azure/model';
import type { NodeTarget, TreeNode } from '../treeNode';
import type { TreeContext } from '../treeContext';
import { ContextValue } from '../contextValues';
import { sortJobs } from '../../presentation/describe';
import { isJobRunning } from '../../azure/convert/jobs';
import { childNodeId } from '../nodeIds';
import { makeTreeItem } from '../treeItems';
import { addDays } from '../../presentation/time';
import { MessageNode } from './basicNodes';
import { JobNode } from './jobNode';
import { PagedChildren, type PagedNode } from './pagedGroup';
import type { VaultNode } from './vaultNode';

/** "Backup jobs" of the last 24 hours, running ones first. */
export class JobsNode implements PagedNode {
  readonly id: string;
  private readonly pages: PagedChildren<BackupJob>;

  constructor(
    readonly parent: VaultNode,
    private readonly context: TreeContext,
  ) {
    this.id = childNodeId(parent.id, 'jobs');
    this.pages = new PagedChildren(async (options) => {
      const service = await context.session.service(parent.subscriptionId);
      const now = context.now();
      return service.listJobs(parent.ref, { startTime: addDays(now, -1), endTime: now }, options);
    });
  }

  target(): NodeTarget {
    return { kind: 'jobs', vault: this.parent.vault };
  }

  getTreeItem(): vscode.TreeItem {
    const { l10n } = this.context;
    return makeTreeItem({
      id: this.id,
      label: l10n.t('Backup jobs'),
      description: l10n.t('last 24 hours'),
      icon: 'history',
      contextValue: ContextValue.backupJobs,
      collapsible: true,
    });
  }

  reset(): void {
    this.pages.reset();
  }

  /** Running jobs are read again while shown (progress, time); finished ones do not change. */
  isLive(children: readonly TreeNode[]): boolean {
    return children.some((n) => n instanceof JobNode && isJobRunning(n.job.status));
  }

  loadMore(): Promise<void> {
    return this.pages.loadMore(this.context.pageSize);
  }

  async getChildren(signal?: AbortSignal): Promise<TreeNode[]> {
    const nodes = await this.pages.nodes(
      this,
      this.context,
      (job) => new JobNode(this, job, this.parent.tenantId, this.context),
      signal,
    );
    const jobs = nodes.filter((n): n is JobNode => n instanceof JobNode);
    const rest = nodes.filter((n) => !(n instanceof JobNode));
    const sorted = sortJobs(jobs.map((n) => n.job)).map((job) => jobs.find((n) => n.job === job)!);
    const result = [...sorted, ...rest];
    const { l10n } = this.context;
    return result.length > 0
      ? result
      : [new MessageNode(this, `${this.id}#empty`, l10n.t('No jobs in the last 24 hours.'))];
  }
}
