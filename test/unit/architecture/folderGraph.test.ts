import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { cycles, folderEdges, relativeSpecifiers, type FolderEdge } from './folderGraph';

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
    assert.equal(found.length, 0, `import cycles between folders of src/:\n  ${found.map((c) => describeCycle(c, edges)).join('\n  ')}`);
  });
});
