import type { CreateVaultInit, FormOption, QueryResult } from '../../webview/protocol';
import { fieldMessage, resourceGroupProblem, vaultNameProblem } from '../../webview/rules';
import { query } from '../channel';
import { el, field, select, setHelp, settled, textfield } from '../dom';
import type { Shell } from '../formShell';
import { formPage } from './page';

export function renderCreateVault(shell: Shell, data: CreateVaultInit): void {
  const s = shell.strings;
  const d = shell.draft;
  const sub = select(
    'subscription',
    data.subscriptions,
    typeof d.subscriptionId === 'string' ? d.subscriptionId : data.subscriptionId,
  );
  const name = textfield('name', typeof d.name === 'string' ? d.name : '');
  const newRg = el('vscode-checkbox', {
    id: 'newResourceGroup',
    label: s.newResourceGroup,
    checked: d.newResourceGroup === true,
  }) as HTMLElement & { checked: boolean };
  const rgName = textfield(
    'newResourceGroupName',
    typeof d.newResourceGroupName === 'string' ? d.newResourceGroupName : '',
  );
  let rgSelect = select(
    'resourceGroup',
    data.resourceGroups,
    typeof d.resourceGroup === 'string' ? d.resourceGroup : (data.resourceGroups[0]?.value ?? ''),
  );
  let region = select('region', data.regions, typeof d.location === 'string' ? d.location : data.location);
  const fName = field(s.name, name, s['vaultName.characters']);
  const fSub = field(s.subscription, sub);
  const fRg = field(s.resourceGroup, rgSelect);
  const fRgName = field(s.newResourceGroupName, rgName);
  const fRegion = field(s.region, region);
  shell.helpers.set('name', fName.helper);
  shell.helpers.set('resourceGroup', fRg.helper);
  shell.body.append(
    fSub.group,
    fName.group,
    fRg.group,
    el('vscode-form-group', { variant: 'vertical' }, newRg),
    fRgName.group,
    fRegion.group,
  );
  let nameOk = false;
  let checkSeq = 0;
  let rgTyped = rgName.value !== '';
  const rg = (): string => (newRg.checked ? rgName.value : rgSelect.value);
  const save = (): void =>
    shell.save({
      subscriptionId: sub.value,
      name: name.value,
      resourceGroup: rgSelect.value,
      newResourceGroup: newRg.checked,
      newResourceGroupName: rgName.value,
      location: region.value,
    });
  const update = (): void => {
    fRgName.group.hidden = !newRg.checked;
    fRg.group.hidden = newRg.checked;
    // The host's message about the resource group goes next to the one of the two fields that shows.
    shell.helpers.set('resourceGroup', newRg.checked ? fRgName.helper : fRg.helper);
    const rgProblem = newRg.checked ? resourceGroupProblem(rgName.value) : undefined;
    const rgBad = rgProblem !== undefined;
    // The rule shows once the user has typed a name; an untouched field is not yet wrong.
    const rgShown = rgBad && rgTyped;
    setHelp(fRgName.helper, rgShown ? fieldMessage(s, rgProblem) : '', rgShown);
    shell.disableSubmit(!nameOk || rgBad || !rg() || !region.value);
    save();
  };
  /** Rules first (instantly), then availability from the service (debounced, latest answer wins). */
  let timer: ReturnType<typeof setTimeout> | undefined;
  const checkName = (): void => {
    const problem = vaultNameProblem(name.value);
    nameOk = false;
    if (problem) {
      setHelp(fName.helper, fieldMessage(s, problem), true);
      update();
      return;
    }
    clearTimeout(timer);
    const seq = ++checkSeq;
    // Names are unique per resource group: without a valid group there is nothing to ask the service yet.
    if (resourceGroupProblem(rg()) !== undefined) {
      setHelp(fName.helper, '', false);
      update();
      return;
    }
    setHelp(fName.helper, s.checking, false);
    update();
    timer = setTimeout(() => {
      void query({
        query: 'checkVaultName',
        subscriptionId: sub.value,
        resourceGroup: rg(),
        location: region.value,
        name: name.value,
      }).then((reply) => {
        if (seq !== checkSeq) return;
        const check = reply.ok ? (reply.result as QueryResult).nameCheck : undefined;
        nameOk = check?.available === true;
        setHelp(
          fName.helper,
          nameOk ? s.available : (check?.message ?? (reply.ok ? s['vaultName.taken'] : reply.error.message)),
          !nameOk,
        );
        update();
      });
    }, 300);
  };
  const replace = (
    old: HTMLElement & { value: string },
    options: FormOption[],
    value: string,
    nameAttr: string,
  ): HTMLElement & { value: string } => {
    const next = select(nameAttr, options, value);
    next.id = old.id;
    next.setAttribute('aria-describedby', old.getAttribute('aria-describedby') ?? '');
    old.replaceWith(next);
    next.addEventListener('change', () => {
      update();
      checkName();
    });
    return next;
  };
  sub.addEventListener('change', () => {
    void query({ query: 'subscriptionChoices', subscriptionId: sub.value }).then((reply) => {
      if (!reply.ok) return;
      const r = reply.result as QueryResult;
      rgSelect = replace(rgSelect, r.resourceGroups ?? [], r.resourceGroups?.[0]?.value ?? '', 'resourceGroup');
      region = replace(region, r.regions ?? [], r.regions?.[0]?.value ?? '', 'region');
      void settled(shell.body).then(checkName);
    });
  });
  name.addEventListener('input', checkName);
  for (const c of [rgSelect, region])
    c.addEventListener('change', () => {
      update();
      checkName();
    });
  newRg.addEventListener('change', () => {
    update();
    checkName();
  });
  rgName.addEventListener('input', () => {
    rgTyped = true;
    update();
    if (name.value) checkName();
  });
  shell.whenSettled(() => {
    if (name.value) checkName();
    else {
      setHelp(fName.helper, s['vaultName.characters'], false);
      update();
    }
  });
  shell.button.addEventListener('click', () => {
    if (!nameOk) return;
    void shell.run<'createVault'>({
      subscriptionId: sub.value,
      name: name.value,
      resourceGroup: rg(),
      newResourceGroup: newRg.checked,
      location: region.value,
    });
  });
}

export const createVaultPage = formPage('createVault', renderCreateVault);
