// CSV and JSON exports of the coverage rows, made in chunks of rows so that 50,000 VMs never become one giant
// string: the host writes each chunk as it comes. Pure.
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

/** Rows per chunk of an export: a few hundred kB of text. */
const CHUNK_ROWS = 1000;

/** CRLF-separated rows with a header row of `headers` (localized column titles), a chunk of rows at a time. */
export function* csvChunks(rows: readonly CoverageRow[], headers: Record<ExportColumn, string>): Generator<string> {
  yield `${EXPORT_COLUMNS.map((c) => csvCell(headers[c])).join(',')}\r\n`;
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    let chunk = '';
    for (const row of rows.slice(start, start + CHUNK_ROWS)) {
      const v = values(row);
      chunk += `${EXPORT_COLUMNS.map((c) => csvCell(v[c])).join(',')}\r\n`;
    }
    yield chunk;
  }
}

/** Stable English keys and ISO dates: for scripts, not for people. The same document JSON.stringify would indent. */
export function* jsonChunks(rows: readonly CoverageRow[], generatedAt: Date): Generator<string> {
  const head = JSON.stringify({ generatedAt: generatedAt.toISOString(), count: rows.length }, null, 2);
  if (rows.length === 0) {
    yield `${head.slice(0, -2)},\n  "virtualMachines": []\n}\n`;
    return;
  }
  yield `${head.slice(0, -2)},\n  "virtualMachines": [\n`;
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const items = rows.slice(start, start + CHUNK_ROWS).map((r) => indent(JSON.stringify(values(r), null, 2)));
    yield `${items.join(',\n')}${start + CHUNK_ROWS < rows.length ? ',' : ''}\n`;
  }
  yield '  ]\n}\n';
}

function indent(text: string): string {
  return text.replace(/^/gm, '    ');
}

export function toCsv(rows: readonly CoverageRow[], headers: Record<ExportColumn, string>): string {
  return [...csvChunks(rows, headers)].join('');
}

export function toJson(rows: readonly CoverageRow[], generatedAt: Date): string {
  return [...jsonChunks(rows, generatedAt)].join('');
}
