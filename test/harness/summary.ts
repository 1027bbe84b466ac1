// The JSON written by reporter.cjs, read back and printed by the runners.
import * as fs from 'fs';

export interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  ms?: number;
  err?: string;
}
export interface LevelSummary {
  passed: number;
  failed: number;
  pending: number;
  results: TestResult[];
}

export function readSummary(file: string): LevelSummary {
  if (!fs.existsSync(file))
    return { passed: 0, failed: 1, pending: 0, results: [{ title: `no report at ${file}`, state: 'failed' }] };
  return JSON.parse(fs.readFileSync(file, 'utf8')) as LevelSummary;
}

/** Only what the spec reporter could not show: tests run where stdout is hidden. */
export function printResults(summary: LevelSummary): void {
  for (const r of summary.results) {
    const mark = r.state === 'passed' ? '✓' : r.state === 'pending' ? '-' : '✗';
    console.log(`  ${mark} ${r.title}${r.ms !== undefined ? ` (${r.ms} ms)` : ''}`);
    if (r.err)
      console.log(
        r.err
          .split('\n')
          .slice(0, 12)
          .map((l) => `      ${l}`)
          .join('\n'),
      );
  }
}
