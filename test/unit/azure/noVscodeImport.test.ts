import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '../../../../src');

function tsFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? tsFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Value imports of 'vscode' (static, dynamic or require); `import type` is fine, it leaves no trace at run time. */
export function valueImportsOfVscode(source: string): string[] {
  const patterns = [
    /^\s*import\s+(?!type\b)[^;]*?from\s+['"]vscode['"]/gm,
    /^\s*import\s+['"]vscode['"]/gm,
    /^\s*export\s+(?!type\b)[^;]*?from\s+['"]vscode['"]/gm,
    /\bimport\(\s*['"]vscode['"]\s*\)/g,
    /\brequire\(\s*['"]vscode['"]\s*\)/g,
  ];
  return patterns.flatMap((p) => source.match(p) ?? []);
}

describe('layering: no vscode in src/azure, src/sandbox and the bundle entries', () => {
  it('the detector sees value imports and lets type-only imports pass', () => {
    assert.equal(valueImportsOfVscode("import * as vscode from 'vscode';").length, 1);
    assert.equal(valueImportsOfVscode('import { window } from "vscode";').length, 1);
    assert.equal(valueImportsOfVscode("const v = require('vscode');").length, 1);
    assert.equal(valueImportsOfVscode("await import('vscode')").length, 1);
    assert.equal(valueImportsOfVscode("import type * as vscode from 'vscode';").length, 0);
    assert.equal(valueImportsOfVscode("import type { Disposable } from 'vscode';").length, 0);
  });

  it('finds no value import of vscode', () => {
    const files = [
      ...tsFiles(path.join(SRC, 'azure')),
      ...tsFiles(path.join(SRC, 'sandbox')),
      path.join(SRC, 'bundles', 'sdkBundle.ts'),
      path.join(SRC, 'bundles', 'sandboxBundle.ts'),
    ].filter((f) => fs.existsSync(f));
    assert.ok(files.length > 10, `expected the layer's files, found ${files.length}`);
    const offenders = files
      .filter((f) => valueImportsOfVscode(fs.readFileSync(f, 'utf8')).length > 0)
      .map((f) => path.relative(SRC, f));
    assert.deepEqual(offenders, []);
  });

  it('keeps vscode out of src/auth except vscodeAccount.ts', () => {
    const offenders = tsFiles(path.join(SRC, 'auth'))
      .filter((f) => path.basename(f) !== 'vscodeAccount.ts')
      .filter((f) => valueImportsOfVscode(fs.readFileSync(f, 'utf8')).length > 0);
    assert.deepEqual(offenders, []);
  });
});
