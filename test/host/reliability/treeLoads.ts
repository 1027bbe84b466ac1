// The lists the tree shows, each with the request that loads it and a label its children must include: shared
// by the tree's fault cells (tree.test.ts) and its cancel cells (treeCancel.test.ts).
import type { TreeNode } from '../../../src/tree/treeNode';
import { labelOf, SUB, VAULTS, VMS } from '../ui/helpers';
import type { KeyRequest } from './fixtures';

export interface Load {
  name: string;
  path: string[];
  key: KeyRequest;
  expect: string;
  maxAttempts?: number;
}

export const LOADS: Load[] = [
  {
    name: 'vaults',
    path: [SUB, VAULTS],
    key: { method: 'GET', path: '/providers/Microsoft\\.RecoveryServices/vaults$' },
    expect: 'contoso-vault',
  },
  {
    name: 'backup items',
    path: [SUB, VAULTS, 'contoso-vault', 'Backup items'],
    key: { method: 'GET', path: '/backupProtectedItems$' },
    expect: 'web-vm-01',
  },
  {
    name: 'backup jobs',
    path: [SUB, VAULTS, 'contoso-vault', 'Backup jobs'],
    key: { method: 'GET', path: '/backupJobs$' },
    expect: 'web-vm-01',
  },
  {
    name: 'backup policies',
    path: [SUB, VAULTS, 'contoso-vault', 'Backup policies'],
    key: { method: 'GET', path: '/backupPolicies$' },
    expect: 'DefaultPolicy',
  },
  // Compute's VM list, or Resource Graph's query where the layer uses it (with Compute as its fallback).
  {
    name: 'virtual machines',
    path: [SUB, VMS],
    expect: 'web-vm-01',
    maxAttempts: 8,
    key: {
      method: 'GET|POST',
      path: '(/providers/Microsoft\\.Compute/virtualMachines|/providers/Microsoft\\.ResourceGraph/resources)$',
    },
  },
];

/** Whether a load's children show what it should (one label containing `expected`). */
export function shows(children: TreeNode[], expected: string): boolean {
  return children.some((c) => labelOf(c).includes(expected));
}
