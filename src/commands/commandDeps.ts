import type * as vscode from 'vscode';
import type { BackupTreeProvider } from '../tree/backupTreeProvider';
import type { TreeNode } from '../tree/treeNode';
import type { AccountSession } from '../session/session';
import type { JobTracker } from '../ui/jobTracker';
import type { Log } from '../ui/log';
import type { DetailsDocuments } from '../ui/detailsDocuments';
import type { SdkBundleApi, SignInProvider } from '../session/sdkBundleApi';
import type { FormHost } from '../webview/formHost';

/** Everything a command may use, constructed once in activate() and injected. */
export interface CommandDeps {
  session: AccountSession;
  tree: BackupTreeProvider;
  /** The view showing the tree (to reveal a node in it). */
  treeView: vscode.TreeView<TreeNode>;
  jobs: JobTracker;
  log: Log;
  details: DetailsDocuments;
  forms: FormHost;
  /** Selects and focuses a node in the view (expanding its parents). */
  reveal: (node: TreeNode) => Thenable<void>;
  getSdkBundle: () => Promise<SdkBundleApi>;
  /** Sign-in providers for Azure, made on demand (they load the auth libraries). */
  createProvider: (kind: 'vscode' | 'azureCli') => Promise<SignInProvider>;
}

/** One command: its id, a localized name for error messages, and a handler taking (node?, ...args). */
export interface CommandDefinition {
  id: string;
  /** e.g. "Backup now": used in "Backup now failed: …". */
  title: () => string;
  run(deps: CommandDeps, ...args: unknown[]): Promise<unknown>;
}
