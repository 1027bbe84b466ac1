// The VM table: one page of the filtered, sorted rows (100 at a time, so 5,000 VMs stay fast), sortable headers
// and a checkbox on every unprotected VM for bulk protection.
import { regionDisplayName } from '../../azure/regionNames';
import { pageOf, type PageOf } from '../../coverage/query';
import type { CoverageRow, CoverageSort, SortKey } from '../../coverage/types';
import { el } from '../dom';
import { fill, healthText, lastBackupText, protectionText, statusClass, type Strings } from './format';
import { idKey } from '../../azure/ids';

export interface TableModel {
  strings: Strings;
  rows: CoverageRow[];
  page: number;
  sort: CoverageSort;
  now: number;
  selected: Set<string>;
  onSort(key: SortKey): void;
  onPage(page: number): void;
  onSelect(row: CoverageRow, checked: boolean): void;
}

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'vm' },
  { key: 'status', label: 'protection' },
  { key: 'subscription', label: 'subscription' },
  { key: 'location', label: 'region' },
  { key: 'vault', label: 'vault' },
  { key: 'policy', label: 'policy' },
  { key: 'lastBackup', label: 'lastBackup' },
  { key: 'health', label: 'health' },
];

function header(m: TableModel): HTMLElement {
  const cells = COLUMNS.map(({ key, label }) => {
    const sorted = m.sort.key === key;
    const button = el(
      'button',
      { type: 'button', class: 'sort', 'data-sort': key, title: fill(m.strings.sortBy, { column: m.strings[label] }) },
      m.strings[label],
    );
    button.addEventListener('click', () => m.onSort(key));
    return el(
      'th',
      { scope: 'col', 'aria-sort': sorted ? (m.sort.descending ? 'descending' : 'ascending') : 'none' },
      button,
    );
  });
  return el('thead', {}, el('tr', {}, el('th', { scope: 'col', class: 'check' }, ''), ...cells));
}

function row(m: TableModel, r: CoverageRow): HTMLElement {
  const s = m.strings;
  const check = el('td', { class: 'check' });
  if (r.protection === 'NotProtected') {
    const box = el('input', { type: 'checkbox', 'aria-label': fill(s.select, { name: r.name }), 'data-vm': r.name });
    box.checked = m.selected.has(idKey(r.vmId));
    box.addEventListener('change', () => m.onSelect(r, box.checked));
    check.append(box);
  }
  return el(
    'tr',
    { 'data-vm': r.name, class: statusClass(r) },
    check,
    el('th', { scope: 'row' }, el('span', { class: 'vm-name' }, r.name), el('span', { class: 'sub' }, r.resourceGroup)),
    el('td', { class: `status ${statusClass(r)}` }, protectionText(s, r)),
    el('td', {}, r.subscriptionName),
    el('td', {}, regionDisplayName(r.location)),
    el('td', {}, r.vaultName ?? ''),
    el('td', {}, r.policyName ?? ''),
    el('td', {}, lastBackupText(s, r, m.now)),
    el('td', {}, healthText(s, r)),
  );
}

function pager(m: TableModel, p: PageOf<CoverageRow>): HTMLElement {
  const prev = el('vscode-button', { secondary: true, id: 'page-prev', disabled: p.page === 0 }, m.strings.previous);
  const next = el(
    'vscode-button',
    { secondary: true, id: 'page-next', disabled: p.page >= p.pages - 1 },
    m.strings.next,
  );
  prev.addEventListener('click', () => {
    if (p.page > 0) m.onPage(p.page - 1);
  });
  next.addEventListener('click', () => {
    if (p.page < p.pages - 1) m.onPage(p.page + 1);
  });
  const info = el(
    'span',
    { class: 'page-info', role: 'status' },
    fill(m.strings.page, { page: p.page + 1, pages: p.pages, count: p.total }),
  );
  return el('div', { class: 'pager' }, prev, info, next);
}

export function tableView(m: TableModel): HTMLElement {
  const p = pageOf(m.rows, m.page);
  const body = el('tbody', {}, ...p.items.map((r) => row(m, r)));
  const table = el('table', { class: 'vms', id: 'vms' }, header(m), body);
  const empty = p.total === 0 ? [el('p', { class: 'note' }, m.strings.noVms)] : [];
  return el('section', { class: 'table-view' }, table, ...empty, pager(m, p));
}
