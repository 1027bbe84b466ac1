import * as vscode from 'vscode';

/** Read-only Markdown documents (job details, recovery points, policy) under the azurebackup: scheme. */
export class DetailsDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  static readonly scheme = 'azurebackup';
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: vscode.Disposable;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(DetailsDocuments.scheme, this);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Shows (or updates) a document; `name` becomes the tab title. */
  async show(kind: string, name: string, markdown: string): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.from({ scheme: DetailsDocuments.scheme, path: `/${kind}/${name.replace(/[\\/#?]/g, '_')}.md` });
    this.contents.set(uri.toString(), markdown);
    this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: true });
    return doc;
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
