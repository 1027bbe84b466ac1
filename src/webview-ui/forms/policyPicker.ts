import type { PolicyChoice } from '../../webview/protocol';
import { field, select } from '../dom';

/** A policy select whose helper shows the chosen policy's schedule and retention. */
export function policyPicker(label: string, policies: PolicyChoice[], value: string): { group: HTMLElement; control: HTMLElement & { value: string }; setPolicies(p: PolicyChoice[]): void } {
  let current = policies;
  let control = select('policy', policies.map((p) => ({ value: p.name, label: p.name })), value || policies[0]?.name || '');
  const f = field(label, control);
  const describe = (): void => { f.helper.textContent = current.find((p) => p.name === control.value)?.summary ?? ''; };
  control.addEventListener('change', describe);
  describe();
  return {
    group: f.group,
    get control() { return control; },
    setPolicies(p: PolicyChoice[]) {
      current = p;
      const next = select('policy', p.map((x) => ({ value: x.name, label: x.name })), p[0]?.name ?? '');
      next.id = control.id;
      next.setAttribute('aria-describedby', control.getAttribute('aria-describedby') ?? '');
      control.replaceWith(next);
      control = next;
      control.addEventListener('change', describe);
      describe();
    },
  };
}
