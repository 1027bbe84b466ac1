import type { PolicyChoice } from '../../webview/protocol';
import { field, select, settled } from '../dom';

export interface PolicyPicker {
  group: HTMLElement;
  readonly control: HTMLElement & { value: string };
  /** Shows the chosen policy's schedule and retention in the helper line. */
  describe(): void;
  /** Replaces the choices; resolves once the new select knows its value. */
  setPolicies(p: PolicyChoice[]): Promise<void>;
}

/** A policy select whose helper shows the chosen policy's schedule and retention. */
export function policyPicker(label: string, policies: PolicyChoice[], value: string): PolicyPicker {
  let current = policies;
  const initial = policies.some((p) => p.name === value) ? value : (policies[0]?.name ?? '');
  let control = select(
    'policy',
    policies.map((p) => ({ value: p.name, label: p.name })),
    initial,
  );
  const f = field(label, control);
  const describe = (): void => {
    f.helper.textContent = current.find((p) => p.name === control.value)?.summary ?? '';
  };
  control.addEventListener('change', describe);
  return {
    group: f.group,
    get control() {
      return control;
    },
    describe,
    async setPolicies(p: PolicyChoice[]) {
      current = p;
      const next = select(
        'policy',
        p.map((x) => ({ value: x.name, label: x.name })),
        p[0]?.name ?? '',
      );
      next.id = control.id;
      next.setAttribute('aria-describedby', control.getAttribute('aria-describedby') ?? '');
      control.replaceWith(next);
      control = next;
      control.addEventListener('change', describe);
      await settled(f.group);
      describe();
    },
  };
}
