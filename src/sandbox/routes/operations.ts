/**
 * Every backup async operation id answers in four views: item-level operationsStatus/{op} and
 * operationResults/{op}, and vault-level backupOperations/{op} and backupOperationResults/{op}.
 */
import { ArmError, errors } from '../http/errors';
import type { Reply, RouteRequest, Router } from '../http/router';
import type { Site } from '../http/site';
import type { OperationRecord } from '../state/model';
import { renderOperationStatus } from '../render/operation';
import { renderItem } from '../render/backup';
import { ITEM, requireVault, resolveItemPath, VAULT, vaultUrl } from './lookup';

function findOperation(site: Site, vaultKey: string, id: string): OperationRecord {
  const op = site.store.operation(vaultKey, id);
  if (!op) throw errors.backupOperationNotFound(id, ' in this vault');
  return op;
}

function failed(op: OperationRecord): ArmError | undefined {
  return op.error ? errors.operationFailed(op.error.code, op.error.message) : undefined;
}

export function registerOperationRoutes(router: Router, site: Site): void {
  const status = (req: RouteRequest): Reply => {
    const { vaultKey } = requireVault(site, req);
    return { status: 200, body: renderOperationStatus(findOperation(site, vaultKey, req.params.op), site.now()) };
  };
  router.add('GET', `${ITEM}/operationsStatus/{op}`, status);
  router.add('GET', `${VAULT}/backupOperations/{op}`, status);

  router.add('GET', `${ITEM}/operationResults/{op}`, (req) => {
    const { vault, vaultKey, vm, vmKey } = resolveItemPath(site, req);
    const op = findOperation(site, vaultKey, req.params.op);
    if (op.doneAt > site.now())
      return { status: 202, headers: { Location: `${site.endpoint}${req.rawPath}?api-version=${req.apiVersion}` } };
    const error = failed(op);
    if (error) throw error;
    const item = site.store.item(vaultKey, vmKey);
    return item && vm
      ? {
          status: 200,
          body: renderItem(vault, vm, item, site.store.recoveryPointsOf(vaultKey, vmKey), false, site.now()),
        }
      : { status: 204 };
  });

  router.add('GET', `${VAULT}/backupOperationResults/{op}`, (req) => {
    const { vault, vaultKey } = requireVault(site, req);
    const op = findOperation(site, vaultKey, req.params.op);
    if (op.doneAt > site.now())
      return {
        status: 202,
        headers: { Location: vaultUrl(site, vault, `/backupOperationResults/${op.id}`, req.apiVersion) },
      };
    const error = failed(op);
    if (error) throw error;
    return { status: 204 };
  });
}
