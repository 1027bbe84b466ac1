import * as vscode from 'vscode';
import type { Log } from '../ui/log';
import { formHtml } from './formHtml';
import { createNonce } from './nonce';
import { replyError, type ReplyError } from './replyError';
import { describeMessage } from './validate';

/** Which page a panel shows: its view type, title, stylesheet in media/, and how the log names it. */
export interface PageSpec {
  viewType: string;
  title: string;
  stylesheet: string;
  /** "coverage page", "backupNow form": names the page in the log. */
  source: string;
}

export type Outcome<R> = { ok: true; result: R } | { ok: false; error: ReplyError };

/**
 * The host side of one webview page, shared by the forms and the coverage view: strict CSP with a fresh nonce,
 * a ready handshake, every inbound message parsed before anything acts on it, each request answered exactly once
 * (an error becomes the reply's message, on its field when the error names one).
 */
export abstract class PanelHost<In, Out, R> implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  /** Resolves once the page said it is ready (tests wait on it). */
  readonly ready: Promise<void>;
  protected isReady = false;
  private markReadyFn: () => void = () => undefined;
  private warnedInvalid = false;
  protected readonly disposables: vscode.Disposable[] = [];
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidClose = this.closed.event;

  protected constructor(
    private readonly page: PageSpec,
    extensionUri: vscode.Uri,
    protected readonly log: Log,
  ) {
    this.ready = new Promise((resolve) => {
      this.markReadyFn = resolve;
    });
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    this.panel = vscode.window.createWebviewPanel(page.viewType, page.title, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [dist, media],
      enableCommandUris: false,
    });
    const webview = this.panel.webview;
    webview.html = formHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, page.stylesheet)).toString(),
      title: page.title,
      language: vscode.env.language,
    });
    this.disposables.push(
      webview.onDidReceiveMessage((raw: unknown) => {
        void this.receive(raw);
      }),
      this.panel.onDidDispose(() => this.dispose()),
    );
  }

  protected abstract parse(raw: unknown): In | undefined;
  protected abstract handle(message: In): Promise<Out | undefined>;
  protected abstract replyMessage(requestId: number, outcome: Outcome<R>): Out;

  /** Handles one inbound message; exposed so host tests can drive the channel as the page would. */
  async receive(raw: unknown): Promise<Out | undefined> {
    const message = this.parse(raw);
    if (message !== undefined) return this.handle(message);
    // One line per refused message, a warning only for the first: a misbehaving page must not flood the log.
    const line = `Refused an invalid message from the ${this.page.source}: ${describeMessage(raw)}`;
    if (this.warnedInvalid) this.log.trace(line);
    else this.log.warn(line);
    this.warnedInvalid = true;
    return undefined;
  }

  protected markReady(): void {
    this.isReady = true;
    this.markReadyFn();
  }

  /** Runs `work` and answers the request with its result or its error. */
  protected async reply(requestId: number, work: () => Promise<R>): Promise<Out> {
    let outcome: Outcome<R>;
    try {
      outcome = { ok: true, result: await work() };
    } catch (error) {
      outcome = { ok: false, error: replyError(error, this.log, this.page.source) };
    }
    return this.post(this.replyMessage(requestId, outcome));
  }

  protected async post(message: Out): Promise<Out> {
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
