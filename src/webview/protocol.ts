// The typed channel between the extension host (FormPanel) and the webview forms (src/webview-ui).
// Shared by both sides; the host never trusts what arrives and parses it with ./validate.ts.
import type { PolicyInput, StorageRedundancy } from '../azure/model';

export type FormKind = 'createVault' | 'storage' | 'enableBackupVm' | 'enableBackupVault' | 'backupNow' | 'policy';

export interface FormOption {
  value: string;
  label: string;
  description?: string;
  /** Shown disabled, with the reason. */
  disabledReason?: string;
}

export interface PolicyChoice {
  name: string;
  /** Localized schedule and retention, e.g. "Daily at 22:30 · 30 days". */
  summary: string;
}

export interface CreateVaultInit { subscriptions: FormOption[]; subscriptionId: string; resourceGroups: FormOption[]; regions: FormOption[]; location: string }
export interface CreateVaultSubmit { subscriptionId: string; name: string; resourceGroup: string; newResourceGroup: boolean; location: string }

export interface StorageInit { vaultName: string; redundancy: StorageRedundancy; crossRegionRestore: boolean; locked: boolean }
export interface StorageSubmit { redundancy: StorageRedundancy; crossRegionRestore: boolean }

export interface EnableVmInit { vmName: string; vmLocation: string; vmResourceGroup: string; vaults: FormOption[]; newVaultName: string; policies: PolicyChoice[] }
/** `vaultId` empty: create `newVaultName` in the VM's resource group and region. */
export interface EnableVmSubmit { vaultId: string; newVaultName: string; policyName: string }

export interface EnableVaultInit { vaultName: string; vaultLocation: string; policies: PolicyChoice[]; vms: FormOption[] }
export interface EnableVaultSubmit { policyName: string; vmIds: string[] }

export interface BackupNowInit { itemName: string; vaultName: string; retainUntil: string; today: string; runningNote?: string }
export interface BackupNowSubmit { retainUntil: string }

export interface PolicyInit {
  vaultName: string; mode: 'create' | 'edit' | 'view'; policy: PolicyInput; timeZones: string[];
  /** Create: the names of the vault's policies, any workload (a new policy may not take one, in any case). */
  takenNames?: string[];
  /** Edit: how many items the policy protects (its changes apply to them all). */
  protectedItems?: number;
}
export type PolicySubmit = PolicyInput;

export interface FormInitMap {
  createVault: CreateVaultInit;
  storage: StorageInit;
  enableBackupVm: EnableVmInit;
  enableBackupVault: EnableVaultInit;
  backupNow: BackupNowInit;
  policy: PolicyInit;
}

export interface FormSubmitMap {
  createVault: CreateVaultSubmit;
  storage: StorageSubmit;
  enableBackupVm: EnableVmSubmit;
  enableBackupVault: EnableVaultSubmit;
  backupNow: BackupNowSubmit;
  policy: PolicySubmit;
}

/** Live lookups a form may ask for while the user types. */
export type FormQuery =
  | { query: 'checkVaultName'; subscriptionId: string; resourceGroup: string; location: string; name: string }
  | { query: 'subscriptionChoices'; subscriptionId: string }
  | { query: 'vaultPolicies'; vaultId: string };

export interface QueryResult {
  nameCheck?: { available: boolean; message?: string };
  resourceGroups?: FormOption[];
  regions?: FormOption[];
  policies?: PolicyChoice[];
}

export interface FormError {
  message: string;
  code?: string;
  requestId?: string;
  /** The field the error belongs to, when known. */
  field?: string;
}

export interface SubmitResult {
  message: string;
  /** The job the submit started; the form links to its details. */
  jobName?: string;
}

export type HostMessage =
  /** `outcome`: the form already succeeded (the page was rebuilt after being hidden): show it, not the fields' inputs again. */
  | { type: 'init'; kind: FormKind; title: string; strings: Record<string, string>; data: FormInitMap[FormKind]; outcome?: SubmitResult }
  | { type: 'reply'; requestId: number; ok: true; result: SubmitResult | QueryResult }
  | { type: 'reply'; requestId: number; ok: false; error: FormError };

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'submit'; requestId: number; payload: FormSubmitMap[FormKind] }
  | ({ type: 'query'; requestId: number } & FormQuery)
  | { type: 'openJob'; jobName: string }
  /** The result's Close button. */
  | { type: 'close' }
  /** The policy form's way out of a taken name: edit that policy instead. */
  | { type: 'editPolicy'; name: string };
