// The VM table, virtualized: the host holds the rows and answers windows of the filtered, sorted view; the page
// draws only the rows in sight plus a margin (never more than MAX_DOM_ROWS), between spacers that give the
// scroll area the height of every row. Rows have one fixed height (coverage.css), so a scroll offset is a row
// index. Sortable headers, and a checkbox on every unprotected VM for bulk protection.
import { regionDisplayName } from '../../azure/regionNames';
import { MAX_WINDOW_ROWS } from '../../coverage/protocol';
import type { RowWindow } from '../../coverage/rowStore';
import type { CoverageRow, CoverageSort, SortKey } from '../../coverage/types';
import { el } from '../dom';
import { fill, healthText, lastBackupText, protectionText, statusClass, type Strings } from './format';
import { idKey } from '../../azure/ids';

/** The row height of table.vms in coverage.css, in CSS pixels. */
const ROW_HEIGHT = 28;
/** Rows drawn above and below the visible ones, so a short scroll shows rows already there. */
const OVERSCAN = 15;
/** Rows asked for beyond those drawn, so most scrolls need no round trip to the host. */
const FETCH_MARGIN = 120;
export const MAX_DOM_ROWS = 200;

export interface TableModel {
  strings: Strings;
  sort(): CoverageSort;
  now(): number;
  isSelected(row: CoverageRow): boolean;
  /** A window of the current view from the host; undefined when the host refused. */
  fetch(offset: number, count: number): Promise<RowWindow | undefined>;
  onSort(key: SortKey): void;
  onSelect(row: CoverageRow, checked: boolean): void;
}

export interface VirtualTable {
  element: HTMLElement;
  /** The view changed (filter, sort or data): back to the top, rows asked for again. */
  reload(): void;
  /** Same rows, new selection: the drawn rows are made again. */
  redraw(): void;
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
  const sort = m.sort();
  const cells = COLUMNS.map(({ key, label }) => {
    const sorted = sort.key === key;
    const button = el(
      'button',
      { type: 'button', class: 'sort', 'data-sort': key, title: fill(m.strings.sortBy, { column: m.strings[label] }) },
      m.strings[label],
    );
    button.addEventListener('click', () => m.onSort(key));
    return el(
      'th',
      { scope: 'col', 'aria-sort': sorted ? (sort.descending ? 'descending' : 'ascending') : 'none' },
      button,
    );
  });
  return el('thead', {}, el('tr', {}, el('th', { scope: 'col', class: 'check' }, ''), ...cells));
}

function row(m: TableModel, r: CoverageRow, index: number): HTMLElement {
  const s = m.strings;
  const check = el('td', { class: 'check' });
  if (r.protection === 'NotProtected') {
    const box = el('input', { type: 'checkbox', 'aria-label': fill(s.select, { name: r.name }), 'data-vm': r.name });
    box.checked = m.isSelected(r);
    box.addEventListener('change', () => m.onSelect(r, box.checked));
    check.append(box);
  }
  return el(
    'tr',
    { 'data-vm': r.name, 'aria-rowindex': String(index + 2), class: statusClass(r) },
    check,
    el('th', { scope: 'row' }, el('span', { class: 'vm-name' }, r.name), el('span', { class: 'sub' }, r.resourceGroup)),
    el('td', { class: `status ${statusClass(r)}` }, protectionText(s, r)),
    el('td', {}, r.subscriptionName),
    el('td', {}, regionDisplayName(r.location)),
    el('td', {}, r.vaultName ?? ''),
    el('td', {}, r.policyName ?? ''),
    el('td', {}, lastBackupText(s, r, m.now())),
    el('td', {}, healthText(s, r)),
  );
}

