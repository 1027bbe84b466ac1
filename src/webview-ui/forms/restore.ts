import type { FormOption, QueryResult, RestoreFormKind, RestoreInit } from '../../webview/protocol';
import { confirmNameProblem, resourceGroupProblem, vmNameMessage, vmNameProblem } from '../../webview/rules';
import { query } from '../channel';
import { el, field, select, setHelp, textfield } from '../dom';
import type { Shell } from '../formShell';
import { formPage } from './page';

const KINDS: RestoreFormKind[] = ['newVm', 'restoreDisks', 'replaceDisks'];

type Control = HTMLElement & { value: string };

export function renderRestore(shell: Shell, data: RestoreInit): void {
  const s = shell.strings;
  const d = shell.draft;
  const text = (key: string, fallback: string): string => (typeof d[key] === 'string' ? (d[key] as string) : fallback);
  shell.body.append(
    el('p', {}, `${s.item}: ${data.itemName} (${data.vaultName})`),
    el('p', {}, `${s.point}: ${data.pointLabel}`),
    el('p', {}, `${s.region}: ${data.regionLabel}`),
  );
  if (data.archived) {
    // Nothing the service would refuse is offered: no configuration, no submit.
    shell.body.append(el('p', { class: 'note', role: 'note', id: 'archived' }, s.archived));
    shell.button.hidden = true;
    shell.whenSettled(() => shell.disableSubmit(true));
    return;
  }
  if (data.runningNote) shell.body.append(el('p', { class: 'note', role: 'note' }, data.runningNote));

  // The three configurations, each with its one sentence, then the choice.
  shell.body.append(
    el('ul', { class: 'choices' }, ...KINDS.map((k) => el('li', {}, el('strong', {}, s[k]), ` — ${s[`${k}Help`]}`))),
  );
  const initialKind = KINDS.find((k) => k === d.kind) ?? 'newVm';
  const kindGroup = el('vscode-radio-group', { variant: 'vertical', id: 'kind' });
  for (const k of KINDS)
    kindGroup.append(el('vscode-radio', { name: 'kind', value: k, label: s[k], checked: k === initialKind }, s[k]));
  const fKind = field(s.configuration, kindGroup);
  shell.body.append(fKind.group);
  const warning = el('p', { class: 'note warning', role: 'note', id: 'replaceWarning' }, s.replaceWarning);
  shell.body.append(warning);

  const vmName = textfield('vmName', text('vmName', ''));
  const rg = select('targetResourceGroup', data.resourceGroups, text('targetResourceGroup', data.resourceGroup));
  const firstNetwork = data.networks[0]?.value ?? '';
  const network = select(
    'virtualNetworkId',
    data.networks.map((n) => ({ value: n.value, label: n.label })),
    text('virtualNetworkId', firstNetwork),
  );
  const subnetsOf = (id: string): FormOption[] => data.networks.find((n) => n.value === id)?.subnets ?? [];
  let subnet: Control = select(
    'subnetId',
    subnetsOf(network.value || firstNetwork),
    text('subnetId', subnetsOf(network.value || firstNetwork)[0]?.value ?? ''),
  );
  const staging = select(
    'stagingStorageAccountId',
    data.stagingAccounts,
    text('stagingStorageAccountId', data.stagingAccounts.find((a) => !a.disabledReason)?.value ?? ''),
  );
  const zone = select('zone', data.zones, text('zone', ''));
  const confirm = textfield('confirmName', text('confirmName', ''));
  const f = {
    vmName: field(s.vmName, vmName),
    targetResourceGroup: field(s.targetResourceGroup, rg),
    virtualNetworkId: field(s.virtualNetwork, network, data.networks.length ? '' : s.noNetworks),
    subnetId: field(s.subnet, subnet),
    stagingStorageAccountId: field(
      s.stagingAccount,
      staging,
      data.stagingAccounts.length ? s.stagingHelp : s.noStaging,
    ),
    zone: field(s.zone, zone),
    confirmName: field(s.confirmName, confirm, data.itemName),
  };
  for (const [name, value] of Object.entries(f)) shell.helpers.set(name, value.helper);
  if (!data.networks.length) setHelp(f.virtualNetworkId.helper, s.noNetworks, true);
  if (!data.stagingAccounts.length) setHelp(f.stagingStorageAccountId.helper, s.noStaging, true);
  shell.body.append(
    f.vmName.group,
    f.targetResourceGroup.group,
    f.virtualNetworkId.group,
    f.subnetId.group,
    f.zone.group,
    f.stagingStorageAccountId.group,
    f.confirmName.group,
  );
  f.zone.group.hidden = data.zones.length === 0;

  const kind = (): RestoreFormKind => {
    const checked = [...kindGroup.querySelectorAll('vscode-radio')].find(
      (r) => (r as HTMLElement & { checked: boolean }).checked,
    );
    return KINDS.find((k) => k === checked?.getAttribute('value')) ?? initialKind;
  };
  let nameOk = false;
  let checkSeq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const payload = () => ({
    kind: kind(),
    vmName: vmName.value,
    targetResourceGroup: rg.value,
    virtualNetworkId: network.value,
    subnetId: subnet.value,
    stagingStorageAccountId: staging.value,
    zone: zone.value,
    confirmName: confirm.value,
  });
  const update = (): void => {
    const k = kind();
    const newVm = k === 'newVm';
    f.vmName.group.hidden = !newVm;
    f.virtualNetworkId.group.hidden = !newVm;
    f.subnetId.group.hidden = !newVm;
    f.zone.group.hidden = !newVm || data.zones.length === 0;
    f.targetResourceGroup.group.hidden = k === 'replaceDisks';
    f.confirmName.group.hidden = k !== 'replaceDisks';
    warning.hidden = k !== 'replaceDisks';
    const confirmBad = k === 'replaceDisks' && confirmNameProblem(confirm.value, data.itemName) !== undefined;
    if (k === 'replaceDisks')
      setHelp(
        f.confirmName.helper,
        confirm.value && confirmBad ? s.restoreConfirmName : data.itemName,
        Boolean(confirm.value) && confirmBad,
      );
    const blocked =
      !staging.value ||
      (newVm && (!nameOk || !network.value || !subnet.value || resourceGroupProblem(rg.value) !== undefined)) ||
      (k === 'restoreDisks' && resourceGroupProblem(rg.value) !== undefined) ||
      confirmBad;
    shell.disableSubmit(blocked);
    shell.save(payload());
  };
  /** Azure's rule first (at once), then whether the target group has a VM of that name (debounced, latest answer wins). */
  const checkName = (): void => {
    nameOk = false;
    clearTimeout(timer);
    const seq = ++checkSeq;
    const problem = vmNameProblem(vmName.value, data.osType);
    if (problem) {
      setHelp(f.vmName.helper, vmNameMessage(s, problem), true);
      update();
      return;
    }
    setHelp(f.vmName.helper, s.checking, false);
    update();
    timer = setTimeout(() => {
      void query({ query: 'checkVmName', resourceGroup: rg.value, name: vmName.value }).then((reply) => {
        if (seq !== checkSeq) return;
        const check = reply.ok ? (reply.result as QueryResult).nameCheck : undefined;
        nameOk = check?.available === true;
        setHelp(
          f.vmName.helper,
          nameOk ? s.vmNameAvailable : (check?.message ?? (reply.ok ? s['vmName.taken'] : reply.error.message)),
          !nameOk,
        );
        update();
      });
    }, 300);
  };
  network.addEventListener('change', () => {
    const next = select('subnetId', subnetsOf(network.value), subnetsOf(network.value)[0]?.value ?? '');
    next.id = subnet.id;
    next.setAttribute('aria-describedby', subnet.getAttribute('aria-describedby') ?? '');
    subnet.replaceWith(next);
    subnet = next;
    subnet.addEventListener('change', update);
    update();
  });
  kindGroup.addEventListener('change', () => {
    update();
    if (kind() === 'newVm' && vmName.value) checkName();
  });
  vmName.addEventListener('input', checkName);
  rg.addEventListener('change', () => {
    if (kind() === 'newVm' && vmName.value) checkName();
    else update();
  });
  for (const c of [subnet, staging, zone]) c.addEventListener('change', update);
  confirm.addEventListener('input', update);
  shell.whenSettled(() => {
    if (vmName.value) return checkName();
    // An untouched name is not wrong yet: its rule shows as help.
    setHelp(
      f.vmName.helper,
      vmNameMessage(s, vmNameProblem('', data.osType) ?? { key: 'vmName.length', max: 64 }),
      false,
    );
    update();
  });
  shell.button.addEventListener('click', () => {
    if (kind() === 'newVm' && !nameOk) return;
    void shell.run<'restore'>(payload());
  });
}

export const restorePage = formPage('restore', renderRestore);
