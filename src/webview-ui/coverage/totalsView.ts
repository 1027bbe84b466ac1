// The totals: the chart of all VMs, then small tables per subscription and per region.
import { regionDisplayName } from '../../azure/regionNames';
import type { Counts, CoverageTotals } from '../../coverage/types';
import { el } from '../dom';
import { totalsChart } from './chart';
import type { Strings } from './format';

const COLUMNS = ['total', 'protected', 'unprotected', 'stopped', 'failing', 'stale'] as const;

function countsTable(
  strings: Strings,
  caption: string,
  first: string,
  rows: { label: string; counts: Counts }[],
  id: string,
): HTMLElement {
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col' }, first),
    ...COLUMNS.map((c) => el('th', { scope: 'col', class: 'num' }, strings[c])),
  );
  const body = rows.map((r) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, r.label),
      ...COLUMNS.map((c) => el('td', { class: `num ${c}`, 'data-count': c }, String(r.counts[c]))),
    ),
  );
  return el(
    'table',
    { class: 'totals', id },
    el('caption', {}, caption),
    el('thead', {}, head),
    el('tbody', {}, ...body),
  );
}

export function totalsView(strings: Strings, totals: CoverageTotals): HTMLElement {
  return el(
    'section',
    { class: 'totals-view', 'aria-label': strings.totals },
    totalsChart(strings, totals.all),
    countsTable(
      strings,
      strings.bySubscription,
      strings.subscription,
      totals.bySubscription.map((s) => ({ label: s.name, counts: s })),
      'totals-subscription',
    ),
    countsTable(
      strings,
      strings.byRegion,
      strings.region,
      totals.byRegion.map((r) => ({ label: regionDisplayName(r.location), counts: r })),
      'totals-region',
    ),
  );
}
