// Stable tree ids: lower-cased ARM ids prefixed by the tenant, so that the same subscription seen through two
// tenants or accounts never collides and expansion state survives refreshes.
import { idKey } from '../azure/ids';

export function resourceNodeId(tenantId: string, resourceId: string, suffix?: string): string {
  const base = `${idKey(tenantId)}${idKey(resourceId)}`;
  return suffix ? `${base}#${suffix}` : base;
}

export function childNodeId(parentId: string, kind: string): string {
  return `${parentId}#${kind}`;
}
