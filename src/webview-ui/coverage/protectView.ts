// Bulk protection: the selected unprotected VMs grouped per subscription and region, a vault and policy per
// group (or "create vault" where the region has none), with an Enhanced policy of its own for the VMs only an
// Enhanced policy protects, one button to enable them all, then progress per VM, failures with their reason, and a
// retry of the failed ones.
import { regionDisplayName } from '../../azure/regionNames';
import type { EnableGroup, VmProgress } from '../../coverage/protocol';
import { enhancedPolicies, enhancedReasons, groupRequests, type RegionGroup } from '../../coverage/regionPlan';
import type { VaultChoice } from '../../coverage/types';
import { MAX_ENABLE_VMS } from '../../coverage/validate';
import { fieldMessage, vaultNameProblem } from '../../webview/rules';
import { el, field, select, setHelp, textfield } from '../dom';
import { fill, type Strings } from './format';

/** A region's choice; `vaultName` is what the user typed for a new vault, kept across re-renders. */
export interface GroupChoice {
  vaultId: string;
  policyName: string;
  /** The policy of the group's Enhanced-only VMs; the vault's first Enhanced policy when unset. */
  enhancedPolicyName?: string;
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
  const others = g.vms.filter((v) => !g.enhancedOnly.includes(v));
  const box = el('div', { class: 'group', 'data-region': g.location }, title);
  if (others.length > 0) box.append(el('p', { class: 'sub' }, others.map((v) => v.name).join(', ')));
  const vault = chosenVault(g, choice);
  if (!vault) {
    box.append(
      el('p', { class: 'note' }, fill(s.noVault, { region: regionDisplayName(g.location) })),
      newVaultRow(m, g),
    );
    if (g.enhancedOnly.length > 0) box.append(enhancedView(m, g));
    return box;
  }
  const vaultSelect = select(
    'vault',
    g.vaults.map((v) => ({ value: v.id, label: v.name, description: v.resourceGroup })),
    vault.id,
  );
  vaultSelect.setAttribute('aria-label', s.vault);
  vaultSelect.addEventListener('change', () =>
    m.setChoice(g, { vaultId: vaultSelect.value, policyName: '', enhancedPolicyName: '' }),
  );
  const row = el('div', { class: 'row' }, el('span', {}, s.vault), vaultSelect);
  if (others.length > 0) {
    const policy = vault.policies.find((p) => p.name === choice.policyName) ?? vault.policies[0];
    const policySelect = policyChoice('policy', s.policy, vault.policies, policy?.name);
    policySelect.addEventListener('change', () => m.setChoice(g, { policyName: policySelect.value }));
    row.append(el('span', {}, s.policy), policySelect);
  }
  box.append(row);
  if (g.enhancedOnly.length > 0) box.append(enhancedView(m, g, vault));
  return box;
}

const chosenVault = (g: RegionGroup, c: GroupChoice): VaultChoice | undefined =>
  g.vaults.find((v) => v.id === c.vaultId) ?? g.vaults[0];

function policyChoice(id: string, label: string, policies: VaultChoice['policies'], value: string | undefined) {
  const choice = select(
    id,
    policies.map((p) => ({ value: p.name, label: p.name, description: p.summary })),
    value ?? '',
  );
  choice.setAttribute('aria-label', label);
  return choice;
}

/**
 * The VMs only an Enhanced policy protects, with why, and the vault's Enhanced policies to choose from; where the
 * vault has none, a sentence saying they are left out (a Standard policy is never offered to them).
 */
function enhancedView(m: ProtectModel, g: RegionGroup, vault?: VaultChoice): HTMLElement {
  const s = m.strings;
  const reasons = enhancedReasons(g)
    .map((r) => s[`reason.${r}`])
    .join(', ');
  const box = el(
    'div',
    { class: 'enhanced-only' },
    el('p', { class: 'note' }, fill(s.enhancedNeeded, { count: g.enhancedOnly.length, reasons })),
    el('p', { class: 'sub' }, g.enhancedOnly.map((v) => v.name).join(', ')),
  );
  if (!vault) return box;
  const policies = enhancedPolicies(vault);
  if (policies.length === 0) {
    box.append(el('p', { class: 'note no-enhanced-policy' }, fill(s.noEnhancedPolicy, { vault: vault.name })));
    return box;
  }
  const current = policies.find((p) => p.name === m.choice(g).enhancedPolicyName) ?? policies[0];
  const policySelect = policyChoice('enhancedPolicy', s.enhancedPolicy, policies, current.name);
  policySelect.addEventListener('change', () => m.setChoice(g, { enhancedPolicyName: policySelect.value }));
  box.append(el('div', { class: 'row' }, el('span', {}, s.enhancedPolicy), policySelect));
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

/**
 * What the enable button sends: each group's VMs with their vault's chosen policies. Ready when every group has a
 * vault and a policy for each VM, except the Enhanced-only VMs of a vault without an Enhanced policy (left out, as
 * the group says).
 */
export function enableGroups(m: ProtectModel): { groups: EnableGroup[]; ready: boolean } {
  let ready = true;
  const groups = m.groups.flatMap((g) => {
    const c = m.choice(g);
    const vault = chosenVault(g, c);
    if (!vault) {
      ready = false;
      return [];
    }
    const planned = groupRequests(g, vault, c.policyName, c.enhancedPolicyName);
    if (planned.leftOut.some((v) => !v.enhancedReason)) ready = false;
    return planned.requests;
  });
  return { groups, ready: ready && groups.length > 0 };
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
    const planned = enableGroups(m);
    const groups = planned.groups;
    const count = groups.reduce((n, g) => n + g.vmIds.length, 0);
    // The host refuses a larger request; said here rather than left to a button that would never answer.
    const tooMany = count > MAX_ENABLE_VMS;
    const ready = planned.ready && !tooMany;
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
