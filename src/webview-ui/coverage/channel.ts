// The page end of the coverage channel: requests with ids matched to `coverageReply`, and pushes (new data,
// loading state, per-VM progress) handed to one handler. `ready` is posted by ../channel.ts for every page.
import type { CoverageError, CoverageHostMessage, CoverageRequest, CoverageResult } from '../../coverage/protocol';
import { vscodeApi } from '../channel';

export type Reply = { ok: true; result: CoverageResult } | { ok: false; error: CoverageError };
export type Push = Exclude<CoverageHostMessage, { type: 'init' } | { type: 'coverageReply' }>;

const pending = new Map<number, (reply: Reply) => void>();
let nextId = 1;
let listening = false;

export function request(r: CoverageRequest): Promise<Reply> {
  const requestId = nextId++;
  return new Promise((resolve) => {
    pending.set(requestId, resolve);
    vscodeApi.postMessage({ ...r, requestId });
  });
}

export function refresh(): void {
  vscodeApi.postMessage({ type: 'refresh' });
}

export function onPush(handler: (message: Push) => void): void {
  if (listening) return;
  listening = true;
  window.addEventListener('message', (event: MessageEvent<CoverageHostMessage>) => {
    const message = event.data;
    if (message.type === 'coverageReply') {
      const resolve = pending.get(message.requestId);
      pending.delete(message.requestId);
      resolve?.(message.ok ? { ok: true, result: message.result } : { ok: false, error: message.error });
    } else if (message.type === 'coverageData' || message.type === 'coverageLoading' || message.type === 'coverageProgress') {
      handler(message);
    }
  });
}
