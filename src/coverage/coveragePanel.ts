import * as vscode from 'vscode';
import type { BackupTreeProvider } from '../tree/backupTreeProvider';
import { toErrorInfo } from '../ui/errorInfo';
import type { Log } from '../ui/log';
import type { AccountSession } from '../ui/session';
import { formHtml } from '../webview/formHtml';
import { describeMessage } from '../webview/validate';
import { createNonce } from '../webview/nonce';
import { replyError } from '../webview/replyError';
import { createRegionVault, enableFromCoverage, enableSummary, exportText, exportToFile, summarizePolicy } from './coverageActions';
import { loadCoverage } from './loadCoverage';
import { COVERAGE_KIND, type CoverageHostMessage, type CoverageRequest, type CoverageResult, type CoverageSnapshot } from './protocol';
import { coverageStrings, coverageTitle } from './strings';
import { parseCoverageMessage } from './validate';

export interface CoverageDeps {
  session: AccountSession;
  tree: BackupTreeProvider;
  log: Log;
  extensionUri: vscode.Uri;
  now: () => Date;
}

/**
 * The "Backup coverage" webview: the forms' page (formHtml: strict CSP, fresh nonce, bundle and stylesheet only),
 * the same ready handshake and request/reply shape, every inbound message parsed before acting. Unlike a form it
 * pushes data and per-VM progress, so it has its own small controller rather than a FormDefinition.
 */
