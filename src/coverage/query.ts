// Filtering and sorting of the coverage rows, in the host: the table's windows and the exports come from the same
// view, so what is exported is what is shown. Pure.
import { isActivelyProtected, isStopped } from '../azure/protectionState';
import type { CoverageFilter, CoverageRow, CoverageSort, StatusFilter } from './types';
import { idKey } from '../azure/ids';

export const NO_FILTER: CoverageFilter = { status: 'all', subscriptionId: '', location: '', text: '' };
/** Worst first: the page opens on the VMs that need attention. */
export const DEFAULT_SORT: CoverageSort = { key: 'status', descending: false };

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

/** Each row's searchable text, made once per row object: a search over 50,000 rows then only scans strings. */
const haystacks = new WeakMap<CoverageRow, string>();

function haystack(row: CoverageRow): string {
  let text = haystacks.get(row);
  if (text === undefined) {
    text = [row.name, row.resourceGroup, row.location, row.subscriptionName, row.vaultName ?? '', row.policyName ?? '']
      .join('\n')
      .toLowerCase();
    haystacks.set(row, text);
  }
  return text;
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

/**
 * A key whose plain string order is a natural, case- and accent-insensitive order: digit runs padded so that
 * vm-2 sorts before vm-10. Comparing keys is ~20x cheaper than Intl.Collator, which makes sorting 50,000 rows take
 * tens of milliseconds instead of a second of the host's thread.
 */
function textKey(text: string | undefined): string {
  if (!text) return '';
  // Accents are dropped only where there are any: normalizing every ASCII name is most of the cost.
  const plain = /[^\x20-\x7e]/.test(text) ? text.normalize('NFKD').replace(/\p{M}/gu, '') : text;
  return plain.toLowerCase().replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(16, '0'));
}

/** What a row is sorted by: a text key ('' for none), or a number (undefined for none). */
function primaryOf(key: CoverageSort['key'], row: CoverageRow): string | number | undefined {
  switch (key) {
    case 'name':
      return textKey(row.name);
    case 'subscription':
      return textKey(row.subscriptionName);
    case 'location':
      return textKey(row.location);
    case 'status':
      return statusRank(row);
    case 'vault':
      return textKey(row.vaultName);
    case 'policy':
      return textKey(row.policyName);
    case 'health':
      return textKey(row.health);
    case 'lastBackup':
      // Oldest first: the VMs most in need of attention lead.
      return row.lastBackupTime;
  }
}

/** Empty values sort last in ascending order. */
function compareKeys(a: string | number | undefined, b: string | number | undefined): number {
  const noA = a === undefined || a === '';
  const noB = b === undefined || b === '';
  if (noA || noB) return noA && noB ? 0 : noA ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A sorted copy; ties keep name order, so the table never shuffles between renders. */
export function sortRows(rows: readonly CoverageRow[], sort: CoverageSort): CoverageRow[] {
  const sign = sort.descending ? -1 : 1;
  const keyed = rows.map((row) => ({
    row,
    primary: primaryOf(sort.key, row),
    name: textKey(row.name),
    id: idKey(row.vmId),
  }));
  keyed.sort(
    (a, b) => sign * compareKeys(a.primary, b.primary) || compareKeys(a.name, b.name) || compareKeys(a.id, b.id),
  );
  return keyed.map((k) => k.row);
}
