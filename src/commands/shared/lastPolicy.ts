// The policy an item had when protection was stopped here: the service clears it on stop, and Resume protection
// offers it first. Kept for the window's session only.
import { idKey } from '../../azure/ids';
import type { BackupItem } from '../../azure/model';

const lastPolicies = new Map<string, string>();

export function rememberPolicy(item: BackupItem): void {
  if (item.policyName) lastPolicies.set(idKey(item.id), item.policyName);
}

/** The item's own policy when the service still names it, else the one it had when stopped here. */
export function lastPolicyOf(item: BackupItem): string | undefined {
  return item.policyName ?? lastPolicies.get(idKey(item.id));
}
