// CSV and JSON exports of the coverage rows. Pure: the host writes the text with workspace.fs.
import type { CoverageRow } from './types';

export const EXPORT_COLUMNS = [
  'subscription',
  'subscriptionId',
  'resourceGroup',
  'name',
  'location',
  'osType',
  'protection',
  'vault',
  'policy',
  'protectionState',
  'lastBackupStatus',
  'lastBackupTime',
  'lastSuccessTime',
  'health',
  'failing',
  'stale',
  'vmId',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

function iso(ms: number | undefined): string {
  return ms === undefined ? '' : new Date(ms).toISOString();
}

function values(row: CoverageRow): Record<ExportColumn, string | boolean> {
  return {
    subscription: row.subscriptionName,
    subscriptionId: row.subscriptionId,
    resourceGroup: row.resourceGroup,
    name: row.name,
    location: row.location,
    osType: row.osType,
    protection: row.protection,
    vault: row.vaultName ?? '',
    policy: row.policyName ?? '',
    protectionState: row.protectionState ?? '',
    lastBackupStatus: row.lastBackupStatus ?? '',
    lastBackupTime: iso(row.lastBackupTime),
    lastSuccessTime: iso(row.lastSuccessTime),
    health: row.health ?? '',
    failing: row.failing,
    stale: row.stale,
    vmId: row.vmId,
  };
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote, or line break. A cell a spreadsheet would read as
 * a formula (starting with = + - @, or a tab or carriage return before one) gets a leading apostrophe first
 * (OWASP "CSV injection"): resource names and tags are user-controlled.
 */
export function csvCell(value: string | boolean): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CRLF-separated rows with a header row of `headers` (localized column titles). */
export function toCsv(rows: readonly CoverageRow[], headers: Record<ExportColumn, string>): string {
  const lines = [EXPORT_COLUMNS.map((c) => csvCell(headers[c])).join(',')];
  for (const row of rows) {
    const v = values(row);
    lines.push(EXPORT_COLUMNS.map((c) => csvCell(v[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Stable English keys and ISO dates: for scripts, not for people. */
export function toJson(rows: readonly CoverageRow[], generatedAt: Date): string {
  return `${JSON.stringify({ generatedAt: generatedAt.toISOString(), count: rows.length, virtualMachines: rows.map(values) }, null, 2)}\n`;
}
