import type * as vscode from 'vscode';
import type { Log } from '../ui/log';
import type { FormDefinition } from './formDefinition';
import { FormPanel } from './formPanel';
import type { FormKind } from './protocol';
import { idKey } from '../azure/ids';

/** Opens forms, one panel per target: a second open of the same target reveals the first (a new one once it succeeded). */
export class FormHost implements vscode.Disposable {
  private readonly panels = new Map<string, FormPanel<FormKind>>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: Log,
  ) {}

  open<K extends FormKind>(definition: FormDefinition<K>): FormPanel<K> {
    const key = `${definition.kind}:${idKey(definition.key)}`;
    const existing = this.panels.get(key);
    // A form that succeeded only shows its outcome: opening the target again starts a new form.
    if (existing?.settled) existing.dispose();
    else if (existing) {
      existing.reveal();
      return existing as unknown as FormPanel<K>;
    }
    const panel = new FormPanel(definition, this.extensionUri, this.log);
    this.panels.set(key, panel as unknown as FormPanel<FormKind>);
    panel.onDidClose(() => this.panels.delete(key));
    return panel;
  }

  /** Open panels, newest last (for tests and "which form is this"). */
  list(): FormPanel<FormKind>[] {
    return [...this.panels.values()];
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }
}
