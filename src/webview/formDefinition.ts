import type { FormInitMap, FormKind, FormQuery, FormSubmitMap, QueryResult, SubmitResult } from './protocol';

/** What a command hands to the FormHost: the page's data and what to do with a validated submit. */
export interface FormDefinition<K extends FormKind> {
  kind: K;
  /** The target's identity (e.g. the lower-cased VM id): one panel per target, revealed if open. */
  key: string;
  title: string;
  /** Localized strings the form shows, from vscode.l10n.t on the host. */
  strings: Record<string, string>;
  init: FormInitMap[K];
  submit(payload: FormSubmitMap[K]): Promise<SubmitResult>;
  query?(query: FormQuery): Promise<QueryResult>;
  openJob?(jobName: string): Promise<void>;
  /** The policy form's "edit that policy instead": opens the vault's policy of this name, if it has one. */
  editPolicy?(name: string): Promise<void>;
}
