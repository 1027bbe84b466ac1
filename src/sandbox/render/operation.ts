/** Wire shape of a backup `OperationStatus` (and the vault RP's operationStatus, which has the same fields). */
import type { OperationRecord } from '../state/model';
import { iso } from './time';

export function operationFinished(op: OperationRecord, now: number): boolean {
  return op.doneAt <= now;
}

export function renderOperationStatus(op: OperationRecord, now: number): unknown {
  const done = operationFinished(op, now);
  const body: Record<string, unknown> = {
    id: op.id,
    name: op.id,
    status: !done ? 'InProgress' : op.error ? 'Failed' : 'Succeeded',
    startTime: iso(op.startTime),
    endTime: done ? iso(op.doneAt) : '0001-01-01T00:00:00.00000Z',
  };
  if (done && op.error) body.error = { code: op.error.code, message: op.error.message };
  if (op.jobId && op.kind !== 'cancelJob' && (!done || !op.error))
    body.properties = { objectType: 'OperationStatusJobExtendedInfo', jobId: op.jobId };
  if (done && !op.error && op.clientScripts) {
    body.properties = {
      objectType: 'OperationStatusProvisionILRExtendedInfo',
      recoveryTarget: { clientScripts: op.clientScripts },
    };
  }
  return body;
}
