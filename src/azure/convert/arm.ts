// ARM basics (modular SDKs) → domain Subscription / ResourceGroup / Region / VirtualMachine.
import type { VirtualMachine as SdkVm } from '@azure/arm-compute';
import type { ResourceGroup as SdkResourceGroup } from '@azure/arm-resources';
import type { Location, Subscription as SdkSubscription } from '@azure/arm-resources-subscriptions';
import { idParts } from '../ids';
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

/** What a VM mapping reads, from either the modular SDK's model or the wire JSON. */
interface VmFields {
  id?: string;
  name?: string;
  location?: string;
  osType?: string;
  vmSize?: string;
  zones?: string[];
  instanceView?: {
    statuses?: { code?: string; displayStatus?: string }[];
    vmAgent?: { statuses?: { displayStatus?: string }[] };
  };
}

function vmFromFields(f: VmFields): VirtualMachine {
  const id = f.id ?? '';
  const parts = idParts(id);
  return {
    id,
    name: f.name ?? parts.vm ?? '',
    resourceGroup: parts.resourceGroup ?? '',
    subscriptionId: parts.subscriptionId ?? '',
    location: f.location ?? '',
    osType: f.osType === 'Windows' || f.osType === 'Linux' ? f.osType : 'Unknown',
    vmSize: f.vmSize,
    powerState: f.instanceView?.statuses?.find((s) => s.code?.startsWith('PowerState/'))?.displayStatus,
    vmAgentStatus: f.instanceView?.vmAgent?.statuses?.[0]?.displayStatus,
    ...(f.zones?.length ? { zones: f.zones } : {}),
  };
}

export function toVirtualMachine(vm: SdkVm): VirtualMachine {
  return vmFromFields({
    id: vm.id,
    name: vm.name,
    location: vm.location,
    osType: vm.storageProfile?.osDisk?.osType,
    vmSize: vm.hardwareProfile?.vmSize,
    zones: vm.zones,
    instanceView: vm.instanceView,
  });
}

/** A VM entry of a list page's wire JSON (ARM nests the fields under `properties`); undefined if not an object. */
export function toVirtualMachineFromWire(raw: unknown): VirtualMachine | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const vm = raw as {
    id?: string;
    name?: string;
    location?: string;
    properties?: {
      storageProfile?: { osDisk?: { osType?: string } };
      hardwareProfile?: { vmSize?: string };
      instanceView?: VmFields['instanceView'];
    };
  };
  const p = vm.properties;
  return vmFromFields({
    id: vm.id,
    name: vm.name,
    location: vm.location,
    osType: p?.storageProfile?.osDisk?.osType,
    vmSize: p?.hardwareProfile?.vmSize,
    instanceView: p?.instanceView,
  });
}

/** `PowerState/deallocated` → `VM deallocated`: the displayStatus Compute's instance view gives for the same code. */
function powerStateText(code: unknown): string | undefined {
  const state = typeof code === 'string' ? /^PowerState\/(.+)$/i.exec(code)?.[1] : undefined;
  return state ? `VM ${state}` : undefined;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** A row of the Resource Graph VM query (operations/resourceGraph.ts projects these columns); undefined if not an object. */
export function toVirtualMachineFromGraph(raw: unknown): VirtualMachine | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const row = raw as Record<string, unknown>;
  // Resource group and subscription come from the id, as for Compute's lists: ARG lower-cases its resourceGroup column.
  const vm = vmFromFields({
    id: text(row.id),
    name: text(row.name),
    location: text(row.location),
    osType: text(row.osType),
    vmSize: text(row.vmSize),
  });
  const powerState = powerStateText(row.powerState);
  return powerState ? { ...vm, powerState } : vm;
}
