import type * as vscode from 'vscode';
import type { BackupJob } from '../../azure/model';
import type { NodeTarget, TreeNode } from '../treeNode';
import type { TreeContext } from '../treeContext';
import { ContextValue } from '../contextValues';
import { jobDescription, jobIcon, jobStatusLabel, operationLabel } from '../../presentation/describe';
import { resourceNodeId } from '../nodeIds';
import { makeTooltip, makeTreeItem } from '../treeItems';
import { formatDateTime } from '../../presentation/time';

export class JobNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: TreeNode,
    readonly job: BackupJob,
    readonly tenantId: string,
    private readonly context: TreeContext,
  ) {
    this.id = resourceNodeId(tenantId, job.id);
  }

  get subscriptionId(): string {
    return this.job.subscriptionId;
  }

  target(): NodeTarget {
    return { kind: 'job', job: this.job };
  }

  getTreeItem(): vscode.TreeItem {
    const { l10n } = this.context;
    const job = this.job;
    const label = l10n.t('{0} · {1}', operationLabel(job.operation, l10n), job.entityFriendlyName);
    const running = job.status === 'InProgress' && job.cancellable;
    return makeTreeItem({
      id: this.id,
      label,
      description: jobDescription(job, l10n, this.context.now()),
      icon: jobIcon(job),
      iconColor:
        job.status === 'Failed' ? 'errorForeground' : job.status === 'Completed' ? 'testing.iconPassed' : undefined,
      contextValue: running ? ContextValue.jobCancellable : ContextValue.job,
      tooltip: makeTooltip(label, [
        [l10n.t('Status'), jobStatusLabel(job, l10n)],
        [l10n.t('Started'), job.startTime && formatDateTime(job.startTime, this.context.locale ?? 'en')],
        [l10n.t('Ended'), job.endTime && formatDateTime(job.endTime, this.context.locale ?? 'en')],
        [l10n.t('Error'), job.errorMessage],
        [l10n.t('Error code'), job.errorCode],
        [l10n.t('Job id'), job.name],
      ]),
      command: { command: 'azureBackup.showJob', title: l10n.t('Show job details'), arguments: [this] },
      accessibleLabel: l10n.t('Job {0}, {1}', label, jobDescription(job, l10n, this.context.now())),
    });
  }
}
