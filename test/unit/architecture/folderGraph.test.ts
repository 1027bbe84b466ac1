import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { cycles, folderEdges, relativeSpecifiers, type FolderEdge } from './folderGraph';
import { layerOf, LAYERS } from './layers';

const SRC = path.resolve(__dirname, '../../../../src');

function describeCycle(part: string[], edges: FolderEdge[]): string {
  const inside = edges.filter((e) => part.includes(e.from) && part.includes(e.to));
  return `${part.join(' ↔ ')}:\n${inside.map((e) => `    ${e.from} → ${e.to} (${e.example})`).join('\n')}`;
}

describe('architecture: the folders of src/ import one way', () => {
  it('the parser sees every kind of relative import, type-only ones included', () => {
    const source = [
      "import * as a from './a';",
      "import type { B } from '../b';",
      "export { c } from './c';",
      "export type { D } from './d';",
      "import './e';",
      "const f = await import('./f');",
      "const g = require('../g');",
      "import * as vscode from 'vscode';",
    ].join('\n');
    assert.deepEqual(relativeSpecifiers(source).sort(), ['../b', '../g', './a', './c', './d', './e', './f']);
  });

  it('the cycle finder names a cycle and passes a one-way graph', () => {
    const edge = (from: string, to: string): FolderEdge => ({ from, to, example: '' });
    assert.deepEqual(cycles([edge('tree', 'ui'), edge('ui', 'tree'), edge('commands', 'tree')]), [['tree', 'ui']]);
    assert.deepEqual(cycles([edge('a', 'b'), edge('b', 'c'), edge('c', 'a')]), [['a', 'b', 'c']]);
    assert.deepEqual(cycles([edge('commands', 'tree'), edge('tree', 'ui'), edge('commands', 'ui')]), []);
  });

  it('has no cycle between top-level folders (and root files)', () => {
    const edges = folderEdges(SRC);
    assert.ok(edges.length > 10, `expected the folders' arrows, found ${edges.length}`);
    const found = cycles(edges);
    assert.equal(
      found.length,
      0,
      `import cycles between folders of src/:\n  ${found.map((c) => describeCycle(c, edges)).join('\n  ')}`,
    );
  });

  it('imports only downward in the layer table (docs/ARCHITECTURE.md)', () => {
    const edges = folderEdges(SRC);
    const unplaced = [...new Set(edges.flatMap((e) => [e.from, e.to]))].filter((n) => layerOf(n) === undefined);
    assert.deepEqual(
      unplaced,
      [],
      `src/ parts in no layer: give each a row in test/unit/architecture/layers.ts and docs/ARCHITECTURE.md`,
    );
    const upward = edges
      .filter((e) => layerOf(e.from)! >= layerOf(e.to)!)
      .map((e) => `${e.from} (layer ${layerOf(e.from)}) → ${e.to} (layer ${layerOf(e.to)}): ${e.example}`);
    assert.deepEqual(upward, [], `imports that do not go down the layers ${JSON.stringify(LAYERS)}`);
  });
});
