// What a form kind declares in the page: which kind it renders and how (into the shared shell).
import type { FormInitMap, FormKind } from '../../webview/protocol';
import type { Shell } from '../formShell';

export interface FormPage<K extends FormKind> {
  readonly kind: K;
  render(shell: Shell, data: FormInitMap[K]): void;
}

export function formPage<K extends FormKind>(
  kind: K,
  render: (shell: Shell, data: FormInitMap[K]) => void,
): FormPage<K> {
  return { kind, render };
}
