// Everything a restore is checked against before its POST: the request's own rules, then what the service has
// (the item, the point and its OS, the staging account and network with their regions, the subnet, the VM name).
// A refusal is an AzureError whose target is the request field, and nothing is sent.
import type { ItemRef } from '../backupService';
import { AzureError } from '../errors';
import type { BackupItem, RecoveryPoint, RestoreRequest } from '../model';
import type { RestoreProblem } from '../validation';
import { validateRestoreRequest } from '../validation';
import type { OperationContext } from './context';
import { getBackupItem } from './items';
import { getRecoveryPoint } from './recoveryPoints';
import { getStorageAccountById, getVirtualNetworkById, isVmNameAvailable } from './restoreTargets';
import { sameId } from '../ids';

export function refusal(problem: Pick<RestoreProblem, 'code' | 'message' | 'field'>): AzureError {
  return new AzureError({ code: problem.code, message: problem.message, retryable: false, target: problem.field });
}

function notFound(field: RestoreProblem['field'], what: string, id: string): AzureError {
  return new AzureError({
    code: 'RestoreTargetNotFound',
    message: `The ${what} '${id}' was not found.`,
    retryable: false,
    target: field,
  });
}

export interface CheckedRestore {
  item: BackupItem;
  point: RecoveryPoint;
}

export async function checkRestore(
  ctx: OperationContext,
  ref: ItemRef,
  recoveryPointId: string,
  request: RestoreRequest,
  signal?: AbortSignal,
): Promise<CheckedRestore> {
  const shape = validateRestoreRequest(request);
  if (shape) throw refusal(shape);
  const newVm = request.kind === 'newVm' ? request : undefined;
  const [item, point, staging, network, nameFree] = await Promise.all([
    getBackupItem(ctx, ref, signal),
    getRecoveryPoint(ctx, ref, recoveryPointId, signal),
    getStorageAccountById(ctx, request.stagingStorageAccountId, signal),
    newVm ? getVirtualNetworkById(ctx, newVm.virtualNetworkId, signal) : undefined,
    newVm ? isVmNameAvailable(ctx, ref.subscriptionId, newVm.targetResourceGroup, newVm.vmName, signal) : true,
  ]);
  if (!staging) throw notFound('stagingStorageAccountId', 'storage account', request.stagingStorageAccountId);
  if (newVm) {
    if (!network) throw notFound('virtualNetworkId', 'virtual network', newVm.virtualNetworkId);
    if (!network.subnets.some((s) => sameId(s.id, newVm.subnetId)))
      throw notFound('subnetId', 'subnet', newVm.subnetId);
  }
  const facts = validateRestoreRequest(request, {
    osType: point.osType,
    stagingAccountLocation: staging.location,
    ...(network ? { virtualNetworkLocation: network.location } : {}),
  });
  if (facts) throw refusal(facts);
  if (newVm && !nameFree) {
    throw new AzureError({
      code: 'VmNameTaken',
      retryable: false,
      target: 'vmName',
      message: `A virtual machine named '${newVm.vmName}' already exists in the resource group '${newVm.targetResourceGroup}'.`,
    });
  }
  return { item, point };
}
