// The coverage vocabulary shared by the host (src/coverage) and the page (src/webview-ui/coverage).
// Plain data only, so it crosses the webview boundary as JSON and the pure modules stay testable on Node.

import type { EnhancedPolicyReason } from '../azure/enhancedPolicy';
import type { ProtectionStatus } from '../azure/protectionState';

/** The VM's protection state (protectionState.ts); exported as is in CSV and JSON. */
export type CoverageProtection = ProtectionStatus;

/** One VM with its protection, flattened for the table, the totals and the exports. Times are epoch ms. */
export interface CoverageRow {
  /** ARM id as ARM returns it. */
  vmId: string;
  name: string;
  resourceGroup: string;
  subscriptionId: string;
  subscriptionName: string;
  location: string;
  osType: string;
  protection: CoverageProtection;
  vaultId?: string;
  vaultName?: string;
  policyName?: string;
  /** IRPending, Protected, ProtectionStopped, … */
  protectionState?: string;
  /** '' before the first backup, else e.g. Completed / Failed. */
  lastBackupStatus?: string;
  lastBackupTime?: number;
  lastSuccessTime?: number;
  /** Passed, ActionRequired, ActionSuggested, Invalid; only while backups run (not for a stopped item). */
  health?: string;
  /** Last backup Failed or health ActionRequired. */
  failing: boolean;
  /** No successful backup for longer than the policy's interval + 1 day. */
  stale: boolean;
  /** Why only an Enhanced policy protects this VM (enhancedPolicy.ts); absent when any policy does, or not known. */
  enhancedReason?: EnhancedPolicyReason;
}

export type StatusFilter = 'all' | 'protected' | 'unprotected' | 'stopped' | 'failing' | 'stale';
export const STATUS_FILTERS: readonly StatusFilter[] = [
  'all',
  'protected',
  'unprotected',
  'stopped',
  'failing',
  'stale',
];

/** '' in subscriptionId / location / text means "any". */
export interface CoverageFilter {
  status: StatusFilter;
  subscriptionId: string;
  location: string;
  text: string;
}

export type SortKey = 'name' | 'subscription' | 'location' | 'status' | 'vault' | 'policy' | 'lastBackup' | 'health';
export const SORT_KEYS: readonly SortKey[] = [
  'name',
  'subscription',
  'location',
  'status',
  'vault',
  'policy',
  'lastBackup',
  'health',
];

export interface CoverageSort {
  key: SortKey;
  descending: boolean;
}

export interface Counts {
  total: number;
  /** Scheduled backups run: protected, initial backup pending, protection error. */
  protected: number;
  unprotected: number;
  /** Protection stopped (data retained) or soft deleted: not protected, though backup data remains. */
  stopped: number;
  /** VMs whose protection could not be read (a vault's items failed to list). */
  unknown: number;
  failing: number;
  stale: number;
}

export interface CoverageTotals {
  all: Counts;
  bySubscription: (Counts & { subscriptionId: string; name: string })[];
  byRegion: (Counts & { location: string })[];
}

export interface PolicyOption {
  name: string;
  /** Localized schedule and retention. */
  summary: string;
  /** An Enhanced (V2) policy: the only kind a VM with an `enhancedReason` may get. */
  enhanced?: boolean;
}

/** A vault a VM of its region can be protected by, with its VM policies. */
export interface VaultChoice {
  id: string;
  name: string;
  resourceGroup: string;
  subscriptionId: string;
  location: string;
  policies: PolicyOption[];
}
