import * as vscode from 'vscode';
import type { AzureBackupApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/tree/treeNode';

export async function getApi(): Promise<AzureBackupApi> {
  const ext = vscode.extensions.getExtension<AzureBackupApi>('azbackup.azure-backup');
  if (!ext) throw new Error('extension not loaded');
  const api = await ext.activate();
  await api.ready;
  if (!api.sandbox()) await api.run('azureBackup.openSandbox');
  return api;
}

export function labelOf(node: TreeNode): string {
  const label = node.getTreeItem().label;
  return typeof label === 'string' ? label : label?.label ?? '';
}

/** Walks the tree by visible labels, as a user would expand it. */
export async function nodeAt(api: AzureBackupApi, ...labels: string[]): Promise<TreeNode> {
  let children = await api.tree.getChildren();
  let node: TreeNode | undefined;
  for (const label of labels) {
    node = children.find((c) => labelOf(c) === label);
    if (!node) throw new Error(`no "${label}" among ${children.map(labelOf).join(', ')}`);
    children = await api.tree.getChildren(node);
  }
  if (!node) throw new Error('no labels');
  return node;
}

export async function childrenAt(api: AzureBackupApi, ...labels: string[]): Promise<TreeNode[]> {
  return api.tree.getChildren(await nodeAt(api, ...labels));
}

/** Moves the sandbox clock on while `work` runs, so jobs reach their end in test time. */
export async function withFastClock<T>(api: AzureBackupApi, work: () => Promise<T>): Promise<T> {
  const sandbox = api.sandbox();
  const timer = setInterval(() => sandbox?.clock.advance(60_000), 200);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

export const SUB = 'Sandbox Subscription';
export const VAULTS = 'Recovery Services vaults';
export const VMS = 'Virtual machines';
