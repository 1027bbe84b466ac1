import type { L10n } from '../presentation/describe';
import type { AccountSession } from '../session/session';
import type { JobTracker } from '../ui/jobTracker';

/** What nodes need from the outside world, injected from activate(). */
export interface TreeContext {
  session: AccountSession;
  jobs: JobTracker;
  l10n: L10n;
  /** The display language (vscode.env.language), for dates in tooltips; English when absent. */
  locale?: string;
  now(): Date;
  /** Items per page before "Load more". */
  pageSize: number;
}
