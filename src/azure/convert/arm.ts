// ARM basics (modular SDKs) → domain Subscription / ResourceGroup / Region / VirtualMachine.
import type { VirtualMachine as SdkVm } from '@azure/arm-compute';
import type { ResourceGroup as SdkResourceGroup } from '@azure/arm-resources';
import type { Location, Subscription as SdkSubscription } from '@azure/arm-resources-subscriptions';
import { idParts } from '../ids';
import type { DataDisk, Region, ResourceGroup, Subscription, VirtualMachine, VmDisks } from '../model';

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

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

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
  securityType?: string;
  /** Compute's storageProfile (the same shape in the SDK model, the wire JSON and a Resource Graph row). */
  storageProfile?: StorageProfileFields;
}

interface StorageProfileFields {
  osDisk?: { osType?: string; managedDisk?: { storageAccountType?: string } };
  dataDisks?: unknown;
}

/** One data disk of a storageProfile; undefined when it has no LUN (not a disk a backup can select). */
function dataDiskOf(raw: unknown): DataDisk | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const d = raw as {
    lun?: unknown;
    name?: unknown;
    diskSizeGB?: unknown;
    managedDisk?: { storageAccountType?: unknown };
  };
  if (typeof d.lun !== 'number') return undefined;
  return {
    lun: d.lun,
    name: typeof d.name === 'string' ? d.name : '',
    ...(typeof d.diskSizeGB === 'number' ? { sizeGB: d.diskSizeGB } : {}),
    ...(typeof d.managedDisk?.storageAccountType === 'string' ? { storageType: d.managedDisk.storageAccountType } : {}),
  };
}

function disksOf(profile: StorageProfileFields | undefined): VmDisks | undefined {
  if (!profile) return undefined;
  const dataDisks = (Array.isArray(profile.dataDisks) ? profile.dataDisks : [])
    .map(dataDiskOf)
    .filter((d): d is DataDisk => d !== undefined)
    .sort((a, b) => a.lun - b.lun);
  const osDiskType = text(profile.osDisk?.managedDisk?.storageAccountType);
  return { ...(osDiskType ? { osDiskType } : {}), dataDisks };
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
    ...(text(f.securityType) ? { securityType: f.securityType } : {}),
    ...(f.storageProfile ? { disks: disksOf(f.storageProfile) } : {}),
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
    securityType: vm.securityProfile?.securityType,
    storageProfile: vm.storageProfile,
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
      storageProfile?: StorageProfileFields;
      hardwareProfile?: { vmSize?: string };
      instanceView?: VmFields['instanceView'];
      securityProfile?: { securityType?: string };
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
    securityType: p?.securityProfile?.securityType,
    storageProfile: p?.storageProfile,
  });
}

/** `PowerState/deallocated` → `VM deallocated`: the displayStatus Compute's instance view gives for the same code. */
function powerStateText(code: unknown): string | undefined {
  const state = typeof code === 'string' ? /^PowerState\/(.+)$/i.exec(code)?.[1] : undefined;
  return state ? `VM ${state}` : undefined;
}

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
    securityType: text(row.securityType),
    storageProfile: {
      osDisk: { managedDisk: { storageAccountType: text(row.osDiskType) } },
      dataDisks: row.dataDisks,
    },
  });
  const powerState = powerStateText(row.powerState);
  return powerState ? { ...vm, powerState } : vm;
}
