// The "Backup coverage" page: totals and chart, filters, the virtualized VM table, bulk protection. The host keeps
// the rows and pushes the rest (init, then new data); the table asks the host for the rows of its filter and sort
// as it scrolls, so 50,000 VMs cost the page no more than a screenful.
import { regionDisplayName } from '../../azure/regionNames';
import {
  COVERAGE_KIND,
  type CoveragePageData,
  type CoverageProgress,
  type EnableGroup,
  type VmProgress,
} from '../../coverage/protocol';
import { DEFAULT_SORT, NO_FILTER } from '../../coverage/query';
import { groupForProtection, type RegionGroup } from '../../coverage/regionPlan';
import type { CoverageFilter, CoverageRow, CoverageSort } from '../../coverage/types';
import { onPush, refresh, request, vscodeApi, type Draft, type Push } from '../channel';
import { el } from '../dom';
import { filtersView } from './filtersView';
import { fill, type Strings } from './format';
import { protectView, type FieldMessage, type GroupChoice, type ProtectModel } from './protectView';
import { virtualTable, type VirtualTable } from './tableView';
import { totalsView } from './totalsView';
import { sameId, idKey } from '../../azure/ids';

interface InitMessage {
  kind: string;
  title: string;
  strings: Record<string, string>;
  data?: unknown;
}

export function isCoverageInit<M extends { kind: string }>(
  message: M,
): message is Extract<M, { kind: typeof COVERAGE_KIND }> {
  return message.kind === COVERAGE_KIND;
}

interface State {
  strings: Strings;
  data?: CoveragePageData;
  filter: CoverageFilter;
  sort: CoverageSort;
  /** The selected unprotected VMs by lower-cased id, with their rows (the host's rows are not all here). */
  selected: Map<string, CoverageRow>;
  /** Ids of a selection restored from the saved state, until the host gives their rows. */
  restoredIds: string[];
  choices: Map<string, GroupChoice>;
  /** The host's last refusal of a new vault's input, per region group. */
  fieldMessages: Map<string, FieldMessage>;
  progress: Map<string, VmProgress & { name: string }>;
  running: boolean;
  message: string;
  lastGroups: EnableGroup[];
}

// Filter, sort and selection survive hide/show through setState (the panel does not retain its context).
const DRAFT_KIND = COVERAGE_KIND as unknown as Draft['kind'];

function restore(state: State): void {
  const saved = vscodeApi.getState();
  if (!saved || saved.kind !== DRAFT_KIND) return;
  const v = saved.values;
  const text = (k: string): string => (typeof v[k] === 'string' ? (v[k] as string) : '');
  state.filter = {
    status: (text('status') || 'all') as CoverageFilter['status'],
    subscriptionId: text('subscriptionId'),
    location: text('location'),
    text: text('text'),
  };
  if (text('sortKey')) state.sort = { key: text('sortKey') as CoverageSort['key'], descending: v.descending === true };
  if (Array.isArray(v.selected)) state.restoredIds = v.selected;
}

function save(state: State): void {
  vscodeApi.setState({
    kind: DRAFT_KIND,
    values: {
      ...state.filter,
      sortKey: state.sort.key,
      descending: state.sort.descending,
      selected: [...state.selected.values()].map((r) => r.vmId),
    },
  });
}

