import * as vscode from 'vscode';

// Wiring only: nothing here waits on the network (see DESIGN.md, "Layers").
export function activate(context: vscode.ExtensionContext): { activatedInMs: number } {
  const started = performance.now();
  const log = vscode.window.createOutputChannel(vscode.l10n.t('Azure Backup'), { log: true });
  const changed = new vscode.EventEmitter<void>();
  const tree: vscode.TreeDataProvider<vscode.TreeItem> = {
    onDidChangeTreeData: changed.event,
    getTreeItem: (item) => item,
    getChildren: () => [],
  };
  context.subscriptions.push(
    log,
    changed,
    vscode.window.registerTreeDataProvider('azureBackup.tree', tree),
    vscode.commands.registerCommand('azureBackup.refresh', () => changed.fire()),
    vscode.commands.registerCommand('azureBackup.showLog', () => log.show()),
    vscode.commands.registerCommand('azureBackup.signIn', () => undefined),
    vscode.commands.registerCommand('azureBackup.openSandbox', () => undefined),
  );
  return { activatedInMs: performance.now() - started };
}

export function deactivate(): void {
  // Disposables registered on the context are released by VS Code.
}
