import * as vscode from 'vscode';
import type { BackupService } from './azure/backupService';
import { allCommands, registerCommands } from './commands/registry';
import type { CommandDeps } from './commands/commandDeps';
import { BackupTreeProvider } from './tree/backupTreeProvider';
import type { TreeNode } from './tree/treeNode';
import { getSdkBundle } from './session/sdkBundle';
import type { RunningSandbox, SignInProvider } from './session/sdkBundleApi';
import { DetailsDocuments } from './ui/detailsDocuments';
import { JobTracker } from './ui/jobTracker';
import { Log } from './ui/log';
import { AccountSession } from './session/session';
import { cancelAllProgress } from './ui/progress';
import { showError } from './ui/showError';
import { createJobsStatusBar } from './ui/statusBar';
import { FormHost } from './webview/formHost';
import { registerTools, type BackupTools } from './tools/registerTools';

/** What activate() returns: the live parts, for tests and for other extensions. */
export interface AzureBackupApi {
  activatedInMs: number;
  tree: BackupTreeProvider;
  treeView: vscode.TreeView<TreeNode>;
  session: AccountSession;
  jobs: JobTracker;
  forms: FormHost;
  /** The open details pages (job, recovery points, policy). */
  details: DetailsDocuments;
  /** The log channel's writer: tests read what it wrote and the errors shown to the user. */
  log: Log;
  /** Where the extension writes: its log files and global storage (sandbox data, CA); for tests. */
  logUri: vscode.Uri;
  storageUri: vscode.Uri;
  /** Presses Cancel on every cancellable progress notification (tests); returns how many there were. */
  cancelProgress(): number;
  /** Settles once the start-up choice (sandbox or not) has been applied. */
  ready: Promise<void>;
  sandbox(): RunningSandbox | undefined;
  service(subscriptionId: string): Promise<BackupService>;
  /** The language model tools by name (tests call prepareInvocation, which vscode.lm.invokeTool does not return). */
  tools: BackupTools;
  /** Runs a command's handler directly: same arguments as the command, but errors reach the caller. */
  run(commandId: string, ...args: unknown[]): Promise<unknown>;
}

// Wiring only: nothing here waits on the network (see DESIGN.md, "Layers").
export function activate(context: vscode.ExtensionContext): AzureBackupApi {
  const started = performance.now();
  const log = new Log();
  const jobs = new JobTracker();
  const session = new AccountSession({ log, storageDir: context.globalStorageUri, getSdkBundle });
  // In the sandbox, "now" is its simulated clock (which may run ahead, azureBackup.sandbox.speed): the jobs window
  // ("last 24 hours") and relative times must agree with the times the sandbox stamps on jobs and backups.
  const now = (): Date => (session.mode === 'sandbox' ? session.sandbox?.clock.now() : undefined) ?? new Date();
  const tree = new BackupTreeProvider({
    session,
    jobs,
    l10n: vscode.l10n,
    locale: vscode.env.language,
    now,
    pageSize: 50,
  });
  const treeView = vscode.window.createTreeView('azureBackup.tree', { treeDataProvider: tree, showCollapseAll: true });
  const details = new DetailsDocuments(context.extensionUri);
  const forms = new FormHost(context.extensionUri, log);
  const createProvider = async (kind: 'vscode' | 'azureCli'): Promise<SignInProvider> => {
    const bundle = await getSdkBundle();
    if (kind === 'azureCli') return bundle.createAzureCliProvider();
    return bundle.createVsCodeProvider();
  };
  const reveal = (node: TreeNode): Thenable<void> =>
    treeView.reveal(node, { select: true, focus: true, expand: false });
  const deps: CommandDeps = {
    session,
    tree,
    treeView,
    jobs,
    log,
    details,
    forms,
    reveal,
    getSdkBundle,
    createProvider,
  };

  const updateContext = (): void => {
    void vscode.commands.executeCommand('setContext', 'azureBackup.signedIn', session.mode !== 'signedOut');
  };
  context.subscriptions.push(
    log,
    jobs,
    session,
    tree,
    treeView,
    details,
    forms,
    createJobsStatusBar(jobs),
    session.onDidChange(updateContext),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('azureBackup.selectedSubscriptions')) session.reset();
    }),
    ...registerCommands(deps),
  );
  const tools = registerTools({ ...deps, now });
  context.subscriptions.push(tools);
  updateContext();

  // The sandbox starts in the background when asked for: activation itself never waits for it.
  const ready = vscode.workspace.getConfiguration('azureBackup').get<boolean>('startInSandbox', false)
    ? session.openSandbox().then(
        () => undefined,
        (error: unknown) => showError(log, vscode.l10n.t('Open the sandbox'), error),
      )
    : Promise.resolve();

  const activatedInMs = performance.now() - started;
  log.info(`Activated in ${activatedInMs.toFixed(1)} ms`);
  return {
    activatedInMs,
    tree,
    treeView,
    session,
    jobs,
    forms,
    details,
    ready,
    log,
    tools: tools.tools,
    logUri: context.logUri,
    storageUri: context.globalStorageUri,
    sandbox: () => session.sandbox,
    cancelProgress: cancelAllProgress,
    service: (subscriptionId) => session.service(subscriptionId),
    run: (commandId, ...args) => {
      const command = allCommands.find((c) => c.id === commandId);
      if (!command) return Promise.reject(new Error(`Unknown command ${commandId}`));
      return command.run(deps, ...args);
    },
  };
}

export function deactivate(): void {
  // Disposables registered on the context (the sandbox included) are released by VS Code.
}
