// What a form kind declares on the host: its name, how its submit payload is checked, and its own strings.
// The page bundle imports only the types (Init/Submit are carried as phantom fields for the registry's type maps).
import type * as vscodeApi from 'vscode';
import type { Obj } from '../shape';

/** The host's l10n, handed in so a contract loads without vscode (the message check is unit-tested); the
 * parameter is named `vscode` so `npm run l10n` finds each `vscode.l10n.t(...)`. */
export interface HostL10n {
  l10n: Pick<typeof vscodeApi.l10n, 't'>;
}

export interface FormContract<K extends string, Init, Submit> {
  readonly kind: K;
  /** The submit payload when its shape is right, else undefined (the message is refused). */
  parseSubmit(payload: Obj): Submit | undefined;
  /** Localized strings of this kind, added to the ones every form shows (vscode.l10n.t, host only). */
  strings(vscode: HostL10n): Record<string, string>;
  /** Type carriers only: never set. */
  readonly init?: Init;
  readonly submit?: Submit;
}

/** `defineForm<Init, Submit>()({ kind, parseSubmit, strings })`: the kind's contract with its types attached. */
export function defineForm<Init, Submit>() {
  return <K extends string>(
    contract: Omit<FormContract<K, Init, Submit>, 'init' | 'submit'>,
  ): FormContract<K, Init, Submit> => contract;
}
