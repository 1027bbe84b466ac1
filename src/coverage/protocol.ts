// The typed channel of the coverage page, in the same shape as the forms' (src/webview/protocol.ts): a ready
// handshake answered by `init`, requests with ids answered by replies, and every inbound message parsed by
// ./validate.ts before the host acts. The page also receives pushes: new data and per-VM progress.
// The rows stay in the host: the page gets the snapshot without them and asks for the window it shows.
import type { RowWindow } from './rowStore';
import type { CoverageFilter, CoverageRow, CoverageSort, CoverageTotals, VaultChoice } from './types';

export const COVERAGE_KIND = 'coverage';

export interface CoverageSnapshot {
  /** Epoch ms that ages and staleness were computed against. */
  now: number;
  rows: CoverageRow[];
  totals: CoverageTotals;
  subscriptions: { id: string; name: string }[];
  vaults: VaultChoice[];
  /** Resource groups per subscription, for a vault created from the page. */
  resourceGroups: { subscriptionId: string; names: string[] }[];
  /** Subscriptions that could not be read: their VMs are missing from the rows. */
  errors: { subscriptionName: string; message: string; code?: string }[];
  /** Epoch ms when the data was read (Resource Graph lags the vaults by a few minutes; changes made here are read live). */
  asOf?: number;
  /** Where the rows come from: Resource Graph, or the per-vault join (its fallback). */
  source?: 'resourceGraph' | 'join';
  /** A sentence for the page's header: why the data came from the fallback. */
  notice?: string;
  /** Preset subscription filter (opened from a subscription node). */
  focusSubscriptionId?: string;
  signedIn: boolean;
  /** Present while the load still runs: the data so far, and how far it got. */
  partial?: CoverageProgress;
}

/** How far a running load got: rows, filters and selection work on what is read so far. */
export interface CoverageProgress {
  /** VMs read so far (the rows). */
  read: number;
  /** Resource Graph's counts, asked before the first row: VMs, VM backup items, and items with scheduled backups. */
  counted?: { vms: number; items: number; activeItems: number };
  /** The vaults and their policies are read: bulk protection can offer them. */
  estateRead: boolean;
}

/** What the page receives of a snapshot: everything but the rows, and the version its row windows carry. */
export type CoveragePageData = Omit<CoverageSnapshot, 'rows'> & { version: number };

/** The most rows one window request may ask for (the page shows a screenful plus a margin). */
export const MAX_WINDOW_ROWS = 500;
/** The most VM ids one lookup may carry: a selection made of every unprotected VM of a large estate. */
export const MAX_LOOKUP_IDS = 100_000;

export type ExportFormat = 'csv' | 'json';

/** One region's choice: enable these VMs in this vault with this policy. */
export interface EnableGroup {
  subscriptionId: string;
  vaultId: string;
  policyName: string;
  vmIds: string[];
}

export type VmProgressState = 'queued' | 'configuring' | 'done' | 'skipped' | 'failed';

export interface VmProgress {
  vmId: string;
  state: VmProgressState;
  /** skipped: the vault that already protects it. */
  vaultName?: string;
  error?: { message: string; code?: string; requestId?: string };
}

export interface CoverageResult {
  message?: string;
  /** enable: the final state of every VM asked for. */
  progress?: VmProgress[];
  /** createVault: the new vault, with its policies. */
  vault?: VaultChoice;
  /** export: where the file was written. */
  file?: string;
  /** rows: the asked window of the filtered, sorted view. */
  window?: RowWindow;
  /** selectFiltered, lookup: the rows asked for. */
  rows?: CoverageRow[];
}

export interface CoverageError {
  message: string;
  code?: string;
  requestId?: string;
  /** The page's field the message belongs next to (createVault: `name`, `resourceGroup`). */
  field?: string;
}

export type CoverageHostMessage =
  | {
      type: 'init';
      kind: typeof COVERAGE_KIND;
      title: string;
      strings: Record<string, string>;
      data?: CoveragePageData;
    }
  | { type: 'coverageData'; data: CoveragePageData }
  | { type: 'coverageLoading'; loading: boolean; error?: CoverageError }
  | { type: 'coverageProgress'; progress: VmProgress }
  | { type: 'coverageReply'; requestId: number; ok: true; result: CoverageResult }
  | { type: 'coverageReply'; requestId: number; ok: false; error: CoverageError };

export type CoverageRequest =
  | { type: 'rows'; filter: CoverageFilter; sort: CoverageSort; offset: number; count: number }
  | { type: 'selectFiltered'; filter: CoverageFilter }
  | { type: 'lookup'; vmIds: string[] }
  | { type: 'export'; format: ExportFormat; filter: CoverageFilter; sort: CoverageSort }
  | { type: 'createVault'; subscriptionId: string; location: string; resourceGroup: string; name: string }
  | { type: 'enable'; groups: EnableGroup[] };

export type CoverageWebviewMessage =
  { type: 'ready' } | { type: 'refresh' } | (CoverageRequest & { requestId: number });
