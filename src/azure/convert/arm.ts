// ARM basics (modular SDKs) → domain Subscription / ResourceGroup / Region / VirtualMachine.
import type { VirtualMachine as SdkVm } from '@azure/arm-compute';
import type { ResourceGroup as SdkResourceGroup } from '@azure/arm-resources';
import type { Location, Subscription as SdkSubscription } from '@azure/arm-resources-subscriptions';
import { idSegments } from '../ids';
import type { Region, ResourceGroup, Subscription, VirtualMachine } from '../model';

export function toSubscription(s: SdkSubscription, fallbackTenantId = ''): Subscription {
  const subscriptionId = s.subscriptionId ?? '';
  return {
    subscriptionId,
    tenantId: s.tenantId ?? fallbackTenantId,
    displayName: s.displayName ?? subscriptionId,
    state: s.state ?? 'Unknown',
    id: s.id ?? `/subscriptions/${subscriptionId}`,
  };
}

export function toResourceGroup(g: SdkResourceGroup): ResourceGroup {
  return { id: g.id ?? '', name: g.name ?? '', location: g.location };
}

/** Undefined for logical regions (geographies such as 'europe') that cannot hold resources. */
export function toRegion(l: Location): Region | undefined {
  if (!l.name || (l.metadata?.regionType !== undefined && l.metadata.regionType !== 'Physical')) {
    return undefined;
  }
  return { name: l.name, displayName: l.displayName ?? l.name };
}

export function toVirtualMachine(vm: SdkVm): VirtualMachine {
  const id = vm.id ?? '';
  const seg = idSegments(id);
  const os = vm.storageProfile?.osDisk?.osType;
  return {
    id,
    name: vm.name ?? seg.get('virtualmachines') ?? '',
    resourceGroup: seg.get('resourcegroups') ?? '',
    subscriptionId: seg.get('subscriptions') ?? '',
    location: vm.location,
    osType: os === 'Windows' || os === 'Linux' ? os : 'Unknown',
    vmSize: vm.hardwareProfile?.vmSize,
    powerState: vm.instanceView?.statuses?.find((s) => s.code?.startsWith('PowerState/'))?.displayStatus,
    vmAgentStatus: vm.instanceView?.vmAgent?.statuses?.[0]?.displayStatus,
  };
}
