// The totals: the chart of all VMs, then small tables per subscription and per region.
import { regionDisplayName } from '../../azure/regionNames';
import type { CoverageProgress } from '../../coverage/protocol';
import type { Counts, CoverageTotals } from '../../coverage/types';
import { el } from '../dom';
import { totalsChart } from './chart';
import { fill, type Strings } from './format';

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

/** While a load runs: what Resource Graph counted for the whole estate, ahead of the rows the tables count. */
function countedView(strings: Strings, counted: NonNullable<CoverageProgress['counted']>): HTMLElement {
  const n = (value: number): string => value.toLocaleString();
  return el(
    'p',
    { class: 'counted', id: 'counted' },
    fill(strings.counted, { vms: n(counted.vms), items: n(counted.items), active: n(counted.activeItems) }),
  );
}

export function totalsView(strings: Strings, totals: CoverageTotals, partial?: CoverageProgress): HTMLElement {
  return el(
    'section',
    { class: 'totals-view', 'aria-label': strings.totals },
    ...(partial?.counted ? [countedView(strings, partial.counted)] : []),
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
