// What every form has: a title, an error area (ARM code and request id), a submit button disabled while
// a request runs, and a result line with a link to the job. After success the form only shows its outcome
// (fields read-only, no submit, a Close button): what it did cannot be sent again by accident.
import type { FormError, SubmitResult } from '../webview/protocol';
import { el, setHelp, settled } from './dom';
import { closeForm, openJob, submit as send, vscodeApi, type Draft } from './channel';
import type { FormKind, FormSubmitMap } from '../webview/protocol';

export interface Shell {
  root: HTMLElement;
  body: HTMLElement;
  strings: Record<string, string>;
  draft: Draft['values'];
  save(values: Draft['values']): void;
  /** Maps a field name to its helper, so host errors land next to the field. */
  helpers: Map<string, HTMLElement>;
  button: HTMLElement;
  /** Sends the payload; the reply, or undefined when a request was already running. */
  run<K extends FormKind>(payload: FormSubmitMap[K]): Promise<{ ok: boolean; error?: FormError } | undefined>;
  /** Shows a success: its message and next actions; the fields become read-only and submit goes away. */
  settle(result: SubmitResult): void;
  disableSubmit(disabled: boolean): void;
  /** Runs `first` once the form's components have settled (see dom.ts settled); submit stays disabled until then. */
  whenSettled(first: () => void): void;
}

export function createShell(app: HTMLElement, kind: FormKind, title: string, strings: Record<string, string>): Shell {
  const stored = vscodeApi.getState();
  const draft = stored && stored.kind === kind ? stored.values : {};
  const errorBox = el('div', { class: 'form-error', role: 'alert', hidden: true });
  const result = el('div', { class: 'form-result', role: 'status', hidden: true });
  const body = el('vscode-form-container', { responsive: true });
  const button = el('vscode-button', { type: 'button', id: 'submit' }, strings.submit ?? 'OK');
  const close = el(
    'vscode-button',
    { type: 'button', id: 'close', secondary: true, hidden: true },
    strings.close ?? 'Close',
  );
  close.addEventListener('click', () => closeForm());
  const root = el(
    'section',
    {},
    el('h1', {}, title),
    errorBox,
    body,
    result,
    el('div', { class: 'actions' }, button, close),
  );
  app.replaceChildren(root);
  const helpers = new Map<string, HTMLElement>();
  let running = false;
  let blocked = false;
  let done = false;
  const showError = (error: FormError): void => {
    const help = error.field ? helpers.get(error.field) : undefined;
    if (help) setHelp(help, error.message, true);
    const parts = [error.message];
    if (error.code) parts.push(`${strings.code ?? 'Code'}: ${error.code}`);
    if (error.requestId) parts.push(`${strings.requestId ?? 'Request id'}: ${error.requestId}`);
    errorBox.textContent = parts.join(' · ');
    errorBox.hidden = false;
  };
  const showResult = (r: SubmitResult): void => {
    result.replaceChildren(el('span', {}, r.message));
    if (r.jobName) {
      const jobName = r.jobName;
      const link = el('a', { href: '#', id: 'view-job' }, strings.viewJob ?? 'View the job');
      link.addEventListener('click', (e) => {
        e.preventDefault();
        openJob(jobName);
      });
      result.append(' ', link);
    }
    result.hidden = false;
  };
  const refreshButton = (): void => {
    if (running || blocked || done) button.setAttribute('disabled', '');
    else button.removeAttribute('disabled');
  };
  const freeze = (): void => {
    for (const c of body.querySelectorAll(
      'vscode-textfield, vscode-single-select, vscode-checkbox, vscode-radio, vscode-radio-group',
    ))
      c.setAttribute('disabled', '');
    for (const a of body.querySelectorAll('a')) a.remove();
  };
  const settle = (r: SubmitResult): void => {
    done = true;
    showResult(r);
    button.hidden = true;
    refreshButton();
    close.hidden = false;
    freeze();
    // Components that render later (or a late query reply) must not bring a field back.
    void settled(body).then(freeze);
    vscodeApi.setState({ kind, values: {} });
  };
  return {
    root,
    body,
    strings,
    draft,
    helpers,
    button,
    settle,
    save: (values) => vscodeApi.setState({ kind, values: { ...draft, ...values } }),
    disableSubmit: (disabled) => {
      blocked = disabled;
      refreshButton();
    },
    whenSettled: (first) => {
      blocked = true;
      refreshButton();
      void settled(body).then(first);
    },
    run: async (payload) => {
      if (running || done) return undefined;
      running = true;
      refreshButton();
      button.textContent = strings.running ?? '…';
      errorBox.hidden = true;
      result.hidden = true;
      try {
        const reply = await send(payload);
        if (reply.ok) settle(reply.result as SubmitResult);
        else showError(reply.error);
        return reply.ok ? { ok: true } : { ok: false, error: reply.error };
      } finally {
        running = false;
        button.textContent = strings.submit ?? 'OK';
        refreshButton();
      }
    },
  };
}
