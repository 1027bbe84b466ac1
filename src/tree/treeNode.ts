import type * as vscode from 'vscode';
import type { BackupItem, BackupJob, Policy, RecoveryPoint, Vault, VirtualMachine } from '../azure/model';

/** What a node stands for, so commands act on it (and the tree refreshes it) without knowing node classes. */
export type NodeTarget =
  | { kind: 'subscription'; subscriptionId: string; resourceId: string }
  | { kind: 'vaults' | 'virtualMachines'; subscriptionId: string }
  | { kind: 'vault'; vault: Vault }
  | { kind: 'items' | 'jobs' | 'policies'; vault: Vault }
  | { kind: 'policy'; vault: Vault; policy: Policy }
  | { kind: 'item'; item: BackupItem }
  | { kind: 'recoveryPoint'; item: BackupItem; point: RecoveryPoint }
  | { kind: 'vm'; vm: VirtualMachine }
  | { kind: 'job'; job: BackupJob };

/** The element contract of the tree: plain classes, a fresh TreeItem per call, stable ids. */
export interface TreeNode {
  readonly id: string;
  readonly parent: TreeNode | undefined;
  getTreeItem(): vscode.TreeItem;
  /** `signal` aborts when the user cancels the load (or a refresh replaces it). */
  getChildren?(signal?: AbortSignal): Promise<TreeNode[]>;
  /** Drop data cached by the node itself (paged groups) before a refresh. */
  reset?(): void;
  /** True when the loaded children show something still changing (running jobs): the tree reloads them a while later. */
  isLive?(children: readonly TreeNode[]): boolean;
  /** The subscription, vault or resource the node stands for; absent on messages, actions and errors. */
  target?(): NodeTarget;
}

/** The target of whatever a command was given: a tree node, or nothing (run from the palette). */
export function targetOf(node: unknown): NodeTarget | undefined {
  return typeof node === 'object' && node !== null && typeof (node as TreeNode).target === 'function'
    ? (node as TreeNode).target!()
    : undefined;
}
