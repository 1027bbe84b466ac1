import * as vscode from 'vscode';
import type { Log } from '../ui/log';
import type { FormDefinition } from './formDefinition';
import { formHtml } from './formHtml';
import { createNonce } from './nonce';
import { replyError } from './replyError';
import type { FormKind, HostMessage, QueryResult, SubmitResult } from './protocol';
import { describeMessage, parseWebviewMessage } from './validate';

/**
 * One webview form: strict CSP with a fresh nonce, a ready handshake, and a request/reply channel on which
 * every inbound message is parsed before anything acts on it. Drafts live in the webview (getState/setState).
 */
export class FormPanel<K extends FormKind> implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private busy = false;
  private warnedInvalid = false;
  private readonly disposables: vscode.Disposable[] = [];
  /** Resolves once the webview said it is ready (tests wait on it). */
  readonly ready: Promise<void>;
  private markReady: () => void = () => undefined;
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidClose = this.closed.event;

  constructor(readonly definition: FormDefinition<K>, extensionUri: vscode.Uri, private readonly log: Log) {
    this.ready = new Promise((resolve) => { this.markReady = resolve; });
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    this.panel = vscode.window.createWebviewPanel('azureBackup.form', definition.title, vscode.ViewColumn.Active,
      { enableScripts: true, localResourceRoots: [dist, media], enableCommandUris: false });
    const webview = this.panel.webview;
    webview.html = formHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'forms.css')).toString(),
      title: definition.title,
      language: vscode.env.language,
    });
    this.disposables.push(
      webview.onDidReceiveMessage((raw: unknown) => { void this.receive(raw); }),
      this.panel.onDidDispose(() => this.dispose()),
    );
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Handles one inbound message; exposed so host tests can drive the channel as the webview would. */
  async receive(raw: unknown): Promise<HostMessage | undefined> {
    const message = parseWebviewMessage(this.definition.kind, raw);
    if (!message) {
      // One line per refused message, a warning only for the first: a misbehaving page must not flood the log.
      const line = `Refused an invalid message from the ${this.definition.kind} form: ${describeMessage(raw)}`;
      if (this.warnedInvalid) this.log.trace(line);
      else this.log.warn(line);
      this.warnedInvalid = true;
      return undefined;
    }
    const d = this.definition;
    switch (message.type) {
      case 'ready': {
        const init: HostMessage = { type: 'init', kind: d.kind, title: d.title, strings: d.strings, data: d.init };
        await this.post(init);
        this.markReady();
        return init;
      }
      case 'openJob':
        await d.openJob?.(message.jobName);
        return undefined;
      case 'query':
        return this.reply(message.requestId, () => d.query ? d.query(message) : Promise.resolve({}));
      case 'submit': {
        if (this.busy) return this.post({ type: 'reply', requestId: message.requestId, ok: false, error: { message: vscode.l10n.t('A request is already running.') } });
        this.busy = true;
        try {
          return await this.reply(message.requestId, () => d.submit(message.payload as Parameters<typeof d.submit>[0]));
        } finally {
          this.busy = false;
        }
      }
    }
  }

  private async reply(requestId: number, work: () => Promise<SubmitResult | QueryResult>): Promise<HostMessage> {
    let message: HostMessage;
    try {
      message = { type: 'reply', requestId, ok: true, result: await work() };
    } catch (error) {
      const field = typeof (error as { field?: unknown }).field === 'string' ? (error as { field: string }).field : undefined;
      message = { type: 'reply', requestId, ok: false, error: { ...replyError(error, this.log, `${this.definition.kind} form`), field } };
    }
    return this.post(message);
  }

  private async post(message: HostMessage): Promise<HostMessage> {
    await this.panel.webview.postMessage(message);
    return message;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.closed.fire();
    this.closed.dispose();
    this.panel.dispose();
  }
}
