// Filtering, sorting and paging of the coverage rows: the page runs them on every keystroke, the host runs
// the same ones for exports, so what is exported is what is shown. Pure.
import { isActivelyProtected, isStopped } from '../azure/protectionState';
import type { CoverageFilter, CoverageRow, CoverageSort, StatusFilter } from './types';
import { idKey } from '../azure/ids';

export const PAGE_SIZE = 100;

export const NO_FILTER: CoverageFilter = { status: 'all', subscriptionId: '', location: '', text: '' };

export function matchesStatus(row: CoverageRow, status: StatusFilter): boolean {
  switch (status) {
    case 'all':
      return true;
    case 'protected':
      return isActivelyProtected(row.protection);
    case 'unprotected':
      return row.protection === 'NotProtected';
    case 'stopped':
      return isStopped(row.protection);
    case 'failing':
      return row.failing;
    case 'stale':
      return row.stale;
  }
}

function haystack(row: CoverageRow): string {
  return [row.name, row.resourceGroup, row.location, row.subscriptionName, row.vaultName ?? '', row.policyName ?? '']
    .join('\n')
    .toLowerCase();
}

export function filterRows(rows: readonly CoverageRow[], filter: CoverageFilter): CoverageRow[] {
  const text = filter.text.trim().toLowerCase();
  const sub = idKey(filter.subscriptionId);
  const location = filter.location.toLowerCase();
  return rows.filter(
    (row) =>
      matchesStatus(row, filter.status) &&
      (!sub || idKey(row.subscriptionId) === sub) &&
      (!location || row.location === location) &&
      (!text || haystack(row).includes(text)),
  );
}

/** Worst first when sorting by status: failing, stale, unknown, unprotected, stopped, protected. */
export function statusRank(row: CoverageRow): number {
  if (row.failing) return 0;
  if (row.stale) return 1;
  if (row.protection === 'Unknown') return 2;
  if (row.protection === 'NotProtected') return 3;
  if (isStopped(row.protection)) return 4;
  return 5;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function compareText(a: string | undefined, b: string | undefined): number {
  // Empty values sort last in ascending order.
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return collator.compare(a, b);
}

function compareBy(sort: CoverageSort['key'], a: CoverageRow, b: CoverageRow): number {
  switch (sort) {
    case 'name':
      return compareText(a.name, b.name);
    case 'subscription':
      return compareText(a.subscriptionName, b.subscriptionName);
    case 'location':
      return compareText(a.location, b.location);
    case 'status':
      return statusRank(a) - statusRank(b);
    case 'vault':
      return compareText(a.vaultName, b.vaultName);
    case 'policy':
      return compareText(a.policyName, b.policyName);
    case 'health':
      return compareText(a.health, b.health);
    case 'lastBackup': {
      // Oldest first: the VMs most in need of attention lead.
      if (a.lastBackupTime === undefined || b.lastBackupTime === undefined)
        return a.lastBackupTime !== undefined ? -1 : b.lastBackupTime !== undefined ? 1 : 0;
      return a.lastBackupTime - b.lastBackupTime;
    }
  }
}

/** A sorted copy; ties keep name order, so the table never shuffles between renders. */
export function sortRows(rows: readonly CoverageRow[], sort: CoverageSort): CoverageRow[] {
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort(
    (a, b) => sign * compareBy(sort.key, a, b) || compareText(a.name, b.name) || compareText(a.vmId, b.vmId),
  );
}

export interface PageOf<T> {
  items: T[];
  /** 0-based, clamped into range. */
  page: number;
  pages: number;
  total: number;
}

export function pageOf<T>(rows: readonly T[], page: number, size = PAGE_SIZE): PageOf<T> {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  return { items: rows.slice(current * size, (current + 1) * size), page: current, pages, total: rows.length };
}
