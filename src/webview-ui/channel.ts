// The webview end of the typed channel: posts `ready`, receives `init`, and matches replies to requests by id.
import type { FormQuery, FormKind, FormSubmitMap, HostMessage, QueryResult, SubmitResult, FormError } from '../webview/protocol';

export const vscodeApi = acquireVsCodeApi<Draft>();

/** Field values kept through hide/show with setState (no retainContextWhenHidden). */
export interface Draft {
  kind: FormKind;
  values: Record<string, string | boolean | string[]>;
}

type Reply = { ok: true; result: SubmitResult | QueryResult } | { ok: false; error: FormError };

const pending = new Map<number, (reply: Reply) => void>();
let nextId = 1;

function send(build: (requestId: number) => object): Promise<Reply> {
  const requestId = nextId++;
  return new Promise((resolve) => {
    pending.set(requestId, resolve);
    vscodeApi.postMessage(build(requestId));
  });
}

export function submit<K extends FormKind>(payload: FormSubmitMap[K]): Promise<Reply> {
  return send((requestId) => ({ type: 'submit', requestId, payload }));
}

export function query(q: FormQuery): Promise<Reply> {
  return send((requestId) => ({ type: 'query', requestId, ...q }));
}

export function openJob(jobName: string): void {
  vscodeApi.postMessage({ type: 'openJob', jobName });
}

/** The result's Close button: the host closes the panel. */
export function closeForm(): void {
  vscodeApi.postMessage({ type: 'close' });
}

/** The policy form's "edit that policy instead". */
export function editPolicy(name: string): void {
  vscodeApi.postMessage({ type: 'editPolicy', name });
}

export function listen(onInit: (message: Extract<HostMessage, { type: 'init' }>) => void): void {
  window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
    const message = event.data;
    if (message.type === 'init') onInit(message);
    else if (message.type === 'reply') {
      const resolve = pending.get(message.requestId);
      pending.delete(message.requestId);
      resolve?.(message.ok ? { ok: true, result: message.result } : { ok: false, error: message.error });
    }
  });
  vscodeApi.postMessage({ type: 'ready' });
}
