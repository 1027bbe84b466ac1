/** In-memory state with case-insensitive indexes; serializes back to the persisted `SandboxState`. */
import type {
  DiskRecord,
  JobRecord,
  OperationRecord,
  PolicyRecord,
  ProtectedItemRecord,
  RecoveryPointRecord,
  ResourceGroupRecord,
  SandboxState,
  StorageAccountRecord,
  SubscriptionRecord,
  VaultRecord,
  VirtualNetworkRecord,
  VmRecord,
} from './model';
import { rgKeyOf, vaultKeyOf, vmKeyOf } from './names';

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class Store {
  readonly tenantId: string;
  private counter: number;
  private readonly subs = new Map<string, SubscriptionRecord>();
  private readonly rgs = new Map<string, ResourceGroupRecord>();
  private readonly vms = new Map<string, VmRecord>();
  private readonly vaults = new Map<string, VaultRecord>();
  private readonly policies = new Map<string, Map<string, PolicyRecord>>();
  private readonly items = new Map<string, Map<string, ProtectedItemRecord>>();
  private readonly itemsByVm = new Map<string, ProtectedItemRecord>();
  private readonly jobs = new Map<string, JobRecord[]>();
  private readonly jobsById = new Map<string, JobRecord>();
  private readonly vmsBySubscription = new Map<string, Map<string, VmRecord>>();
  private readonly rps = new Map<string, RecoveryPointRecord[]>();
  private readonly ops = new Map<string, OperationRecord>();
  private readonly disks = new Map<string, DiskRecord>();
  private readonly networks = new Map<string, VirtualNetworkRecord>();
  private readonly storage = new Map<string, StorageAccountRecord>();

  constructor(state: SandboxState) {
    this.tenantId = state.tenantId;
    this.counter = state.counter;
    for (const s of state.subscriptions) this.addSubscription(s);
    for (const r of state.resourceGroups) this.putResourceGroup(r);
    for (const v of state.vms) this.putVm(v);
    for (const v of state.vaults) this.putVault(v);
    for (const p of state.policies) this.putPolicy(p);
    for (const i of state.items) this.putItem(i);
    for (const j of state.jobs) this.addJob(j);
    for (const rp of state.recoveryPoints) this.addRecoveryPoint(rp);
    for (const o of state.operations) this.addOperation(o);
    for (const d of state.disks ?? []) this.putDisk(d);
    for (const n of state.virtualNetworks ?? []) this.putNetwork(n);
    for (const a of state.storageAccounts ?? []) this.putStorageAccount(a);
  }

  /** A number unique within this state (recovery point names, data ids). */
  nextNumber(): number {
    return ++this.counter;
  }

  // Subscriptions and resource groups
  addSubscription(s: SubscriptionRecord): void {
    this.subs.set(s.subscriptionId.toLowerCase(), s);
  }
  subscription(id: string): SubscriptionRecord | undefined {
    return this.subs.get(id.toLowerCase());
  }
  allSubscriptions(): SubscriptionRecord[] {
    return [...this.subs.values()];
  }
  putResourceGroup(r: ResourceGroupRecord): void {
    this.rgs.set(rgKeyOf(r.subscriptionId, r.name), r);
  }
  resourceGroup(sub: string, name: string): ResourceGroupRecord | undefined {
    return this.rgs.get(rgKeyOf(sub, name));
  }
  resourceGroupsOf(sub: string): ResourceGroupRecord[] {
    const s = sub.toLowerCase();
    return [...this.rgs.values()].filter((r) => r.subscriptionId.toLowerCase() === s);
  }

  // Virtual machines
  putVm(v: VmRecord): void {
    const key = vmKeyOf(v.subscriptionId, v.resourceGroup, v.name);
    this.vms.set(key, v);
    const sub = v.subscriptionId.toLowerCase();
    let ofSub = this.vmsBySubscription.get(sub);
    if (!ofSub) this.vmsBySubscription.set(sub, (ofSub = new Map()));
    ofSub.set(key, v);
  }
  vm(key: string): VmRecord | undefined {
    return this.vms.get(key.toLowerCase());
  }
  /** In insertion order, from an index per subscription: listing one subscription never walks an estate's VMs. */
  vmsOf(sub: string): VmRecord[] {
    return [...(this.vmsBySubscription.get(sub.toLowerCase())?.values() ?? [])];
  }

  // Vaults and policies
  putVault(v: VaultRecord): void {
    this.vaults.set(vaultKeyOf(v.subscriptionId, v.resourceGroup, v.name), v);
  }
  vault(key: string): VaultRecord | undefined {
    return this.vaults.get(key);
  }
  vaultsOf(sub: string): VaultRecord[] {
    const s = sub.toLowerCase();
    return [...this.vaults.values()].filter((v) => v.subscriptionId.toLowerCase() === s);
  }
  removeVault(key: string): void {
    this.vaults.delete(key);
    this.policies.delete(key);
    for (const j of this.jobs.get(key) ?? []) this.jobsById.delete(`${key}|${j.id.toLowerCase()}`);
    this.jobs.delete(key);
    for (const k of [...this.ops.keys()]) if (k.startsWith(`${key}|`)) this.ops.delete(k);
  }
  putPolicy(p: PolicyRecord): void {
    let m = this.policies.get(p.vaultKey);
    if (!m) this.policies.set(p.vaultKey, (m = new Map()));
    m.set(p.name.toLowerCase(), p);
  }
  policy(vaultKey: string, name: string): PolicyRecord | undefined {
    return this.policies.get(vaultKey)?.get(name.toLowerCase());
  }
  policiesOf(vaultKey: string): PolicyRecord[] {
    return [...(this.policies.get(vaultKey)?.values() ?? [])];
  }
  removePolicy(vaultKey: string, name: string): void {
    this.policies.get(vaultKey)?.delete(name.toLowerCase());
  }

  // Protected items (one per VM across all vaults)
  putItem(i: ProtectedItemRecord): void {
    let m = this.items.get(i.vaultKey);
    if (!m) this.items.set(i.vaultKey, (m = new Map()));
    m.set(i.vmKey, i);
    this.itemsByVm.set(i.vmKey, i);
  }
  item(vaultKey: string, vmKey: string): ProtectedItemRecord | undefined {
    return this.items.get(vaultKey)?.get(vmKey.toLowerCase());
  }
  itemForVm(vmKey: string): ProtectedItemRecord | undefined {
    return this.itemsByVm.get(vmKey.toLowerCase());
  }
  itemsOf(vaultKey: string): ProtectedItemRecord[] {
    return [...(this.items.get(vaultKey)?.values() ?? [])];
  }
  allItems(): ProtectedItemRecord[] {
    return [...this.itemsByVm.values()];
  }
  removeItem(i: ProtectedItemRecord): void {
    this.items.get(i.vaultKey)?.delete(i.vmKey);
    this.itemsByVm.delete(i.vmKey);
    this.rps.delete(`${i.vaultKey}|${i.vmKey}`);
  }

  // Jobs
  addJob(j: JobRecord): void {
    pushTo(this.jobs, j.vaultKey, j);
    this.jobsById.set(`${j.vaultKey}|${j.id.toLowerCase()}`, j);
  }
  job(vaultKey: string, id: string): JobRecord | undefined {
    return this.jobsById.get(`${vaultKey}|${id.toLowerCase()}`);
  }
  jobsOf(vaultKey: string): JobRecord[] {
    return this.jobs.get(vaultKey) ?? [];
  }

  // Recovery points
  addRecoveryPoint(rp: RecoveryPointRecord): void {
    pushTo(this.rps, `${rp.vaultKey}|${rp.vmKey}`, rp);
  }
  recoveryPointsOf(vaultKey: string, vmKey: string): RecoveryPointRecord[] {
    return this.rps.get(`${vaultKey}|${vmKey}`) ?? [];
  }
  setRecoveryPoints(vaultKey: string, vmKey: string, list: RecoveryPointRecord[]): void {
    this.rps.set(`${vaultKey}|${vmKey}`, list);
  }

  // Async operations
  addOperation(o: OperationRecord): void {
    this.ops.set(`${o.vaultKey}|${o.id.toLowerCase()}`, o);
  }
  operation(vaultKey: string, id: string): OperationRecord | undefined {
    return this.ops.get(`${vaultKey}|${id.toLowerCase()}`);
  }
  allOperations(): OperationRecord[] {
    return [...this.ops.values()];
  }
  allJobs(): JobRecord[] {
    return [...this.jobsById.values()];
  }

  // Managed disks, virtual networks, storage accounts (keyed by their lower-cased ARM id)
  putDisk(d: DiskRecord): void {
    this.disks.set(armKey(d, 'Microsoft.Compute/disks'), d);
  }
  disk(sub: string, rg: string, name: string): DiskRecord | undefined {
    return this.disks.get(armKey({ subscriptionId: sub, resourceGroup: rg, name }, 'Microsoft.Compute/disks'));
  }
  disksOf(sub: string): DiskRecord[] {
    return [...this.disks.values()].filter((d) => d.subscriptionId === sub);
  }
  putNetwork(n: VirtualNetworkRecord): void {
    this.networks.set(armKey(n, 'Microsoft.Network/virtualNetworks'), n);
  }
  network(sub: string, rg: string, name: string): VirtualNetworkRecord | undefined {
    return this.networks.get(
      armKey({ subscriptionId: sub, resourceGroup: rg, name }, 'Microsoft.Network/virtualNetworks'),
    );
  }
  networksOf(sub: string): VirtualNetworkRecord[] {
    return [...this.networks.values()].filter((n) => n.subscriptionId === sub);
  }
  putStorageAccount(a: StorageAccountRecord): void {
    this.storage.set(armKey(a, 'Microsoft.Storage/storageAccounts'), a);
  }
  storageAccount(sub: string, rg: string, name: string): StorageAccountRecord | undefined {
    return this.storage.get(
      armKey({ subscriptionId: sub, resourceGroup: rg, name }, 'Microsoft.Storage/storageAccounts'),
    );
  }
  storageAccountsOf(sub: string): StorageAccountRecord[] {
    return [...this.storage.values()].filter((a) => a.subscriptionId === sub);
  }
  allStorageAccounts(): StorageAccountRecord[] {
    return [...this.storage.values()];
  }

  toState(savedAt: number): SandboxState {
    return {
      version: 1,
      tenantId: this.tenantId,
      savedAt,
      counter: this.counter,
      subscriptions: this.allSubscriptions(),
      resourceGroups: [...this.rgs.values()],
      vms: [...this.vms.values()],
      vaults: [...this.vaults.values()],
      policies: [...this.policies.values()].flatMap((m) => [...m.values()]),
      items: this.allItems(),
      jobs: [...this.jobs.values()].flat(),
      recoveryPoints: [...this.rps.values()].flat(),
      operations: this.allOperations(),
      disks: [...this.disks.values()],
      virtualNetworks: [...this.networks.values()],
      storageAccounts: [...this.storage.values()],
    };
  }
}

function armKey(r: { subscriptionId: string; resourceGroup: string; name: string }, type: string): string {
  return `/subscriptions/${r.subscriptionId}/resourcegroups/${r.resourceGroup}/providers/${type}/${r.name}`.toLowerCase();
}
