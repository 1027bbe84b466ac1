import type { BackupJob } from '../../azure/model';
import type { NodeTarget, TreeNode } from '../treeNode';
import type { TreeContext } from '../treeContext';
import { ContextValue } from '../contextValues';
import { sortJobs } from '../../presentation/describe';
import { isJobRunning } from '../../azure/convert/jobs';
import { childNodeId } from '../nodeIds';
import { addDays } from '../../presentation/time';
import { JobNode } from './jobNode';
import { type GroupLook, PagedGroupNode } from './pagedGroup';
import type { VaultNode } from './vaultNode';

/** "Backup jobs" of the last 24 hours, running ones first. */
export class JobsNode extends PagedGroupNode<BackupJob> {
  constructor(
    readonly parent: VaultNode,
    context: TreeContext,
  ) {
    super(childNodeId(parent.id, 'jobs'), context, async (options) => {
      const service = await context.session.service(parent.subscriptionId);
      const now = context.now();
      return service.listJobs(parent.ref, { startTime: addDays(now, -1), endTime: now }, options);
    });
  }

  target(): NodeTarget {
    return { kind: 'jobs', vault: this.parent.vault };
  }

  protected look(): GroupLook {
    const { l10n } = this.context;
    return {
      label: l10n.t('Backup jobs'),
      description: l10n.t('last 24 hours'),
      icon: 'history',
      contextValue: ContextValue.backupJobs,
    };
  }

  /** Running jobs are read again while shown (progress, time); finished ones do not change. */
  isLive(children: readonly TreeNode[]): boolean {
    return children.some((n) => n instanceof JobNode && isJobRunning(n.job.status));
  }

  protected childNode(job: BackupJob): TreeNode {
    return new JobNode(this, job, this.parent.tenantId, this.context);
  }

  /** Jobs in the order people look for them (running first); "Load more" stays last. */
  protected override arrange(nodes: TreeNode[]): TreeNode[] {
    const jobs = nodes.filter((n): n is JobNode => n instanceof JobNode);
    const rest = nodes.filter((n) => !(n instanceof JobNode));
    const sorted = sortJobs(jobs.map((n) => n.job)).map((job) => jobs.find((n) => n.job === job)!);
    return [...sorted, ...rest];
  }

  protected emptyMessage(): string {
    return this.context.l10n.t('No jobs in the last 24 hours.');
  }
}
