/** Wire shapes of what a restore needs around a VM: managed disks, virtual networks and subnets, storage accounts. */
import type { DiskRecord, StorageAccountRecord, SubnetRecord, VirtualNetworkRecord } from '../state/model';
import { diskArmId } from './arm';
import { iso } from './time';

export function renderDisk(d: DiskRecord): unknown {
  return {
    id: diskArmId(d.subscriptionId, d.resourceGroup, d.name),
    name: d.name,
    type: 'Microsoft.Compute/disks',
    location: d.location,
    tags: {},
    ...(d.managedBy ? { managedBy: d.managedBy } : {}),
    sku: { name: 'Premium_LRS', tier: 'Premium' },
    properties: {
      ...(d.osType ? { osType: d.osType } : {}),
      creationData: { createOption: 'Restore' },
      diskSizeGB: d.sizeGB,
      provisioningState: 'Succeeded',
      diskState: d.managedBy ? 'Attached' : 'Unattached',
      timeCreated: iso(d.createdAt),
    },
  };
}

export function networkArmId(n: Pick<VirtualNetworkRecord, 'subscriptionId' | 'resourceGroup' | 'name'>): string {
  return `/subscriptions/${n.subscriptionId}/resourceGroups/${n.resourceGroup}/providers/Microsoft.Network/virtualNetworks/${n.name}`;
}

export function renderSubnet(n: VirtualNetworkRecord, s: SubnetRecord): unknown {
  return {
    id: `${networkArmId(n)}/subnets/${s.name}`,
    name: s.name,
    type: 'Microsoft.Network/virtualNetworks/subnets',
    properties: {
      addressPrefix: s.addressPrefix,
      provisioningState: 'Succeeded',
      privateEndpointNetworkPolicies: 'Disabled',
      privateLinkServiceNetworkPolicies: 'Enabled',
    },
  };
}

export function renderNetwork(n: VirtualNetworkRecord): unknown {
  return {
    id: networkArmId(n),
    name: n.name,
    type: 'Microsoft.Network/virtualNetworks',
    location: n.location,
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      addressSpace: { addressPrefixes: [n.addressPrefix] },
      subnets: n.subnets.map((s) => renderSubnet(n, s)),
      enableDdosProtection: false,
    },
  };
}

export function storageAccountArmId(
  a: Pick<StorageAccountRecord, 'subscriptionId' | 'resourceGroup' | 'name'>,
): string {
  return `/subscriptions/${a.subscriptionId}/resourceGroups/${a.resourceGroup}/providers/Microsoft.Storage/storageAccounts/${a.name}`;
}

export function renderStorageAccount(a: StorageAccountRecord): unknown {
  return {
    id: storageAccountArmId(a),
    name: a.name,
    type: 'Microsoft.Storage/storageAccounts',
    location: a.location,
    tags: {},
    sku: { name: a.skuName, tier: 'Standard' },
    kind: a.kind,
    properties: {
      provisioningState: 'Succeeded',
      creationTime: iso(a.createdAt),
      primaryLocation: a.location,
      statusOfPrimary: 'available',
      primaryEndpoints: { blob: `https://${a.name}.blob.core.windows.net/` },
      minimumTlsVersion: 'TLS1_2',
      allowBlobPublicAccess: false,
      supportsHttpsTrafficOnly: true,
      accessTier: 'Hot',
    },
  };
}
