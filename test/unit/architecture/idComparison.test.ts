// ARM ids are case-insensitive: they are compared through sameId and keyed through idKey (src/azure/ids.ts), so
// that the rule lives in one place. This scan finds ids lower-cased by hand anywhere else outside the sandbox.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, sourceFiles } from '../manifest/sourceScan';

/**
 * `.toLowerCase()` on a name that says it holds an id or a key (`id`, `vm.id`, `vaultId`, `sourceResourceId`, `key`),
 * or on a template that builds a key of several parts (compositeKey makes those).
 */
const ID_LOWERED = /\b(?:id|key|\w*Id|\w*Key)\s*\.toLowerCase\(\)|`[^`]*\$\{[^`]*`\s*\.toLowerCase\(\)/g;
const ALLOWED = new Set(['src/azure/ids.ts']);

function loweredIds(): string[] {
  return sourceFiles('src')
    .filter(
      (file) => !file.startsWith(`src${path.sep}sandbox${path.sep}`) && !ALLOWED.has(file.split(path.sep).join('/')),
    )
    .flatMap((file) =>
      fs
        .readFileSync(path.join(REPO, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => [...line.matchAll(ID_LOWERED)].map((m) => `${file}:${i + 1}: ${m[0]}`)),
    );
}

describe('Resource ids compared through one helper', () => {
  it('finds the hand-made pattern it looks for', () => {
    const sample =
      'a.vaultId.toLowerCase() === b; vm.id.toLowerCase(); key.toLowerCase(); name.toLowerCase(); ' +
      'm.get(`${vault.id}|${p.name}`.toLowerCase()); `(${location.toLowerCase()})`';
    assert.deepEqual(
      [...sample.matchAll(ID_LOWERED)].map((m) => m[0]),
      ['vaultId.toLowerCase()', 'id.toLowerCase()', 'key.toLowerCase()', '`${vault.id}|${p.name}`.toLowerCase()'],
    );
  });

  it('lower-cases no id outside src/azure/ids.ts and the sandbox: sameId compares, idKey keys', () => {
    assert.deepEqual(loweredIds(), []);
  });
});
