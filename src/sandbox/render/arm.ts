/** Wire shapes of subscriptions, locations, resource groups and virtual machines. */
import type { ResourceGroupRecord, SubscriptionRecord, VmRecord } from '../state/model';
import { rgArmId, vmArmId } from '../state/names';
import type { RegionInfo } from '../state/regions';
import { iso } from './time';

export function renderSubscription(s: SubscriptionRecord, tenantId: string): unknown {
  return {
    id: `/subscriptions/${s.subscriptionId}`,
    subscriptionId: s.subscriptionId,
    tenantId,
    displayName: s.displayName,
    state: 'Enabled',
    subscriptionPolicies: {
      locationPlacementId: 'Public_2014-09-01',
      quotaId: 'PayAsYouGo_2014-09-01',
      spendingLimit: 'Off',
    },
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    tags: {},
  };
}

/** The one tenant the sandbox has: the signed-in user's home tenant. */
export function renderTenant(tenantId: string): unknown {
  return {
    id: `/tenants/${tenantId}`,
    tenantId,
    tenantCategory: 'Home',
    displayName: 'Sandbox',
    defaultDomain: 'sandbox.onmicrosoft.com',
    domains: ['sandbox.onmicrosoft.com'],
    countryCode: 'NL',
    tenantType: 'AAD',
  };
}

export function renderLocation(subscriptionId: string, r: RegionInfo): unknown {
  return {
    id: `/subscriptions/${subscriptionId}/locations/${r.name}`,
    name: r.name,
    type: 'Region',
    displayName: r.displayName,
    regionalDisplayName: `(${r.geography}) ${r.displayName}`,
    metadata: {
      regionType: 'Physical',
      regionCategory: 'Recommended',
      geographyGroup: r.geography,
      longitude: r.longitude,
      latitude: r.latitude,
      physicalLocation: r.displayName,
      pairedRegion: [{ name: r.paired, id: `/subscriptions/${subscriptionId}/locations/${r.paired}` }],
    },
  };
}

export function renderResourceGroup(r: ResourceGroupRecord): unknown {
  return {
    id: rgArmId(r),
    name: r.name,
    type: 'Microsoft.Resources/resourceGroups',
    location: r.location,
    tags: r.tags ?? {},
    properties: { provisioningState: 'Succeeded' },
  };
}

export function renderVm(vm: VmRecord, withInstanceView: boolean): unknown {
  const id = vmArmId(vm);
  const windows = vm.osType === 'Windows';
  const properties: Record<string, unknown> = {
    vmId: vm.vmId,
    hardwareProfile: { vmSize: vm.vmSize },
    storageProfile: {
      imageReference: windows
        ? {
            publisher: 'MicrosoftWindowsServer',
            offer: 'WindowsServer',
            sku: '2022-datacenter-azure-edition',
            version: 'latest',
          }
        : { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts-gen2', version: 'latest' },
      osDisk: {
        osType: vm.osType,
        name: osDiskName(vm),
        createOption: 'FromImage',
        caching: 'ReadWrite',
        diskSizeGB: osDiskSizeGB(vm),
        managedDisk: {
          id: diskArmId(vm.subscriptionId, vm.resourceGroup, osDiskName(vm)),
          storageAccountType: vm.osDiskStorageType ?? 'Premium_LRS',
        },
      },
      dataDisks: (vm.dataDisks ?? []).map((d) => ({
        lun: d.lun,
        name: d.name,
        createOption: 'Empty',
        caching: 'None',
        diskSizeGB: d.sizeGB,
        managedDisk: {
          id: diskArmId(vm.subscriptionId, vm.resourceGroup, d.name),
          storageAccountType: d.storageType ?? 'Premium_LRS',
        },
      })),
    },
    osProfile: {
      computerName: vm.name.slice(0, 15),
      adminUsername: 'azureuser',
      ...(windows
        ? { windowsConfiguration: { provisionVMAgent: true, enableAutomaticUpdates: true } }
        : { linuxConfiguration: { disablePasswordAuthentication: true, provisionVMAgent: true } }),
    },
    networkProfile: {
      networkInterfaces: [
        {
          id: `/subscriptions/${vm.subscriptionId}/resourceGroups/${vm.resourceGroup}/providers/Microsoft.Network/networkInterfaces/${vm.name}-nic`,
        },
      ],
    },
    ...(vm.securityType
      ? {
          securityProfile: {
            securityType: vm.securityType,
            uefiSettings: { secureBootEnabled: true, vTpmEnabled: true },
          },
        }
      : {}),
    provisioningState: vm.broken ? 'Failed' : 'Succeeded',
    timeCreated: iso(vm.createdAt),
  };
  if (withInstanceView) properties.instanceView = renderInstanceView(vm);
  return {
    id,
    name: vm.name,
    type: 'Microsoft.Compute/virtualMachines',
    location: vm.location,
    tags: vm.tags ?? {},
    ...(vm.zone ? { zones: [vm.zone] } : {}),
    properties,
  };
}

function renderInstanceView(vm: VmRecord): unknown {
  const power = { running: 'VM running', stopped: 'VM stopped', deallocated: 'VM deallocated' }[vm.powerState];
  return {
    computerName: vm.name.slice(0, 15),
    osName: vm.osType === 'Windows' ? 'Windows Server 2022 Datacenter Azure Edition' : 'ubuntu',
    osVersion: vm.osType === 'Windows' ? '10.0.20348' : '22.04',
    vmAgent: {
      vmAgentVersion: vm.agentReady ? '2.7.41491.1102' : 'Unknown',
      statuses: [
        vm.agentReady
          ? {
              code: 'ProvisioningState/succeeded',
              level: 'Info',
              displayStatus: 'Ready',
              message: 'GuestAgent is running and processing the extensions.',
            }
          : {
              code: 'ProvisioningState/Unavailable',
              level: 'Warning',
              displayStatus: 'Not Ready',
              message: 'VM status blob is found but not yet populated.',
            },
      ],
    },
    statuses: [
      {
        code: vm.broken ? 'ProvisioningState/failed' : 'ProvisioningState/succeeded',
        level: vm.broken ? 'Error' : 'Info',
        displayStatus: vm.broken ? 'Provisioning failed' : 'Provisioning succeeded',
      },
      { code: `PowerState/${vm.powerState}`, level: 'Info', displayStatus: power },
    ],
  };
}

export function osDiskName(vm: VmRecord): string {
  return vm.osDiskName ?? `${vm.name}_OsDisk_1`;
}

export function osDiskSizeGB(vm: VmRecord): number {
  return vm.osType === 'Windows' ? 127 : 30;
}

export function diskArmId(subscriptionId: string, resourceGroup: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Compute/disks/${name}`;
}
