/** Microsoft.Storage accounts: list, get, create (a restore stages its data in one, in the VM's region). */
import { errors } from '../http/errors';
import type { Router } from '../http/router';
import type { Site } from '../http/site';
import { obj, str } from '../state/json';
import type { StorageAccountRecord } from '../state/model';
import { findRegion } from '../state/regions';
import { renderStorageAccount } from '../render/infrastructure';
import { listInScope } from './listInScope';
import { requireResourceGroup } from './lookup';

const ACCOUNTS = 'providers/Microsoft.Storage/storageAccounts';
/** 3–24 lower-case letters and digits, unique across Azure (here: across the sandbox). */
const ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;

export function registerStorageAccountRoutes(router: Router, site: Site): void {
  const byName = (a: StorageAccountRecord, b: StorageAccountRecord): number => a.name.localeCompare(b.name);
  listInScope(router, site, {
    type: ACCOUNTS,
    list: 'storageAccounts',
    records: (sub) => site.store.storageAccountsOf(sub).sort(byName),
    render: renderStorageAccount,
  });
  router.add('GET', `/subscriptions/{sub}/resourceGroups/{rg}/${ACCOUNTS}/{account}`, (req) => {
    requireResourceGroup(site, req.params.sub, req.params.rg);
    const a = site.store.storageAccount(req.params.sub, req.params.rg, req.params.account);
    if (!a) throw errors.resourceNotFound('Microsoft.Storage/storageAccounts', req.params.account, req.params.rg);
    return { status: 200, body: renderStorageAccount(a) };
  });
  router.add('PUT', `/subscriptions/{sub}/resourceGroups/{rg}/${ACCOUNTS}/{account}`, (req) => {
    const rg = requireResourceGroup(site, req.params.sub, req.params.rg);
    const name = req.params.account;
    if (!ACCOUNT_NAME.test(name)) {
      throw errors.storageAccountNameInvalid(name);
    }
    const existing = site.store.storageAccount(rg.subscriptionId, rg.name, name);
    const elsewhere = site.store.allStorageAccounts().find((a) => a.name === name && a !== existing);
    if (elsewhere) throw errors.storageAccountTaken(name);
    const body = obj(req.body);
    const region = findRegion(str(body?.location) ?? '');
    if (!region) throw errors.locationRequired();
    const record: StorageAccountRecord = {
      subscriptionId: rg.subscriptionId,
      resourceGroup: rg.name,
      name,
      location: region.name,
      skuName: str(obj(body?.sku)?.name) ?? 'Standard_LRS',
      kind: str(body?.kind) ?? 'StorageV2',
      createdAt: existing?.createdAt ?? site.now(),
    };
    site.store.putStorageAccount(record);
    return { status: 200, body: renderStorageAccount(record) };
  });
}
