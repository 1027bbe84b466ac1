// Bulk protection: the selected unprotected VMs grouped per subscription and region, a vault and policy per
// group (or "create vault" where the region has none), one button to enable them all, then progress per VM,
// failures with their reason, and a retry of the failed ones.
import { regionDisplayName } from '../../azure/regionNames';
import type { EnableGroup, VmProgress } from '../../coverage/protocol';
import type { RegionGroup } from '../../coverage/regionPlan';
import { MAX_ENABLE_VMS } from '../../coverage/validate';
import { fieldMessage, vaultNameProblem } from '../../webview/rules';
import { el, field, select, setHelp, textfield } from '../dom';
import { fill, type Strings } from './format';

/** A region's choice; `vaultName` is what the user typed for a new vault, kept across re-renders. */
export interface GroupChoice {
  vaultId: string;
  policyName: string;
  resourceGroup: string;
  vaultName: string;
}
/** The host's refusal of a new vault's input, shown next to that field (`name` or `resourceGroup`). */
export interface FieldMessage {
  field: string;
  message: string;
}

export interface ProtectModel {
  strings: Strings;
  groups: RegionGroup[];
  resourceGroups: (subscriptionId: string) => string[];
  choice(group: RegionGroup): GroupChoice;
  /** `render` false while typing: re-rendering would take the focus from the field. */
  setChoice(group: RegionGroup, choice: Partial<GroupChoice>, render?: boolean): void;
  fieldMessage(group: RegionGroup): FieldMessage | undefined;
  /** Progress of the last run by lower-cased VM id, with the VM names for the list. */
  progress: Map<string, VmProgress & { name: string }>;
  running: boolean;
  message: string;
  onCreateVault(group: RegionGroup): void;
  onEnable(groups: EnableGroup[]): void;
  onRetry(): void;
}

function groupView(m: ProtectModel, g: RegionGroup): HTMLElement {
  const s = m.strings;
  const choice = m.choice(g);
  const title = el(
    'h3',
    {},
    fill(s.groupTitle, {
      region: regionDisplayName(g.location),
      subscription: g.subscriptionName,
      count: g.vms.length,
    }),
  );
  const names = el('p', { class: 'sub' }, g.vms.map((v) => v.name).join(', '));
  const box = el('div', { class: 'group', 'data-region': g.location }, title, names);
  if (g.vaults.length === 0) {
    box.append(
      el('p', { class: 'note' }, fill(s.noVault, { region: regionDisplayName(g.location) })),
      newVaultRow(m, g),
    );
    return box;
  }
  const vault = g.vaults.find((v) => v.id === choice.vaultId) ?? g.vaults[0];
  const vaultSelect = select(
    'vault',
    g.vaults.map((v) => ({ value: v.id, label: v.name, description: v.resourceGroup })),
    vault.id,
  );
  vaultSelect.setAttribute('aria-label', s.vault);
  vaultSelect.addEventListener('change', () => m.setChoice(g, { vaultId: vaultSelect.value, policyName: '' }));
  const policy = vault.policies.find((p) => p.name === choice.policyName) ?? vault.policies[0];
  const policySelect = select(
    'policy',
    vault.policies.map((p) => ({ value: p.name, label: p.name, description: p.summary })),
    policy?.name ?? '',
  );
  policySelect.setAttribute('aria-label', s.policy);
  policySelect.addEventListener('change', () => m.setChoice(g, { policyName: policySelect.value }));
  box.append(el('div', { class: 'row' }, el('span', {}, s.vault), vaultSelect, el('span', {}, s.policy), policySelect));
  return box;
}

