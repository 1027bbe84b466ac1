/** Test and demo hooks on the sandbox state (no HTTP involved). */
import { randomUUID } from 'node:crypto';
import type { Engine } from './state/engine';
import type { SaveHealth } from './state/persistence';
import type { OsType, PowerState, SandboxState, VmRecord } from './state/model';
import { normalizeLocation, vmArmId } from './state/names';
import { findRegion } from './state/regions';
import type { Store } from './state/store';

export interface AddVmInput {
  subscriptionId?: string;
  resourceGroup: string;
  name: string;
  /** Defaults to the resource group's region (required when the group does not exist yet). */
  location?: string;
  osType?: OsType;
  vmSize?: string;
  agentReady?: boolean;
  powerState?: PowerState;
  /** 'TrustedLaunch' (or 'ConfidentialVM'): Compute's securityProfile.securityType. */
  securityType?: string;
  /** Data disks at LUN 0, 1, …; `storageType` is Compute's storageAccountType (Premium_LRS when absent). */
  dataDisks?: { sizeGB: number; storageType?: string }[];
  /** Its availability zone ('1', '2', '3'); regional when absent. */
  zone?: string;
}

export interface SandboxControl {
  /** Backups of this VM (ARM id or vmId GUID) fail with an ARM-looking error until unmarked. */
  markVmBroken(vmId: string, broken?: boolean): void;
  /** A VM whose agent is not ready yields crash-consistent recovery points. */
  setVmAgent(vmId: string, ready: boolean): void;
  setVmPowerState(vmId: string, state: PowerState): void;
  /** Adds a VM (and its resource group if needed); returns its ARM id. Visible to vaults after a containers refresh. */
  addVm(input: AddVmInput): string;
  /** A deep copy of the current state. */
  snapshot(): SandboxState;
  /** Whether the data file holds the state in memory: `ok` false while saving it fails (and the last error). */
  health(): SaveHealth;
}

export function createControl(
  store: Store,
  engine: Engine,
  now: () => number,
  changed: () => void,
  health: () => SaveHealth,
): SandboxControl {
  const findVm = (id: string): VmRecord => {
    const vm =
      store.vm(id) ??
      store
        .allSubscriptions()
        .flatMap((s) => store.vmsOf(s.subscriptionId))
        .find((v) => v.vmId.toLowerCase() === id.toLowerCase());
    if (!vm) throw new Error(`No VM '${id}' in the sandbox`);
    return vm;
  };
  const update = (id: string, fn: (vm: VmRecord) => void): void => {
    engine.runDue();
    fn(findVm(id));
    changed();
  };
  return {
    markVmBroken: (id, broken = true) =>
      update(id, (vm) => {
        vm.broken = broken;
      }),
    setVmAgent: (id, ready) =>
      update(id, (vm) => {
        vm.agentReady = ready;
      }),
    setVmPowerState: (id, state) =>
      update(id, (vm) => {
        vm.powerState = state;
      }),
    addVm: (input) => {
      engine.runDue();
      const sub = input.subscriptionId ?? store.allSubscriptions()[0]?.subscriptionId;
      if (!sub || !store.subscription(sub)) throw new Error(`No subscription '${String(sub)}' in the sandbox`);
      let rg = store.resourceGroup(sub, input.resourceGroup);
      const location = input.location ? findRegion(input.location)?.name : rg?.location;
      if (!location) throw new Error(`Unknown or missing location for VM '${input.name}'`);
      if (!rg) {
        rg = { subscriptionId: sub, name: input.resourceGroup, location };
        store.putResourceGroup(rg);
      }
      const vm: VmRecord = {
        subscriptionId: sub,
        resourceGroup: rg.name,
        name: input.name,
        location: normalizeLocation(location),
        osType: input.osType ?? 'Linux',
        vmSize: input.vmSize ?? 'Standard_B2s',
        vmId: randomUUID(),
        powerState: input.powerState ?? 'running',
        agentReady: input.agentReady ?? true,
        broken: false,
        createdAt: now(),
        ...(input.securityType ? { securityType: input.securityType } : {}),
        ...(input.zone ? { zone: input.zone } : {}),
        ...(input.dataDisks
          ? { dataDisks: input.dataDisks.map((d, lun) => ({ lun, name: `${input.name}_DataDisk_${lun}`, ...d })) }
          : {}),
      };
      store.putVm(vm);
      changed();
      return vmArmId(vm);
    },
    snapshot: () => structuredClone(store.toState(now())),
    health,
  };
}
