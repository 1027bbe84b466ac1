// Wording of cells from the host's localized strings; {placeholders} are filled here.
import type { CoverageRow } from '../../coverage/types';
import { elapsed } from '../../presentation/time';

export type Strings = Record<string, string>;

export function fill(template: string | undefined, values: Record<string, string | number>): string {
  return (template ?? '').replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}

export function age(strings: Strings, then: number, now: number): string {
  const e = elapsed(new Date(then), new Date(now));
  if (e.unit === 'second') return strings.justNow;
  return fill(e.unit === 'minute' ? strings.minutes : e.unit === 'hour' ? strings.hours : strings.days, { n: e.value });
}

/** The state's sentence (state.* strings), then the failing and stale flags of an active item. */
export function protectionText(s: Strings, row: CoverageRow): string {
  const state = s[`state.${row.protection}`] ?? s.unknown;
  const flags = [row.failing ? s.failing : '', row.stale ? s.stale : ''].filter(Boolean);
  return flags.length ? `${state} · ${flags.join(' · ')}` : state;
}

/** "Completed, 2 h ago", "Initial backup pending", "No backup yet", or '' when not protected. */
export function lastBackupText(s: Strings, row: CoverageRow, now: number): string {
  if (row.protection === 'NotProtected' || row.protection === 'Unknown') return '';
  if (row.lastBackupTime === undefined) return row.protectionState === 'IRPending' ? s.pending : s.never;
  const status = s[`backup.${row.lastBackupStatus ?? ''}`] ?? row.lastBackupStatus ?? '';
  return fill(s.ago, { status, age: age(s, row.lastBackupTime, now) }).replace(/^, /, '');
}

export function healthText(s: Strings, row: CoverageRow): string {
  return row.health ? (s[`health.${row.health}`] ?? row.health) : '';
}

/** A CSS class for the row's status (colour comes from the theme in coverage.css). */
export function statusClass(row: CoverageRow): string {
  if (row.failing) return 'failing';
  if (row.stale) return 'stale';
  switch (row.protection) {
    case 'NotProtected':
      return 'unprotected';
    case 'ProtectionStopped':
    case 'SoftDeleted':
      return 'stopped';
    case 'Unknown':
      return 'unknown';
    default:
      return 'protected';
  }
}
