// The page end of the typed channel, for the forms and the coverage page alike: posts `ready`, receives `init`,
// matches replies to requests by id (`reply` for forms, `coverageReply` for coverage), and hands pushes (the
// coverage page's new data, loading state, per-VM progress) to one handler.
import type { CoverageError, CoverageHostMessage, CoverageRequest, CoverageResult } from '../coverage/protocol';
import type {
  FormQuery,
  FormKind,
  FormSubmitMap,
  HostMessage,
  QueryResult,
  SubmitResult,
  FormError,
} from '../webview/protocol';

export const vscodeApi = acquireVsCodeApi<Draft>();

/** Field values kept through hide/show with setState (no retainContextWhenHidden). */
export interface Draft {
  kind: FormKind;
  values: Record<string, string | boolean | string[]>;
}

type Reply = { ok: true; result: SubmitResult | QueryResult } | { ok: false; error: FormError };
export type CoverageReply = { ok: true; result: CoverageResult } | { ok: false; error: CoverageError };
export type Push = Exclude<CoverageHostMessage, { type: 'init' } | { type: 'coverageReply' }>;
type Answer = Extract<HostMessage | CoverageHostMessage, { type: 'reply' | 'coverageReply' }>;

const pending = new Map<number, (answer: Answer) => void>();
let nextId = 1;
let pushHandler: ((message: Push) => void) | undefined;

/** Posts the message `build` makes with a fresh request id; resolves with the host's answer to that id. */
function send<R>(build: (requestId: number) => object, read: (answer: Answer) => R): Promise<R> {
  const requestId = nextId++;
  return new Promise((resolve) => {
    pending.set(requestId, (answer) => resolve(read(answer)));
    vscodeApi.postMessage(build(requestId));
  });
}

function formReply(answer: Answer): Reply {
  return answer.ok
    ? { ok: true, result: answer.result as SubmitResult | QueryResult }
    : { ok: false, error: answer.error };
}

export function submit<K extends FormKind>(payload: FormSubmitMap[K]): Promise<Reply> {
  return send((requestId) => ({ type: 'submit', requestId, payload }), formReply);
}

export function query(q: FormQuery): Promise<Reply> {
  return send((requestId) => ({ type: 'query', requestId, ...q }), formReply);
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

/** A request of the coverage page. */
export function request(r: CoverageRequest): Promise<CoverageReply> {
  return send(
    (requestId) => ({ ...r, requestId }),
    (answer) =>
      answer.ok
        ? { ok: true, result: answer.result as CoverageResult }
        : { ok: false, error: answer.error as CoverageError },
  );
}

/** The coverage page's Refresh. */
export function refresh(): void {
  vscodeApi.postMessage({ type: 'refresh' });
}

/** The coverage page's pushes; the first handler stays (the page may be rebuilt by a second `init`). */
export function onPush(handler: (message: Push) => void): void {
  pushHandler ??= handler;
}

export function listen(onInit: (message: Extract<HostMessage | CoverageHostMessage, { type: 'init' }>) => void): void {
  window.addEventListener('message', (event: MessageEvent<HostMessage | CoverageHostMessage>) => {
    const message = event.data;
    if (message.type === 'init') onInit(message);
    else if (message.type === 'reply' || message.type === 'coverageReply') {
      const resolve = pending.get(message.requestId);
      pending.delete(message.requestId);
      resolve?.(message);
    } else if (
      message.type === 'coverageData' ||
      message.type === 'coverageLoading' ||
      message.type === 'coverageProgress'
    ) {
      pushHandler?.(message);
    }
  });
  vscodeApi.postMessage({ type: 'ready' });
}