export function renderCoverage(app: HTMLElement, init: InitMessage): void {
  const state: State = {
    strings: init.strings,
    filter: { ...NO_FILTER },
    sort: { ...DEFAULT_SORT },
    selected: new Map(),
    restoredIds: [],
    choices: new Map(),
    fieldMessages: new Map(),
    progress: new Map(),
    running: false,
    message: '',
    lastGroups: [],
  };
  restore(state);
  const s = state.strings;
  const status = el('div', { class: 'load-status', role: 'status' }, s.loading);
  const errors = el('div', { class: 'form-error', role: 'alert', hidden: true });
  const freshness = el('p', { class: 'freshness', id: 'freshness' });
  const totals = el('div', { id: 'totals' });
  const filters = el('div', { id: 'filters' });
  const selection = el('div', { class: 'selection' });
  const table = el('div', { id: 'table' });
  const protect = el('div', { id: 'protect' });
  const exportCsv = el('vscode-button', { secondary: true, id: 'export-csv' }, s.exportCsv);
  const exportJson = el('vscode-button', { secondary: true, id: 'export-json' }, s.exportJson);
  const reload = el('vscode-button', { secondary: true, id: 'refresh' }, s.refresh);
  app.replaceChildren(
    el(
      'section',
      { class: 'coverage' },
      el('header', {}, el('h1', {}, init.title), el('div', { class: 'toolbar' }, reload, exportCsv, exportJson)),
      freshness,
      status,
      errors,
      totals,
      filters,
      selection,
      table,
      protect,
    ),
  );

  let focus: string | undefined;
  let vms: VirtualTable | undefined;
  const selectedRows = (): CoverageRow[] => [...state.selected.values()];
  const groups = (): RegionGroup[] => groupForProtection(selectedRows(), state.data?.vaults ?? []);

  const showError = (e: { message: string; code?: string; requestId?: string }): void => {
    errors.textContent = [
      e.message,
      e.code ? `${s.code}: ${e.code}` : '',
      e.requestId ? `${s.requestId}: ${e.requestId}` : '',
    ]
      .filter(Boolean)
      .join(' · ');
    errors.hidden = false;
  };

  const protectModel = (): ProtectModel => ({
    strings: s,
    groups: groups(),
    running: state.running,
    message: state.message,
    progress: state.progress,
    resourceGroups: (sub) => state.data?.resourceGroups.find((r) => sameId(r.subscriptionId, sub))?.names ?? [],
    choice: (g) =>
      state.choices.get(g.key) ?? {
        vaultId: g.vaults[0]?.id ?? '',
        policyName: '',
        resourceGroup: g.suggestedResourceGroup,
        vaultName: g.suggestedVaultName,
      },
    setChoice: (g, c, render = true) => {
      state.choices.set(g.key, { ...protectModel().choice(g), ...c });
      state.fieldMessages.delete(g.key);
      if (render) renderProtect();
    },
    fieldMessage: (g) => state.fieldMessages.get(g.key),
    onCreateVault: (g) => {
      void createVault(g);
    },
    onEnable: (gs) => {
      void enable(gs);
    },
    onRetry: () => {
      const failed = new Set(
        [...state.progress.values()].filter((p) => p.state === 'failed').map((p) => idKey(p.vmId)),
      );
      const again = state.lastGroups
        .map((g) => ({ ...g, vmIds: g.vmIds.filter((id) => failed.has(idKey(id))) }))
        .filter((g) => g.vmIds.length > 0);
      if (again.length > 0) void enable(again);
    },
  });

  // Without the vaults and their policies every region would read "no vault": bulk protection waits for them.
  const renderProtect = (): void => {
    if (state.data?.partial?.estateRead === false)
      protect.replaceChildren(el('p', { class: 'note', id: 'protect-waiting' }, s.estatePending));
    else protect.replaceChildren(protectView(protectModel()));
  };
  const renderSelection = (): void => {
    const selectShown = el('vscode-button', { secondary: true, id: 'select-shown' }, s.selectShown);
    const clear = el(
      'vscode-button',
      { secondary: true, id: 'clear-selection', disabled: state.selected.size === 0 },
      s.clearSelection,
    );
    selectShown.addEventListener('click', () => {
      void request({ type: 'selectFiltered', filter: state.filter }).then((reply) => {
        if (!reply.ok) return showError(reply.error);
        for (const r of reply.result.rows ?? []) state.selected.set(idKey(r.vmId), r);
        selectionChanged();
      });
    });
    clear.addEventListener('click', () => {
      state.selected.clear();
      selectionChanged();
    });
    selection.replaceChildren(
      selectShown,
      clear,
      el('span', { class: 'sub', id: 'selected-count' }, fill(s.selected, { count: state.selected.size })),
    );
  };
  const tableModel = {
    strings: s,
    sort: () => state.sort,
    now: () => state.data?.now ?? Date.now(),
    isSelected: (r: CoverageRow) => state.selected.has(idKey(r.vmId)),
    fetch: async (offset: number, count: number) => {
      const reply = await request({ type: 'rows', filter: state.filter, sort: state.sort, offset, count });
      if (reply.ok) return reply.result.window;
      showError(reply.error);
      return undefined;
    },
    onSort: (key: CoverageSort['key']) => {
      state.sort = { key, descending: state.sort.key === key ? !state.sort.descending : false };
      viewChanged();
    },
    onSelect: (r: CoverageRow, checked: boolean) => {
      if (checked) state.selected.set(idKey(r.vmId), r);
      else state.selected.delete(idKey(r.vmId));
      save(state);
      renderSelection();
      renderProtect();
    },
  };
  /** After a filter or sort change: the table asks for its rows again. */
  function viewChanged(): void {
    save(state);
    vms?.reload();
  }
  /** After a selection change by a button: the drawn checkboxes follow. */
  function selectionChanged(): void {
    save(state);
    vms?.redraw();
    renderSelection();
    renderProtect();
  }
  /**
   * New data: the selection keeps the VMs still unprotected, with their new rows (restored ids on the first). While
   * a load runs, VMs not read yet stay selected: they may come with the next rows.
   */
  async function refreshSelection(): Promise<void> {
    const ids = [...state.restoredIds, ...[...state.selected.values()].map((r) => r.vmId)];
    const loading = state.data?.partial !== undefined;
    state.restoredIds = [];
    if (ids.length === 0) return;
    const reply = await request({ type: 'lookup', vmIds: ids });
    if (!reply.ok) return showError(reply.error);
    // Only the ids asked about change: a box checked while the lookup ran stays checked.
    const fresh = new Map((reply.result.rows ?? []).map((r) => [idKey(r.vmId), r]));
    const unread: string[] = [];
    for (const id of ids) {
      const key = idKey(id);
      const r = fresh.get(key);
      if (r?.protection === 'NotProtected') state.selected.set(key, r);
      else if (r || !loading) state.selected.delete(key);
      else if (!state.selected.has(key) && !unread.some((u) => sameId(u, id))) unread.push(id);
    }
    state.restoredIds = [...state.restoredIds, ...unread];
    selectionChanged();
  }

  const progressText = (p: CoverageProgress): string =>
    p.counted
      ? fill(s.readOf, { read: p.read.toLocaleString(), total: p.counted.vms.toLocaleString() })
      : fill(s.readSoFar, { read: p.read.toLocaleString() });

  /** More rows of a load that streams in: asked for again where the user is looking, not from the top. */
  const reloadInPlace = (table: VirtualTable): void => {
    const scroller = table.element.querySelector<HTMLElement>('.vms-scroll');
    const top = scroller?.scrollTop ?? 0;
    table.reload();
    if (scroller) scroller.scrollTop = top;
  };

  const renderData = (streamed: boolean): void => {
    const d = state.data;
    if (!d) return;
    status.textContent = !d.signedIn ? s.notSignedIn : d.partial ? progressText(d.partial) : '';
    status.hidden = d.signedIn && !d.partial;
    freshness.textContent = [
      d.asOf === undefined ? '' : fill(s.asOf, { time: new Date(d.asOf).toLocaleString() }),
      d.source === 'resourceGraph' ? s.graphLag : '',
      d.notice ?? '',
    ]
      .filter(Boolean)
      .join(' ');
    errors.hidden = d.errors.length === 0;
    errors.textContent = d.errors
      .map((e) => fill(s.loadError, { name: e.subscriptionName, message: e.message }))
      .join('\n');
    // A focus (opened from a subscription node) applies once per change, so later reloads keep the user's filter.
    if (d.focusSubscriptionId !== undefined && d.focusSubscriptionId !== focus)
      state.filter.subscriptionId = d.focusSubscriptionId;
    focus = d.focusSubscriptionId;
    totals.replaceChildren(totalsView(s, d.totals, d.partial));
    filters.replaceChildren(
      filtersView({
        strings: s,
        filter: state.filter,
        counts: d.totals.all,
        subscriptions: d.subscriptions.map((x) => ({ value: x.id, label: x.name })),
        regions: d.totals.byRegion.map((r) => ({ value: r.location, label: regionDisplayName(r.location) })),
        onChange: (f) => {
          state.filter = { ...state.filter, ...f };
          viewChanged();
        },
      }),
    );
    if (!vms) {
      vms = virtualTable(tableModel);
      table.replaceChildren(vms.element);
    }
    if (streamed) reloadInPlace(vms);
    else vms.reload();
    renderSelection();
    renderProtect();
    // Selected VMs that got protected meanwhile drop out of the selection.
    void refreshSelection();
  };

  async function createVault(g: RegionGroup): Promise<void> {
    const choice = protectModel().choice(g);
    state.running = true;
    renderProtect();
    const reply = await request({
      type: 'createVault',
      subscriptionId: g.subscriptionId,
      location: g.location,
      resourceGroup: choice.resourceGroup,
      name: choice.vaultName,
    });
    state.running = false;
    state.fieldMessages.delete(g.key);
    if (reply.ok) {
      state.message = reply.result.message ?? '';
      if (reply.result.vault) state.choices.set(g.key, { ...choice, vaultId: reply.result.vault.id, policyName: '' });
    } else if (reply.error.field)
      state.fieldMessages.set(g.key, { field: reply.error.field, message: reply.error.message });
    else if (reply.error.message) showError(reply.error);
    renderProtect();
  }

  async function enable(gs: EnableGroup[]): Promise<void> {
    const byId = state.selected;
    state.running = true;
    state.message = '';
    state.lastGroups = gs;
    state.progress = new Map(
      gs
        .flatMap((g) => g.vmIds)
        .map((id) => [idKey(id), { vmId: id, state: 'queued' as const, name: byId.get(idKey(id))?.name ?? id }]),
    );
    renderProtect();
    const reply = await request({ type: 'enable', groups: gs });
    state.running = false;
    if (reply.ok) state.message = reply.result.message ?? '';
    else showError(reply.error);
    renderProtect();
  }

  const onMessage = (m: Push): void => {
    if (m.type === 'coverageData') {
      // Data following a partial push is the same load's (or its replacement's): the table keeps its place.
      const streamed = state.data?.partial !== undefined;
      state.data = m.data;
      renderData(streamed);
    } else if (m.type === 'coverageLoading') {
      status.hidden = !m.loading;
      status.textContent = m.loading ? s.loading : '';
      if (m.error) showError(m.error);
    } else {
      const known = state.progress.get(idKey(m.progress.vmId));
      state.progress.set(idKey(m.progress.vmId), {
        ...m.progress,
        name: known?.name ?? state.selected.get(idKey(m.progress.vmId))?.name ?? m.progress.vmId,
      });
      renderProtect();
    }
  };
  onPush(onMessage);
  const exportAs = async (format: 'csv' | 'json'): Promise<void> => {
    const reply = await request({ type: 'export', format, filter: state.filter, sort: state.sort });
    if (reply.ok) {
      state.message = reply.result.message ?? state.message;
      renderProtect();
    } else showError(reply.error);
  };
  exportCsv.addEventListener('click', () => {
    void exportAs('csv');
  });
  exportJson.addEventListener('click', () => {
    void exportAs('json');
  });
  reload.addEventListener('click', () => refresh());
  if (init.data) {
    state.data = init.data as CoveragePageData;
    renderData(false);
  }
}
