// A Resource Graph load as it arrives: counts, each session's estate (vaults, policies, resource groups) and rows
// are gathered here and handed on as partial snapshots. Counts and the estate go out at once (the totals and bulk
// enable wait on them); rows at most once per interval, so a 50,000-VM load costs the page tens of pushes, not
// thousands. Pure apart from the timer.
import { isActivelyProtected, itemProtectionStatus } from '../azure/protectionState';
import type { GraphCounts, ProtectionState } from '../azure/model';
import type { CoverageProgress, CoverageSnapshot } from './protocol';
import { coverageTotals } from './totals';
import type { CoverageRow, VaultChoice } from './types';

/** Rows are pushed at most this often while a load runs. */
export const STREAM_PUSH_INTERVAL_MS = 500;

export type PartialCoverage = Omit<CoverageSnapshot, 'signedIn' | 'focusSubscriptionId'> & {
  partial: CoverageProgress;
};

export interface SessionEstate {
  vaults: VaultChoice[];
  resourceGroups: CoverageSnapshot['resourceGroups'];
  /** Every session of the load has told its estate (this one was the last). */
  allRead: boolean;
}

export interface StreamTimer {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimer: StreamTimer = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class CoverageStream {
  private readonly rows: CoverageRow[] = [];
  private readonly vaults: VaultChoice[] = [];
  private readonly resourceGroups: CoverageSnapshot['resourceGroups'] = [];
  private counted?: CoverageProgress['counted'];
  private estateRead = false;
  private lastPush = -Infinity;
  private timer: unknown;
  private closed = false;

  constructor(
    private readonly base: { now: number; subscriptions: CoverageSnapshot['subscriptions'] },
    private readonly push: (data: PartialCoverage) => void,
    private readonly clock: StreamTimer = realTimer,
    private readonly intervalMs = STREAM_PUSH_INTERVAL_MS,
  ) {}

  /** One session's counts: added to the others', pushed at once (the totals come before any row). */
  readonly onCounts = (counts: GraphCounts): void => {
    const vms = counts.virtualMachines.reduce((n, c) => n + c.count, 0);
    const items = counts.items.reduce((n, c) => n + c.count, 0);
    const active = counts.items
      .filter((c) =>
        isActivelyProtected(itemProtectionStatus({ protectionState: c.protectionState as ProtectionState })),
      )
      .reduce((n, c) => n + c.count, 0);
    const known = this.counted ?? { vms: 0, items: 0, activeItems: 0 };
    this.counted = { vms: known.vms + vms, items: known.items + items, activeItems: known.activeItems + active };
    this.flush();
  };

  /** One session's vaults and resource groups: bulk enable can offer them once every session's are in. */
  readonly onEstate = (estate: SessionEstate): void => {
    this.vaults.push(...estate.vaults);
    this.resourceGroups.push(...estate.resourceGroups);
    this.estateRead = estate.allRead;
    this.flush();
  };

  readonly onRows = (rows: readonly CoverageRow[]): void => {
    for (const row of rows) this.rows.push(row);
    if (this.timer !== undefined || this.closed) return;
    const wait = this.lastPush + this.intervalMs - this.clock.now();
    if (wait <= 0) this.flush();
    else
      this.timer = this.clock.setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, wait);
  };

  /** No more pushes (the load ended, was replaced, or its panel closed). */
  close(): void {
    this.closed = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private flush(): void {
    if (this.closed) return;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.lastPush = this.clock.now();
    const rows = this.rows.slice();
    this.push({
      now: this.base.now,
      rows,
      totals: coverageTotals(rows),
      subscriptions: this.base.subscriptions,
      vaults: this.vaults.slice(),
      resourceGroups: this.resourceGroups.slice(),
      errors: [],
      asOf: this.base.now,
      source: 'resourceGraph',
      partial: { read: rows.length, counted: this.counted, estateRead: this.estateRead },
    });
  }
}
