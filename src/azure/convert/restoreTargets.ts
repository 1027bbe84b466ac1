// What a restore needs around it (Network's wire JSON, Storage's modular SDK) → domain VirtualNetwork / StorageAccount, and the service's
// file-recovery client scripts → FileRecoveryScript.
import type { ClientScriptForConnect } from '@azure/arm-recoveryservicesbackup';
import type { StorageAccount as SdkStorageAccount } from '@azure/arm-storage';
import { idSegments } from '../ids';
import type { FileRecoveryScript, StorageAccount, Subnet, VirtualNetwork } from '../model';

/** 'West Europe' and 'westeurope' name the same region. */
export function sameRegion(a: string | undefined, b: string | undefined): boolean {
  const norm = (v: string | undefined) => (v ?? '').replace(/\s+/g, '').toLowerCase();
  return norm(a) !== '' && norm(a) === norm(b);
}

interface WireSubnet {
  id?: string;
  name?: string;
  properties?: { addressPrefix?: string; addressPrefixes?: string[] };
}
interface WireVirtualNetwork {
  id?: string;
  name?: string;
  location?: string;
  properties?: { addressSpace?: { addressPrefixes?: string[] }; subnets?: WireSubnet[] };
}

function toSubnet(s: WireSubnet): Subnet {
  const prefix = s.properties?.addressPrefix ?? s.properties?.addressPrefixes?.[0];
  return { id: s.id ?? '', name: s.name ?? '', ...(prefix ? { addressPrefix: prefix } : {}) };
}

/** What every ARM resource here has: its id, name, resource group (from the id) and region. */
function resourceBase(r: { id?: string; name?: string; location?: string }): {
  id: string;
  name: string;
  resourceGroup: string;
  location: string;
} {
  const id = r.id ?? '';
  return {
    id,
    name: r.name ?? '',
    resourceGroup: idSegments(id).get('resourcegroups') ?? '',
    location: r.location ?? '',
  };
}

/** A virtual network as ARM sends it (fields under `properties`); undefined if not an object. */
export function toVirtualNetworkFromWire(raw: unknown): VirtualNetwork | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const n = raw as WireVirtualNetwork;
  return {
    ...resourceBase(n),
    addressPrefixes: n.properties?.addressSpace?.addressPrefixes ?? [],
    subnets: (n.properties?.subnets ?? []).map(toSubnet),
  };
}

export function toStorageAccount(a: SdkStorageAccount): StorageAccount {
  return {
    ...resourceBase(a),
    ...(a.sku?.name ? { sku: a.sku.name } : {}),
    ...(a.kind ? { kind: a.kind } : {}),
  };
}

/** Only characters every file system takes, so a VM or suffix name never makes a path. */
function fileSafe(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** `2026-11-30_02-00-11` (UTC): the point's time as a file name takes it. */
function fileStamp(time: Date): string {
  return time.toISOString().slice(0, 19).replace('T', '_').replace(/:/g, '-');
}

export function toFileRecoveryScript(
  script: ClientScriptForConnect,
  vmName: string,
  pointTime: Date,
): FileRecoveryScript {
  const raw = script.scriptExtension ?? '';
  const extension = raw && !raw.startsWith('.') ? `.${raw}` : raw;
  const parts = [
    fileSafe(vmName),
    fileStamp(pointTime),
    ...(script.scriptNameSuffix ? [fileSafe(script.scriptNameSuffix)] : []),
  ];
  const os = (script.osType ?? '').toLowerCase();
  return {
    fileName: `${parts.join('_')}${fileSafe(extension)}`,
    content: Buffer.from(script.scriptContent ?? '', 'base64').toString('utf8'),
    osType: os === 'windows' ? 'Windows' : os === 'linux' ? 'Linux' : 'Unknown',
    extension,
    ...(script.url ? { url: script.url } : {}),
  };
}
