// Selective disk backup as the service spells it: extendedProperties.diskExclusionProperties of a VM's protected
// item, a list of data disk LUNs to include (the OS disk is always backed up) or to exclude.
import type { DiskSelection } from './model';

/** What the service sends back; also accepted in the SDK's model (same field names). */
interface WireDiskExclusion {
  diskExclusionProperties?: { isInclusionList?: unknown; diskLunList?: unknown };
}

/** Every disk, said explicitly: a change of policy that sends it replaces an earlier selection. */
export const ALL_DISKS: DiskSelection = { isInclusionList: false, luns: [] };

/** The PUT's extendedProperties for `selection`; nothing (the item keeps what it has) when there is none. */
export function diskExclusionOf(selection: DiskSelection | undefined): {
  extendedProperties?: { diskExclusionProperties: { isInclusionList: boolean; diskLunList: number[] } };
} {
  if (!selection) return {};
  return {
    extendedProperties: {
      diskExclusionProperties: { isInclusionList: selection.isInclusionList, diskLunList: [...selection.luns] },
    },
  };
}

/** The item's selection; undefined when it backs up every disk (no list, or nothing excluded). */
export function diskSelectionOf(extended: WireDiskExclusion | undefined): DiskSelection | undefined {
  const raw = extended?.diskExclusionProperties;
  if (!raw || typeof raw.isInclusionList !== 'boolean' || !Array.isArray(raw.diskLunList)) return undefined;
  const luns = raw.diskLunList.filter((l): l is number => typeof l === 'number').sort((a, b) => a - b);
  if (!raw.isInclusionList && luns.length === 0) return undefined;
  return { isInclusionList: raw.isInclusionList, luns };
}

/** The data disk LUNs a backup with `selection` includes, of the VM's `dataLuns`. */
export function includedDataLuns(selection: DiskSelection | undefined, dataLuns: readonly number[]): number[] {
  if (!selection) return [...dataLuns];
  const listed = new Set(selection.luns);
  return selection.isInclusionList ? [...listed] : dataLuns.filter((l) => !listed.has(l));
}

/** Whether two selections back up the same disks (no selection and "exclude nothing" both mean every disk). */
export function sameDiskSelection(a: DiskSelection | undefined, b: DiskSelection | undefined): boolean {
  const key = (s: DiskSelection | undefined): string =>
    s && (s.isInclusionList || s.luns.length) ? `${s.isInclusionList}:${s.luns.join(',')}` : 'all';
  return key(a) === key(b);
}