export class CoveragePanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  /** Resolves once the page said it is ready. */
  readonly ready: Promise<void>;
  private markReady: () => void = () => undefined;
  private isReady = false;
  private warnedInvalid = false;
  private enabling = false;
  private current?: CoverageSnapshot;
  private loading?: Promise<CoverageSnapshot>;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidClose = this.closed.event;

  constructor(private readonly deps: CoverageDeps, private focusSubscriptionId?: string) {
    this.ready = new Promise((resolve) => { this.markReady = resolve; });
    const dist = vscode.Uri.joinPath(deps.extensionUri, 'dist');
    const media = vscode.Uri.joinPath(deps.extensionUri, 'media');
    this.panel = vscode.window.createWebviewPanel('azureBackup.coverage', coverageTitle(), vscode.ViewColumn.Active,
      { enableScripts: true, localResourceRoots: [dist, media], enableCommandUris: false });
    const webview = this.panel.webview;
    webview.html = formHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'coverage.css')).toString(),
      title: coverageTitle(),
      language: vscode.env.language,
    });
    this.disposables.push(
      webview.onDidReceiveMessage((raw: unknown) => { void this.receive(raw); }),
      this.panel.onDidDispose(() => this.dispose()),
    );
    void this.reload().catch(() => undefined);
  }

  /** The last loaded data (tests read it). */
  get snapshot(): CoverageSnapshot | undefined { return this.current; }

  reveal(focusSubscriptionId?: string): void {
    this.panel.reveal();
    if (focusSubscriptionId !== undefined && this.current) {
      this.focusSubscriptionId = focusSubscriptionId;
      this.current = { ...this.current, focusSubscriptionId };
      void this.post({ type: 'coverageData', data: this.current });
    }
  }

  /** Reads the coverage again (one load at a time) and pushes it to the page. */
  reload(): Promise<CoverageSnapshot> {
    this.loading ??= (async () => {
      void this.post({ type: 'coverageLoading', loading: true });
      try {
        const { session } = this.deps;
        const contexts = await session.listSubscriptions();
        const data = await loadCoverage({
          subscriptions: contexts.map((c) => ({ subscriptionId: c.subscription.subscriptionId, displayName: c.subscription.displayName })),
          serviceFor: (id) => session.service(id), summarize: summarizePolicy, now: this.deps.now().getTime(),
        });
        this.current = { ...data, signedIn: session.mode !== 'signedOut', focusSubscriptionId: this.focusSubscriptionId };
        void this.post({ type: 'coverageData', data: this.current });
        return this.current;
      } catch (error) {
        const info = toErrorInfo(error);
        this.deps.log.error(`coverage: ${info.code ?? ''} ${info.message} requestId=${info.requestId ?? '-'}`);
        void this.post({ type: 'coverageLoading', loading: false, error: { message: info.message, code: info.code, requestId: info.requestId } });
        throw error;
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  /** Handles one inbound message; exposed so host tests can drive the channel as the page would. */
  async receive(raw: unknown): Promise<CoverageHostMessage | undefined> {
    const message = parseCoverageMessage(raw);
    if (!message) {
      // One line per refused message, a warning only for the first: a misbehaving page must not flood the log.
      const line = `Refused an invalid message from the coverage page: ${describeMessage(raw)}`;
      if (this.warnedInvalid) this.deps.log.trace(line);
      else this.deps.log.warn(line);
      this.warnedInvalid = true;
      return undefined;
    }
    switch (message.type) {
      case 'ready': {
        const init: CoverageHostMessage = { type: 'init', kind: COVERAGE_KIND, title: coverageTitle(), strings: coverageStrings(), data: this.current };
        await this.post(init);
        this.isReady = true;
        this.markReady();
        return init;
      }
      case 'refresh':
        await this.reload().catch(() => undefined);
        return undefined;
      default: {
        const { requestId, ...request } = message;
        return this.reply(requestId, () => this.handle(request));
      }
    }
  }

  /** Writes an export to `uri` without the save dialog (tests; the page always goes through the dialog). */
  async exportTo(uri: vscode.Uri, request: Omit<Extract<CoverageRequest, { type: 'export' }>, 'type'>): Promise<void> {
    const rows = (this.current ?? await this.reload()).rows;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(exportText(rows, request.format, request.filter, request.sort, this.deps.now())));
  }

  /** Creates a vault without the confirmation dialog (tests; the page always goes through the dialog). */
  createVaultConfirmed(request: Extract<CoverageRequest, { type: 'createVault' }>): Promise<CoverageResult> {
    return this.handle(request, true);
  }

  private async handle(request: CoverageRequest, confirmed = false): Promise<CoverageResult> {
    switch (request.type) {
      case 'export': {
        const rows = (this.current ?? await this.reload()).rows;
        const uri = await exportToFile(exportText(rows, request.format, request.filter, request.sort, this.deps.now()), request.format);
        return uri ? { file: uri.fsPath, message: vscode.l10n.t('Saved {0}.', uri.fsPath) } : {};
      }
      case 'createVault': {
        const vault = await createRegionVault(this.deps.session, this.deps.tree, request, confirmed);
        await this.reload().catch(() => undefined);
        return { vault, message: vscode.l10n.t('Vault {0} created in {1}.', vault.name, vault.location) };
      }
      case 'enable': {
        if (this.enabling) throw new Error(vscode.l10n.t('A request is already running.'));
        this.enabling = true;
        try {
          const progress = await enableFromCoverage(this.deps.session, this.deps.tree, request.groups, (p) => { void this.post({ type: 'coverageProgress', progress: p }); });
          await this.reload().catch(() => undefined);
          return { progress, message: enableSummary(progress) };
        } finally {
          this.enabling = false;
        }
      }
    }
  }

  private async reply(requestId: number, work: () => Promise<CoverageResult>): Promise<CoverageHostMessage> {
    let message: CoverageHostMessage;
    try {
      message = { type: 'coverageReply', requestId, ok: true, result: await work() };
    } catch (error) {
      message = { type: 'coverageReply', requestId, ok: false, error: replyError(error, this.deps.log, 'coverage') };
    }
    return this.post(message);
  }

  /** Pushes only after the handshake (the page would miss earlier messages); init carries the data instead. */
  private async post(message: CoverageHostMessage): Promise<CoverageHostMessage> {
    if (this.isReady || message.type === 'init') await this.panel.webview.postMessage(message);
    return message;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.closed.fire();
    this.closed.dispose();
    this.panel.dispose();
  }
}
