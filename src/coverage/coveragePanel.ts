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
  private loading?: Promise<CoverageSnapshot>;
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

  /** Reads the coverage again (one load at a time) and pushes it to the page. */
  reload(): Promise<CoverageSnapshot> {
    this.loading ??= (async () => {
      void this.post({ type: 'coverageLoading', loading: true });
      try {
        const { session } = this.deps;
        const contexts = await session.listSubscriptions();
        const data = await readCoverage(
          {
            subscriptions: contexts.map((c) => ({
              subscriptionId: c.subscription.subscriptionId,
              displayName: c.subscription.displayName,
            })),
            serviceFor: (id) => session.service(id),
            summarize: summarizePolicy,
            now: this.deps.now().getTime(),
          },
          fallbackWords(),
          (e) => {
            const info = toErrorInfo(e);
            this.deps.log.info(
              `coverage: Resource Graph unavailable (${info.code ?? ''} requestId=${info.requestId ?? '-'}): reading each vault instead`,
            );
          },
        );
        const snapshot: CoverageSnapshot = {
          ...data,
          signedIn: session.mode !== 'signedOut',
          focusSubscriptionId: this.focusSubscriptionId,
        };
        this.setSnapshot(snapshot);
        return snapshot;
      } catch (error) {
        const info = toErrorInfo(error);
        this.deps.log.error(`coverage: ${info.code ?? ''} ${info.message} requestId=${info.requestId ?? '-'}`);
        void this.post({
          type: 'coverageLoading',
          loading: false,
          error: { message: info.message, code: info.code, requestId: info.requestId },
        });
        throw error;
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
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
    if (!this.current) await this.reload();
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

  /** Pushes only after the handshake (the page would miss earlier messages); init carries the data instead. */
  protected override post(message: CoverageHostMessage): Promise<CoverageHostMessage> {
    return this.isReady || message.type === 'init' ? super.post(message) : Promise.resolve(message);
  }
}
