import { regionDisplayName } from '../azure/regionNames';
import * as vscode from 'vscode';
import type { BackupTreeProvider } from '../tree/backupTreeProvider';
import { toErrorInfo } from '../ui/errorInfo';
import type { Log } from '../ui/log';
import type { AccountSession } from '../session/session';
import { PanelHost, type Outcome } from '../webview/panelHost';
import {
  createRegionVault,
  enableFromCoverage,
  enableSummary,
  exportChunks,
  exportToFile,
  summarizePolicy,
  writeChunks,
} from './coverageActions';
import {
  COVERAGE_KIND,
  type CoverageHostMessage,
  type CoveragePageData,
  type CoverageRequest,
  type CoverageResult,
  type CoverageSnapshot,
  type CoverageWebviewMessage,
} from './protocol';
import { DEFAULT_SORT, NO_FILTER } from './query';
import { readCoverage } from './readCoverage';
import { CoverageRowStore } from './rowStore';
import { CoverageStream } from './coverageStream';
import { coverageStrings, coverageTitle, fallbackWords } from './strings';
import type { CoverageFilter, CoverageSort } from './types';
import { parseCoverageMessage } from './validate';

export interface CoverageDeps {
  session: AccountSession;
  tree: BackupTreeProvider;
  log: Log;
  extensionUri: vscode.Uri;
  now: () => Date;
}

/**
 * The "Backup coverage" webview on the forms' page host (PanelHost: strict CSP, ready handshake, parsed messages,
 * one reply per request). Unlike a form it pushes data and per-VM progress, so it has its own controller rather
 * than a FormDefinition. The rows stay here (`rows`): the page is sent the snapshot without them and asks for the
 * window of the filtered, sorted view it shows.
 */
export class CoveragePanel extends PanelHost<CoverageWebviewMessage, CoverageHostMessage, CoverageResult> {
  private enabling = false;
  private current?: CoverageSnapshot;
  /** The last load started: its controller and its result. */
  private latest?: { load: AbortController; done: Promise<CoverageSnapshot> };
  private disposed = false;
  private readonly posted = new vscode.EventEmitter<CoverageHostMessage>();
  /** Every message posted to the page, as it is posted (tests follow the pushes of a load). */
  readonly onDidPost = this.posted.event;
  private readonly rows = new CoverageRowStore();
  /** The view the page last asked for, sorted ahead of new data's push so its first window is only a slice. */
  private lastView: { filter: CoverageFilter; sort: CoverageSort } = { filter: NO_FILTER, sort: DEFAULT_SORT };

  constructor(
    private readonly deps: CoverageDeps,
    private focusSubscriptionId?: string,
  ) {
    super(
      { viewType: 'azureBackup.coverage', title: coverageTitle(), stylesheet: 'coverage.css', source: 'coverage page' },
      deps.extensionUri,
      deps.log,
    );
    void this.reload().catch(() => undefined);
  }

  /** The last loaded data (tests read it). */
  get snapshot(): CoverageSnapshot | undefined {
    return this.current;
  }

  reveal(focusSubscriptionId?: string): void {
    this.panel.reveal();
    if (focusSubscriptionId !== undefined && this.current) {
      this.focusSubscriptionId = focusSubscriptionId;
      this.current = { ...this.current, focusSubscriptionId };
      void this.post({ type: 'coverageData', data: this.pageData(this.current) });
    }
  }

  /** New data (a whole load, or a load's rows so far): held here, and the page told to ask for its rows again. */
  private setSnapshot(snapshot: CoverageSnapshot): void {
    this.current = snapshot;
    this.rows.replace(snapshot.rows);
    this.rows.view(this.lastView.filter, this.lastView.sort);
    void this.post({ type: 'coverageData', data: this.pageData(snapshot) });
  }

  private pageData(snapshot: CoverageSnapshot): CoveragePageData {
    const { rows: _rows, ...rest } = snapshot;
    return { ...rest, version: this.rows.version };
  }

  /**
   * Reads the coverage again. The first load is pushed to the page as it arrives (Resource Graph's counts and estate
   * at once, rows at most every STREAM_PUSH_INTERVAL_MS); later ones replace the shown data when read. A reload while one runs replaces it: the old load is aborted and its
   * late pushes dropped, and whoever awaited it gets the new load's data.
   */
  reload(): Promise<CoverageSnapshot> {
    this.latest?.load.abort();
    const load = new AbortController();
    // read() looks at `latest` only after its first await, when it is set.
    const done = this.read(load);
    this.latest = { load, done };
    return done;
  }

