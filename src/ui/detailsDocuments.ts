import * as vscode from 'vscode';
import { type DetailsPage, detailsHtml, detailsText } from '../presentation/detailsPage';

/**
 * Read-only details (job, recovery points, policy), rendered: one webview panel per shown thing, without scripts
 * (detailsPage.ts builds escaped HTML under a CSP that allows only our stylesheet). Showing the same thing again
 * updates its panel.
 */
export class DetailsDocuments implements vscode.Disposable {
  static readonly viewType = 'azureBackup.details';
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** Shows (or updates) the page of `kind`/`key`; returns its text. */
  show(kind: string, key: string, page: DetailsPage): string {
    const id = `${kind}/${key}`;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    let panel = this.panels.get(id);
    if (panel) panel.reveal(undefined, false);
    else {
      panel = vscode.window.createWebviewPanel(DetailsDocuments.viewType, page.title, vscode.ViewColumn.Active, {
        enableScripts: false,
        enableCommandUris: false,
        localResourceRoots: [media],
      });
      const opened = panel;
      this.panels.set(id, opened);
      opened.onDidDispose(() => {
        if (this.panels.get(id) === opened) this.panels.delete(id);
      });
    }
    const webview = panel.webview;
    panel.title = page.title;
    webview.html = detailsHtml(page, {
      cspSource: webview.cspSource,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'details.css')).toString(),
      language: vscode.env.language,
    });
    return detailsText(page);
  }

  /** The HTML of the open panels (host tests read what the page was given). */
  html(): string[] {
    return this.openPanels().map((p) => p.webview.html);
  }

  /** The open panels (host tests check their options and CSP). */
  openPanels(): vscode.WebviewPanel[] {
    return [...this.panels.values()];
  }

  dispose(): void {
    for (const panel of this.panels.values()) panel.dispose();
    this.panels.clear();
  }
}
