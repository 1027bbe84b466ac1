/**
 * The RecoveryServicesResources table as Resource Graph serves it: one row per protected backup item, with the
 * item's properties as the backup service reports them. Resource Graph indexes changes with a short delay; the
 * sandbox models it with a snapshot of the items taken when a query arrives and served until it is
 * `resourceGraph.ingestionDelayMs` old (simulated clock; the delay can change while running), so a change shows up between zero and that delay later.
 */
import type { Site } from '../http/site';
import { renderItem } from '../render/backup';
import type { Row } from './graphQuery';

export const ITEM_TYPE = 'microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems';

interface Snapshot {
  takenAt: number;
  rows: Row[];
}

export class IngestedItems {
  private snapshot: Snapshot | undefined;

  constructor(private readonly site: Site) {}

  /** The indexed rows and when they were taken. */
  rows(): Snapshot {
    const now = this.site.now();
    if (!this.snapshot || now - this.snapshot.takenAt >= this.site.resourceGraph.ingestionDelayMs)
      this.snapshot = { takenAt: now, rows: this.index(now) };
    return this.snapshot;
  }

  private index(now: number): Row[] {
    const { store } = this.site;
    const rows: Row[] = [];
    for (const item of store.allItems()) {
      const vault = store.vault(item.vaultKey);
      const vm = store.vm(item.vmKey);
      if (!vault || !vm) continue;
      const arm = renderItem(vault, vm, item, [], false, now) as { id: string; name: string; properties: Row };
      rows.push({
        id: arm.id,
        name: arm.name,
        type: ITEM_TYPE,
        tenantId: store.tenantId,
        kind: '',
        location: vault.location,
        resourceGroup: vault.resourceGroup.toLowerCase(),
        subscriptionId: vault.subscriptionId,
        managedBy: '',
        sku: null,
        plan: null,
        properties: arm.properties,
        tags: null,
        identity: null,
        zones: null,
        extendedLocation: null,
      });
    }
    return rows;
  }
}
