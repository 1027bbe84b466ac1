import * as vscode from 'vscode';
import type { RestoreRequest } from '../../../src/azure/model';
import type { AzureBackupApi } from '../../../src/extension';
import { STORY_SUBSCRIPTION_ID } from '../../../src/sandbox/state/seedStory';
import type { RunningSandbox } from '../../../src/sandbox/types';
import type { TreeNode } from '../../../src/tree/treeNode';

export async function getApi(): Promise<AzureBackupApi> {
  const ext = vscode.extensions.getExtension<AzureBackupApi>('azbackup.azure-backup');
  if (!ext) throw new Error('extension not loaded');
  const api = await ext.activate();
  await api.ready;
  if (!api.sandbox()) await api.run('azureBackup.openSandbox');
  return api;
}

export function sandboxOf(api: AzureBackupApi): RunningSandbox {
  const sandbox = api.sandbox();
  if (!sandbox) throw new Error('no sandbox');
  return sandbox;
}

/** What a suite's tests act on: the extension's API and its sandbox. */
export interface HostSuite {
  readonly api: AzureBackupApi;
  readonly sandbox: RunningSandbox;
}

/**
 * The extension on the sandbox for a mocha suite: activated before its tests, and after each test the sandbox's
 * faults are cleared, so a test that failed half-way cannot leave them to the next. Read it inside hooks and tests.
 */
export function useApi(): HostSuite {
  let api: AzureBackupApi | undefined;
  before(async () => {
    api = await getApi();
  });
  afterEach(() => api?.sandbox()?.setFaults(undefined));
  return {
    get api() {
      if (!api) throw new Error('the extension is not ready: read the API inside a hook or test');
      return api;
    },
    get sandbox() {
      return sandboxOf(this.api);
    },
  };
}

export function labelOf(node: TreeNode): string {
  const label = node.getTreeItem().label;
  return typeof label === 'string' ? label : (label?.label ?? '');
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

/** The story's staging storage account and virtual network beside web-vm-01, for its restores. */
const WEB_RG_ID = `/subscriptions/${STORY_SUBSCRIPTION_ID}/resourceGroups/contoso-web-rg`;
export const STAGING = `${WEB_RG_ID}/providers/Microsoft.Storage/storageAccounts/contosowebstaging`;
export const VNET = `${WEB_RG_ID}/providers/Microsoft.Network/virtualNetworks/contoso-web-vnet`;

/** A restore of web-vm-01 to a new VM beside it (its group, network and staging account). */
export const newVmRestore = (vmName: string): RestoreRequest => ({
  kind: 'newVm',
  region: 'westeurope',
  vmName,
  targetResourceGroup: 'contoso-web-rg',
  virtualNetworkId: VNET,
  subnetId: `${VNET}/subnets/restore`,
  stagingStorageAccountId: STAGING,
});
