// Every message from a webview is untrusted input: check shape, types and lengths before acting on it.
// Only the shape: a value the user can type (a name one character too long, a number out of range, a date that
// is not one) passes here so that the form's rules answer it with a message next to its field; refused here, the
// page would get no answer at all. Pure functions, unit-tested in test/unit/ui/validate.test.ts.
import { formContract } from './forms';
import type { FormKind, FormQuery, FormSubmitMap, WebviewMessage } from './protocol';
import { int, isObj, maxId, onlyKeys, str, type Obj } from './shape';

/** The submit payload of a form of `kind` (checked by that kind's contract), or undefined when anything is off. */
export function parseSubmit<K extends FormKind>(kind: K, p: unknown): FormSubmitMap[K] | undefined {
  return isObj(p) ? (formContract(kind).parseSubmit(p) as FormSubmitMap[K] | undefined) : undefined;
}

function parseQuery(m: Obj): FormQuery | undefined {
  switch (m.query) {
    case 'checkVaultName': {
      const subscriptionId = str(m.subscriptionId, 64, 1);
      const resourceGroup = str(m.resourceGroup, 90);
      const location = str(m.location, 64);
      const name = str(m.name, 50, 1);
      return subscriptionId !== undefined && resourceGroup !== undefined && location !== undefined && name !== undefined
        ? { query: 'checkVaultName', subscriptionId, resourceGroup, location, name }
        : undefined;
    }
    case 'subscriptionChoices': {
      const subscriptionId = str(m.subscriptionId, 64, 1);
      return subscriptionId !== undefined ? { query: 'subscriptionChoices', subscriptionId } : undefined;
    }
    case 'checkVmName': {
      // Any name a user can type: the form's rule answers it; only one within the rule reaches the service.
      const resourceGroup = str(m.resourceGroup, 90, 1);
      const name = str(m.name, 64, 1);
      return resourceGroup !== undefined && name !== undefined
        ? { query: 'checkVmName', resourceGroup, name }
        : undefined;
    }
    case 'vaultPolicies':
    case 'createPolicy': {
      const vaultId = str(m.vaultId, maxId, 1);
      return vaultId !== undefined ? { query: m.query, vaultId } : undefined;
    }
    default:
      return undefined;
  }
}

/** A message from the webview of a form of `kind`, or undefined (refused) when it is not one we expect. */
export function parseWebviewMessage(kind: FormKind, raw: unknown): WebviewMessage | undefined {
  if (!isObj(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
      return onlyKeys(raw, ['type']) ? { type: 'ready' } : undefined;
    case 'openJob': {
      const jobName = str(raw.jobName, 128, 1);
      return jobName !== undefined && onlyKeys(raw, ['type', 'jobName']) ? { type: 'openJob', jobName } : undefined;
    }
    case 'close':
      return onlyKeys(raw, ['type']) ? { type: 'close' } : undefined;
    case 'editPolicy': {
      const name = str(raw.name, 150, 1);
      return kind === 'policy' && name !== undefined && onlyKeys(raw, ['type', 'name'])
        ? { type: 'editPolicy', name }
        : undefined;
    }
    case 'submit': {
      const requestId = int(raw.requestId, 0, Number.MAX_SAFE_INTEGER);
      const payload = parseSubmit(kind, raw.payload);
      return requestId !== undefined && payload !== undefined && onlyKeys(raw, ['type', 'requestId', 'payload'])
        ? { type: 'submit', requestId, payload }
        : undefined;
    }
    case 'query': {
      const requestId = int(raw.requestId, 0, Number.MAX_SAFE_INTEGER);
      const query = parseQuery(raw);
      // Exactly the query's own fields: nothing unexpected is accepted, even if it would be dropped.
      return requestId !== undefined &&
        query !== undefined &&
        onlyKeys(raw, ['type', 'requestId', ...Object.keys(query)])
        ? { type: 'query', requestId, ...query }
        : undefined;
    }
    default:
      return undefined;
  }
}

/** A short, safe description of a refused message for the log: its type (clipped) and size, never its content. */
export function describeMessage(raw: unknown): string {
  const type =
    isObj(raw) && typeof raw.type === 'string'
      ? JSON.stringify(raw.type.slice(0, 32))
      : Array.isArray(raw)
        ? 'array'
        : typeof raw;
  let size = 0;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    size = -1;
  }
  return `type=${type} size=${size}`;
}
