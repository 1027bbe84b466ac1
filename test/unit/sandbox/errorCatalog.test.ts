import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sourceFiles, REPO } from '../manifest/sourceScan';

/** The one file allowed to construct errors: the sandbox's catalog of codes, statuses and messages. */
const CATALOG = path.join('src', 'sandbox', 'http', 'errors.ts');

describe('sandbox error catalog', () => {
  it('every error the sandbox answers with is built by the catalog (no `new ArmError(` elsewhere)', () => {
    const files = sourceFiles('src/sandbox');
    assert.ok(files.length > 20, `expected the sandbox's sources, found ${files.length}`);
    const offenders = files
      .filter((f) => path.normalize(f) !== CATALOG)
      .flatMap((f) =>
        fs
          .readFileSync(path.join(REPO, f), 'utf8')
          .split('\n')
          .map((line, i) => (/\bnew\s+ArmError\s*\(/.test(line) ? `${f}:${i + 1}` : ''))
          .filter(Boolean),
      );
    assert.deepEqual(offenders, []);
  });
});
