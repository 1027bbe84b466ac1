// Tiny DOM helpers: text is always set with textContent, never parsed as HTML.
import type { FormOption } from '../webview/protocol';

/** Note: a vscode-checkbox shows its `label` attribute and its slotted text side by side; give it only the label. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string | boolean> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (typeof value === 'boolean') {
      if (value) node.setAttribute(key, '');
    } else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

let counter = 0;
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A labelled field with a helper line for rules and errors (aria-describedby links them). */
export function field(label: string, control: HTMLElement, help = ''): { group: HTMLElement; helper: HTMLElement } {
  const id = control.id || uid('field');
  control.id = id;
  const helper = el('vscode-form-helper', { id: `${id}-help` }, help);
  control.setAttribute('aria-describedby', `${id}-help`);
  const group = el(
    'vscode-form-group',
    { variant: 'vertical' },
    el('vscode-label', { for: id }, label),
    control,
    helper,
  );
  return { group, helper };
}

export function select(name: string, options: FormOption[], value: string): HTMLElement & { value: string } {
  const s = el('vscode-single-select', { name });
  for (const o of options) {
    const opt = el(
      'vscode-option',
      { value: o.value, description: o.description ?? '', disabled: o.disabledReason !== undefined },
      o.label,
    );
    if (o.value === value) opt.setAttribute('selected', '');
    s.append(opt);
  }
  return s as HTMLElement & { value: string };
}

export function textfield(name: string, value: string, type = 'text'): HTMLElement & { value: string } {
  const t = el('vscode-textfield', { name, type, value });
  (t as HTMLElement & { value: string }).value = value;
  return t as HTMLElement & { value: string };
}

/**
 * Waits until the vscode-elements under `root` (attached to the document) have rendered and taken in their
 * slotted children: a vscode-single-select learns its options, and so reports its value, only on the
 * slotchange after its first render. Read no component state before this.
 */
export async function settled(root: HTMLElement): Promise<void> {
  const pending = [...root.querySelectorAll('*')]
    .map((e) => (e as Element & { updateComplete?: Promise<unknown> }).updateComplete)
    .filter((p): p is Promise<unknown> => p instanceof Promise);
  await Promise.all(pending);
  // slotchange is delivered after the render's microtasks; one macrotask later every select knows its value.
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
}

export function setHelp(helper: HTMLElement, text: string, error: boolean): void {
  helper.textContent = text;
  helper.classList.toggle('error', error);
  helper.setAttribute('role', error ? 'alert' : 'status');
}