/** A new vault for a region without one: its resource group and name, each with the line for its message. */
function newVaultRow(m: ProtectModel, g: RegionGroup): HTMLElement {
  const s = m.strings;
  const choice = m.choice(g);
  const rg = select(
    'resourceGroup',
    m.resourceGroups(g.subscriptionId).map((n) => ({ value: n, label: n })),
    choice.resourceGroup,
  );
  const name = textfield('vaultName', choice.vaultName);
  name.setAttribute('data-region', g.location);
  const rgField = field(s.resourceGroup, rg);
  const nameField = field(s.vaultName, name);
  const create = el(
    'vscode-button',
    { class: 'create-vault', 'data-region': g.location, disabled: m.running },
    s.createVault,
  );
  // As in the forms: no create while the name breaks a rule the page knows; the host's own answers come back here.
  const rule = (): void => {
    const problem = vaultNameProblem(name.value);
    setHelp(nameField.helper, problem ? fieldMessage(s, problem) : '', problem !== undefined);
    create.toggleAttribute('disabled', m.running || problem !== undefined);
  };
  const shown = m.fieldMessage(g);
  rule();
  if (shown) setHelp(shown.field === 'resourceGroup' ? rgField.helper : nameField.helper, shown.message, true);
  rg.addEventListener('change', () => m.setChoice(g, { resourceGroup: rg.value }));
  name.addEventListener('input', () => {
    m.setChoice(g, { vaultName: name.value }, false);
    rule();
  });
  create.addEventListener('click', () => {
    if (!m.running && !create.hasAttribute('disabled')) m.onCreateVault(g);
  });
  return el('div', { class: 'row new-vault' }, rgField.group, nameField.group, create);
}

/** What the enable button sends: every group with a vault and a policy. */
export function enableGroups(m: ProtectModel): EnableGroup[] {
  return m.groups.flatMap((g) => {
    const c = m.choice(g);
    const vault = g.vaults.find((v) => v.id === c.vaultId) ?? g.vaults[0];
    const policyName = vault
      ? (vault.policies.find((p) => p.name === c.policyName) ?? vault.policies[0])?.name
      : undefined;
    return vault && policyName
      ? [{ subscriptionId: g.subscriptionId, vaultId: vault.id, policyName, vmIds: g.vms.map((v) => v.vmId) }]
      : [];
  });
}

function progressView(m: ProtectModel): HTMLElement {
  const s = m.strings;
  const items = [...m.progress.values()].map((p) => {
    const reason =
      p.state === 'skipped'
        ? fill(s['progress.skipped'], { vault: p.vaultName ?? '' })
        : p.state === 'failed' && p.error
          ? `${s['progress.failed']}: ${[p.error.message, p.error.code ? `${s.code}: ${p.error.code}` : '', p.error.requestId ? `${s.requestId}: ${p.error.requestId}` : ''].filter(Boolean).join(' · ')}`
          : s[`progress.${p.state}`];
    return el(
      'li',
      { class: `progress ${p.state}`, 'data-vm': p.name, 'data-state': p.state },
      el('span', { class: 'vm-name' }, p.name),
      ' — ',
      reason,
    );
  });
  const failed = [...m.progress.values()].some((p) => p.state === 'failed');
  const retry = el('vscode-button', { id: 'retry', secondary: true, disabled: m.running }, s.retry);
  retry.addEventListener('click', () => {
    if (!m.running) m.onRetry();
  });
  return el(
    'div',
    { class: 'results' },
    el('p', { role: 'status', class: 'message' }, m.message),
    el('ul', { class: 'progress-list', 'aria-live': 'polite' }, ...items),
    ...(failed && !m.running ? [retry] : []),
  );
}

export function protectView(m: ProtectModel): HTMLElement {
  const s = m.strings;
  const section = el('section', { class: 'protect', 'aria-label': s.protect }, el('h2', {}, s.protect));
  if (m.groups.length === 0) section.append(el('p', { class: 'note' }, s.protectHelp));
  for (const g of m.groups) section.append(groupView(m, g));
  if (m.groups.length > 0) {
    const groups = enableGroups(m);
    const count = groups.reduce((n, g) => n + g.vmIds.length, 0);
    // The host refuses a larger request; said here rather than left to a button that would never answer.
    const tooMany = count > MAX_ENABLE_VMS;
    const ready = groups.length === m.groups.length && !tooMany;
    const button = el(
      'vscode-button',
      { id: 'enable', disabled: m.running || !ready },
      m.running ? s.working : fill(s.enable, { count }),
    );
    button.addEventListener('click', () => {
      if (!m.running && ready) m.onEnable(groups);
    });
    section.append(el('div', { class: 'actions' }, button));
    if (tooMany) section.append(el('p', { class: 'note', id: 'too-many' }, fill(s.tooMany, { max: MAX_ENABLE_VMS })));
  }
  if (m.progress.size > 0 || m.message) section.append(progressView(m));
  return section;
}
