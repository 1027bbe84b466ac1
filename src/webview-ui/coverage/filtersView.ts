// Filters: status chips with their counts, subscription, region, and free text. Built once per data load so
// typing never loses focus; each change calls back and the page re-renders the table only.
import type { FormOption } from '../../webview/protocol';
import type { CoverageFilter, Counts, StatusFilter } from '../../coverage/types';
import { STATUS_FILTERS } from '../../coverage/types';
import { el, field, select, textfield } from '../dom';
import type { Strings } from './format';

export interface FiltersModel {
  strings: Strings;
  filter: CoverageFilter;
  counts: Counts;
  subscriptions: FormOption[];
  regions: FormOption[];
  onChange(filter: Partial<CoverageFilter>): void;
}

function statusChips(m: FiltersModel): HTMLElement {
  const label = (s: StatusFilter): string =>
    `${s === 'all' ? m.strings.all : m.strings[s]} (${s === 'all' ? m.counts.total : m.counts[s]})`;
  const chips = STATUS_FILTERS.map((status) =>
    el(
      'button',
      { type: 'button', class: 'chip', 'data-status': status, 'aria-pressed': String(m.filter.status === status) },
      label(status),
    ),
  );
  const group = el('div', { class: 'chips', role: 'group', 'aria-label': m.strings.status }, ...chips);
  group.addEventListener('click', (e) => {
    const chip = (e.target as HTMLElement).closest('button.chip');
    const status = chip?.getAttribute('data-status') as StatusFilter | null;
    if (!chip || !status) return;
    for (const c of chips) c.setAttribute('aria-pressed', String(c === chip));
    m.onChange({ status });
  });
  return group;
}

export function filtersView(m: FiltersModel): HTMLElement {
  const s = m.strings;
  const sub = select(
    'subscription',
    [{ value: '', label: s.allSubscriptions }, ...m.subscriptions],
    m.filter.subscriptionId,
  );
  sub.id = 'filter-subscription';
  const region = select('region', [{ value: '', label: s.allRegions }, ...m.regions], m.filter.location);
  region.id = 'filter-region';
  const text = textfield('search', m.filter.text, 'search');
  text.id = 'filter-text';
  text.setAttribute('placeholder', s.searchPlaceholder);
  sub.addEventListener('change', () => m.onChange({ subscriptionId: sub.value }));
  region.addEventListener('change', () => m.onChange({ location: region.value }));
  text.addEventListener('input', () => m.onChange({ text: text.value }));
  return el(
    'section',
    { class: 'filters' },
    statusChips(m),
    el(
      'div',
      { class: 'filter-fields' },
      field(s.subscription, sub).group,
      field(s.region, region).group,
      field(s.search, text).group,
    ),
  );
}