export function virtualTable(m: TableModel): VirtualTable {
  const body = el('tbody');
  const table = el('table', { class: 'vms', id: 'vms' }, header(m), body);
  const after = el('div', { class: 'vms-after' });
  const scroller = el('div', { class: 'vms-scroll' }, table, after);
  const empty = el('p', { class: 'note', hidden: true }, m.strings.noVms);
  const info = el('span', { class: 'page-info', role: 'status' });
  /** Bumped by every reload: windows asked for before it are dropped. */
  let generation = 0;
  let cache: (RowWindow & { generation: number }) | undefined;
  let asking = false;
  /** Drawn rows by VM, reused while they stay in sight (a checkbox being clicked is never swapped away). */
  let drawn = new Map<string, HTMLElement>();
  let frame = 0;

  const range = (): { first: number; count: number } => {
    const first = Math.max(0, Math.floor(scroller.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const count = Math.min(MAX_DOM_ROWS, Math.ceil(scroller.clientHeight / ROW_HEIGHT) + 2 * OVERSCAN);
    return { first, count };
  };

  const ask = (first: number, count: number): void => {
    if (asking) return;
    asking = true;
    const asked = generation;
    const offset = Math.max(0, first - FETCH_MARGIN);
    void m.fetch(offset, Math.min(MAX_WINDOW_ROWS, count + 2 * FETCH_MARGIN)).then((w) => {
      asking = false;
      if (!w) return;
      if (asked === generation) {
        if (cache?.version !== w.version || cache.generation !== asked) drawn = new Map();
        cache = { ...w, generation: asked };
      }
      draw();
    });
  };

  /**
   * Puts `rows` (consecutive in the view) in the body without moving the rows that stay: a row taken out and put
   * back is styled and laid out again, so a scroll step costs only the rows it brings in. Rows that left go; new
   * ones go before or after the run of kept ones.
   */
  function place(rows: HTMLElement[]): void {
    const keep = new Set<Element>(rows);
    for (const child of [...body.children]) if (!keep.has(child)) child.remove();
    const kept = [...body.children];
    const first = kept.length === 0 ? -1 : rows.indexOf(kept[0] as HTMLElement);
    if (first < 0 || !kept.every((child, i) => child === rows[first + i])) {
      body.replaceChildren(...rows);
      return;
    }
    if (first > 0) body.prepend(...rows.slice(0, first));
    if (first + kept.length < rows.length) body.append(...rows.slice(first + kept.length));
  }

  function draw(): void {
    const { first, count } = range();
    if (!cache || cache.generation !== generation) {
      ask(first, count);
      return;
    }
    const total = cache.total;
    const end = Math.min(total, first + count);
    if (first < end && (first < cache.offset || end > cache.offset + cache.rows.length)) ask(first, count);
    const from = Math.max(first, cache.offset);
    const to = Math.min(end, cache.offset + cache.rows.length);
    const next = new Map<string, HTMLElement>();
    for (let i = from; i < to; i++) {
      const r = cache.rows[i - cache.offset];
      const key = idKey(r.vmId);
      next.set(key, drawn.get(key) ?? row(m, r, i));
    }
    const rows = [...next.values()];
    place(rows);
    drawn = next;
    // The spacers keep the scroll height of every row whatever is drawn (CSSOM styles are allowed by the CSP).
    const top = to > from ? from : Math.min(first, total);
    table.style.marginTop = `${top * ROW_HEIGHT}px`;
    after.style.height = `${Math.max(0, total - top - rows.length) * ROW_HEIGHT}px`;
    table.setAttribute('aria-rowcount', String(total + 1));
    empty.hidden = total > 0;
    info.textContent = fill(m.strings.shownCount, { count: total });
  }

  const schedule = (): void => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      draw();
    });
  };
  scroller.addEventListener('scroll', schedule);
  new ResizeObserver(schedule).observe(scroller);

  return {
    element: el('section', { class: 'table-view' }, scroller, empty, el('div', { class: 'pager' }, info)),
    reload(): void {
      generation += 1;
      table.replaceChild(header(m), table.tHead as HTMLElement);
      scroller.scrollTop = 0;
      draw();
    },
    redraw(): void {
      drawn = new Map();
      draw();
    },
  };
}
