// The coverage rows as the host holds them: the page asks for a window of the current filter and sort, never for
// all rows. Sorting is the costly step (50,000 rows: a few hundred ms), so one sort per key and direction is kept
// for the data's version and filters run over it in order; the last filtered view is kept for the scroll that
// follows. Pure.
import { idKey } from '../azure/ids';
import { filterRows, sortRows } from './query';
import type { CoverageFilter, CoverageRow, CoverageSort } from './types';

export interface RowWindow {
  /** The data version the rows belong to: a reply for older data is dropped by the page. */
  version: number;
  /** 0-based index of `rows[0]` in the filtered, sorted view (clamped into range). */
  offset: number;
  /** Rows in the whole filtered view. */
  total: number;
  rows: CoverageRow[];
}

function viewKey(filter: CoverageFilter, sort: CoverageSort): string {
  return JSON.stringify([
    filter.status,
    idKey(filter.subscriptionId),
    filter.location,
    filter.text,
    sort.key,
    sort.descending,
  ]);
}

export class CoverageRowStore {
  private rows: readonly CoverageRow[] = [];
  private byId = new Map<string, CoverageRow>();
  private sorted = new Map<string, CoverageRow[]>();
  private last?: { key: string; rows: CoverageRow[] };
  private current = 0;

  get version(): number {
    return this.current;
  }

  get all(): readonly CoverageRow[] {
    return this.rows;
  }

  /** New data: the cached views are dropped and the version moves on. */
  replace(rows: readonly CoverageRow[]): void {
    this.rows = rows;
    this.byId = new Map(rows.map((r) => [idKey(r.vmId), r]));
    this.sorted.clear();
    this.last = undefined;
    this.current += 1;
  }

  /** Every row the filter keeps, in the sort's order. */
  view(filter: CoverageFilter, sort: CoverageSort): CoverageRow[] {
    const key = viewKey(filter, sort);
    if (this.last?.key === key) return this.last.rows;
    const sortKey = `${sort.key}:${sort.descending}`;
    let ordered = this.sorted.get(sortKey);
    if (!ordered) this.sorted.set(sortKey, (ordered = sortRows(this.rows, sort)));
    const rows = filterRows(ordered, filter);
    this.last = { key, rows };
    return rows;
  }

  window(filter: CoverageFilter, sort: CoverageSort, offset: number, count: number): RowWindow {
    const rows = this.view(filter, sort);
    const start = Math.max(0, Math.min(offset, Math.max(0, rows.length - count)));
    return { version: this.current, offset: start, total: rows.length, rows: rows.slice(start, start + count) };
  }

  /** The unprotected VMs the filter keeps: "select all shown" across every page of the view. */
  unprotected(filter: CoverageFilter): CoverageRow[] {
    return filterRows(this.rows, filter).filter((r) => r.protection === 'NotProtected');
  }

  /** The current rows of these VMs (unknown ids left out): the page's selection after new data. */
  lookup(vmIds: readonly string[]): CoverageRow[] {
    return vmIds.map((id) => this.byId.get(idKey(id))).filter((r): r is CoverageRow => r !== undefined);
  }
}
