import * as assert from 'assert';
import {
  csvCell,
  csvChunks,
  EXPORT_COLUMNS,
  jsonChunks,
  toCsv,
  toJson,
  type ExportColumn,
} from '../../../src/coverage/export';
import { row } from './fixtures';

const headers = Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, c.toUpperCase()])) as Record<ExportColumn, string>;

describe('Coverage: CSV and JSON export', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    assert.strictEqual(csvCell('plain'), 'plain');
    assert.strictEqual(csvCell('a,b'), '"a,b"');
    assert.strictEqual(csvCell('say "hi"'), '"say ""hi"""');
    assert.strictEqual(csvCell('two\nlines'), '"two\nlines"');
    assert.strictEqual(csvCell(' padded'), '" padded"');
    assert.strictEqual(csvCell(true), 'true');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    assert.strictEqual(csvCell('=HYPERLINK("http://evil")'), `"'=HYPERLINK(""http://evil"")"`);
    assert.strictEqual(csvCell('+1'), "'+1");
    assert.strictEqual(csvCell('-cmd'), "'-cmd");
    assert.strictEqual(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.strictEqual(csvCell('\t=1'), "'\t=1");
    assert.strictEqual(csvCell('web-vm-01'), 'web-vm-01', 'a hyphen inside a name is harmless');
  });

  it('writes a header row and one CRLF line per VM with ISO dates', () => {
    const csv = toCsv(
      [row('vm,1', { protection: 'Protected', vaultName: '=evil', lastBackupTime: Date.UTC(2026, 0, 2, 3, 4, 5) })],
      headers,
    );
    const lines = csv.split('\r\n');
    assert.strictEqual(lines.length, 3);
    assert.strictEqual(lines[2], '');
    assert.ok(lines[0].startsWith('SUBSCRIPTION,SUBSCRIPTIONID,RESOURCEGROUP,NAME'));
    assert.match(lines[1], /"vm,1"/);
    assert.match(lines[1], /,'=evil,/);
    assert.match(lines[1], /2026-01-02T03:04:05.000Z/);
  });

  it('writes JSON with stable keys', () => {
    const parsed = JSON.parse(toJson([row('vm1')], new Date(Date.UTC(2026, 0, 1)))) as {
      count: number;
      generatedAt: string;
      virtualMachines: Record<string, unknown>[];
    };
    assert.strictEqual(parsed.count, 1);
    assert.strictEqual(parsed.generatedAt, '2026-01-01T00:00:00.000Z');
    assert.deepStrictEqual(Object.keys(parsed.virtualMachines[0]), [...EXPORT_COLUMNS]);
    assert.strictEqual(parsed.virtualMachines[0].protection, 'NotProtected');
  });

  it('streams 2,500 rows in chunks of rows that join into the whole document', () => {
    const rows = Array.from({ length: 2500 }, (_, i) => row(`vm-${i}`, { lastBackupTime: i }));
    const csv = [...csvChunks(rows, headers)];
    const json = [...jsonChunks(rows, new Date(0))];
    assert.deepStrictEqual([csv.length, json.length], [4, 5]);
    assert.strictEqual(csv.join('').split('\r\n').length, 2502);
    const parsed = JSON.parse(json.join('')) as { count: number; virtualMachines: { name: string }[] };
    assert.deepStrictEqual(
      [parsed.count, parsed.virtualMachines.length, parsed.virtualMachines[2499].name],
      [2500, 2500, 'vm-2499'],
    );
    const whole = JSON.stringify(
      { generatedAt: new Date(0).toISOString(), count: 2500, virtualMachines: parsed.virtualMachines },
      null,
      2,
    );
    assert.strictEqual(json.join(''), `${whole}\n`);
  });

  it('writes an empty JSON export as a document with no machines', () => {
    assert.deepStrictEqual(JSON.parse(toJson([], new Date(0))), {
      generatedAt: '1970-01-01T00:00:00.000Z',
      count: 0,
      virtualMachines: [],
    });
  });
});