  private async read(load: AbortController): Promise<CoverageSnapshot> {
    const current = (): boolean => this.latest?.load === load && !load.signal.aborted;
    // Streamed only while the page has no whole load to show: a Refresh keeps the rows shown until the new ones are read.
    const streaming = !this.current || this.current.partial !== undefined;
    const { session } = this.deps;
    const signedIn = (): boolean => session.mode !== 'signedOut';
    void this.post({ type: 'coverageLoading', loading: true });
    let stream: CoverageStream | undefined;
    try {
      const contexts = await session.listSubscriptions();
      const subscriptions = contexts.map((c) => ({
        subscriptionId: c.subscription.subscriptionId,
        displayName: c.subscription.displayName,
      }));
      const now = this.deps.now().getTime();
      stream = new CoverageStream(
        { now, subscriptions: subscriptions.map((s) => ({ id: s.subscriptionId, name: s.displayName })) },
        (data) => {
          if (current() && streaming)
            this.setSnapshot({ ...data, signedIn: signedIn(), focusSubscriptionId: this.focusSubscriptionId });
        },
      );
      const data = await readCoverage(
        {
          subscriptions,
          serviceFor: (id) => session.service(id),
          summarize: summarizePolicy,
          now,
          signal: load.signal,
          onCounts: stream.onCounts,
          onEstate: stream.onEstate,
          onRows: stream.onRows,
        },
        fallbackWords(),
        (e) => {
          // The join is one-shot: what was streamed stays shown until its result replaces it.
          stream?.close();
          const info = toErrorInfo(e);
          this.deps.log.info(
            `coverage: Resource Graph unavailable (${info.code ?? ''} requestId=${info.requestId ?? '-'}): reading each vault instead`,
          );
        },
      );
      stream.close();
      if (!current()) return await this.superseded(load);
      const snapshot: CoverageSnapshot = {
        ...data,
        signedIn: signedIn(),
        focusSubscriptionId: this.focusSubscriptionId,
      };
      this.setSnapshot(snapshot);
      return snapshot;
    } catch (error) {
      stream?.close();
      if (!current()) return await this.superseded(load);
      const info = toErrorInfo(error);
      this.deps.log.error(`coverage: ${info.code ?? ''} ${info.message} requestId=${info.requestId ?? '-'}`);
      void this.post({
        type: 'coverageLoading',
        loading: false,
        error: { message: info.message, code: info.code, requestId: info.requestId },
      });
      throw error;
    }
  }

  /** A replaced load answers with its replacement's data; one stopped by closing the panel, with an error. */
  private superseded(load: AbortController): Promise<CoverageSnapshot> {
    const latest = this.latest;
    if (!this.disposed && latest && latest.load !== load) return latest.done;
    return Promise.reject(new Error('The coverage panel was closed.'));
  }

  protected parse(raw: unknown): CoverageWebviewMessage | undefined {
    return parseCoverageMessage(raw);
  }

  protected replyMessage(requestId: number, outcome: Outcome<CoverageResult>): CoverageHostMessage {
    return { type: 'coverageReply', requestId, ...outcome };
  }

  protected async handle(message: CoverageWebviewMessage): Promise<CoverageHostMessage | undefined> {
    switch (message.type) {
      case 'ready': {
        const init: CoverageHostMessage = {
          type: 'init',
          kind: COVERAGE_KIND,
          title: coverageTitle(),
          strings: coverageStrings(),
          data: this.current && this.pageData(this.current),
        };
        await this.post(init);
        this.markReady();
        return init;
      }
      case 'refresh':
        await this.reload().catch(() => undefined);
        return undefined;
      default: {
        const { requestId, ...request } = message;
        return this.reply(requestId, () => this.run(request));
      }
    }
  }

  /** Writes an export to `uri` without the save dialog (tests; the page always goes through the dialog). */
  async exportTo(uri: vscode.Uri, request: Omit<Extract<CoverageRequest, { type: 'export' }>, 'type'>): Promise<void> {
    await writeChunks(uri, await this.exportOf(request));
  }

  /** The rows of the page's filter and sort as chunks of the format (loading first when nothing is loaded yet). */
  private async exportOf(
    request: Omit<Extract<CoverageRequest, { type: 'export' }>, 'type'>,
  ): Promise<Iterable<string>> {
    if (!this.current) await (this.latest?.done.catch(() => this.reload()) ?? this.reload());
    return exportChunks(this.rows.view(request.filter, request.sort), request.format, this.deps.now());
  }

  /**
   * Answers a message of the page as `receive` does, a createVault as if its confirmation was accepted (tests: no
   * modal dialog shows in extension-test mode; the page always goes through it).
   */
  async receiveConfirmed(raw: unknown): Promise<CoverageHostMessage | undefined> {
    const message = this.parse(raw);
    if (message?.type !== 'createVault') return this.receive(raw);
    const { requestId, ...request } = message;
    return this.reply(requestId, () => this.run(request, true));
  }

  private async run(request: CoverageRequest, confirmed = false): Promise<CoverageResult> {
    switch (request.type) {
      case 'rows':
        this.lastView = { filter: request.filter, sort: request.sort };
        return { window: this.rows.window(request.filter, request.sort, request.offset, request.count) };
      case 'selectFiltered':
        return { rows: this.rows.unprotected(request.filter) };
      case 'lookup':
        return { rows: this.rows.lookup(request.vmIds) };
      case 'export': {
        const uri = await exportToFile(await this.exportOf(request), request.format);
        return uri ? { file: uri.fsPath, message: vscode.l10n.t('Saved {0}.', uri.fsPath) } : {};
      }
      case 'createVault': {
        const vault = await createRegionVault(this.deps.session, this.deps.tree, request, confirmed);
        await this.reload().catch(() => undefined);
        return {
          vault,
          message: vscode.l10n.t('Vault {0} created in {1}.', vault.name, regionDisplayName(vault.location)),
        };
      }
      case 'enable': {
        if (this.enabling) throw new Error(vscode.l10n.t('A request is already running.'));
        this.enabling = true;
        try {
          const progress = await enableFromCoverage(this.deps.session, this.deps.tree, request.groups, (p) => {
            void this.post({ type: 'coverageProgress', progress: p });
          });
          await this.reload().catch(() => undefined);
          return { progress, message: enableSummary(progress) };
        } finally {
          this.enabling = false;
        }
      }
    }
  }

  /** Closing the panel stops its load: nothing more is read or pushed. */
  override dispose(): void {
    this.disposed = true;
    this.latest?.load.abort();
    super.dispose();
  }

  /** Pushes only after the handshake (the page would miss earlier messages); init carries the data instead. */
  protected override post(message: CoverageHostMessage): Promise<CoverageHostMessage> {
    if (!this.isReady && message.type !== 'init') return Promise.resolve(message);
    this.posted.fire(message);
    return super.post(message);
  }
}
