// The typed channel between the extension host (FormPanel) and the webview forms (src/webview-ui).
// Shared by both sides; the host never trusts what arrives and parses it with ./validate.ts.
// Each kind's own messages live in its module under ./forms; the maps below are built from their list.
import type { FormKind, FormInitMap, FormSubmitMap } from './forms';

export type { FormKind, FormInitMap, FormSubmitMap } from './forms';
export type { BackupNowInit } from './forms/backupNow';
export type { CreateVaultInit } from './forms/createVault';
export type { EnableVaultInit } from './forms/enableVault';
export type { EnableVmInit } from './forms/enableVm';
export type { PolicyInit } from './forms/policy';
export type { RestoreFormKind, RestoreInit, RestoreSubmit } from './forms/restore';
export type { StorageInit } from './forms/storage';
export type { VaultSecurityInit } from './forms/vaultSecurity';

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

/** Live lookups a form may ask for while the user types. */
export type FormQuery =
  | { query: 'checkVaultName'; subscriptionId: string; resourceGroup: string; location: string; name: string }
  | { query: 'subscriptionChoices'; subscriptionId: string }
  | { query: 'vaultPolicies'; vaultId: string }
  /** The enable form of a VM that needs an Enhanced policy: open the policy form on this vault. */
  | { query: 'createPolicy'; vaultId: string }
  /** The restore form: is there a VM of this name in the target group? */
  | { query: 'checkVmName'; resourceGroup: string; name: string };

export interface QueryResult {
  nameCheck?: { available: boolean; message?: string };
  resourceGroups?: FormOption[];
  regions?: FormOption[];
  policies?: PolicyChoice[];
  /** Why only these policies are offered, when it is not all of them. */
  policyNote?: string;
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
  | {
      type: 'init';
      kind: FormKind;
      title: string;
      strings: Record<string, string>;
      data: FormInitMap[FormKind];
      outcome?: SubmitResult;
    }
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
