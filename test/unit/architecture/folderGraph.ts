import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/** One arrow between two top-level parts of src/, with the first file pair that draws it (for the message). */
export interface FolderEdge {
  from: string;
  to: string;
  example: string;
}

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? tsFiles(full) : /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** A folder directly under src/ is one node; a file directly under src/ is a node of its own. */
export function nodeOf(src: string, file: string): string {
  const parts = path.relative(src, file).split(path.sep);
  if (parts.length > 1) {
    return parts[0];
  }
  const bare = parts[0].replace(/\.tsx?$/, '');
  return fs.existsSync(path.join(src, bare)) && fs.statSync(path.join(src, bare)).isDirectory() ? bare : `${bare}.ts`;
}

/**
 * Every relative module a source names: static imports and re-exports (type-only ones too: they are still a design
 * arrow), side-effect imports, dynamic import() and require().
 */
export function relativeSpecifiers(source: string): string[] {
  const info = ts.preProcessFile(source, true, true);
  return info.importedFiles.map((f) => f.fileName).filter((name) => name.startsWith('.'));
}

export function folderEdges(src: string): FolderEdge[] {
  const edges = new Map<string, FolderEdge>();
  for (const file of tsFiles(src)) {
    const from = nodeOf(src, file);
    for (const spec of relativeSpecifiers(fs.readFileSync(file, 'utf8'))) {
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(src + path.sep)) {
        continue;
      }
      const to = nodeOf(src, target);
      const key = `${from}→${to}`;
      if (from !== to && !edges.has(key)) {
        edges.set(key, { from, to, example: `${path.relative(src, file)} imports '${spec}'` });
      }
    }
  }
  return [...edges.values()];
}

/** The cycles of the graph, one per strongly connected part that has more than one node (Tarjan). */
export function cycles(edges: FolderEdge[]): string[][] {
  const out = new Map<string, string[]>();
  for (const e of edges) {
    out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
    out.set(e.to, out.get(e.to) ?? []);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of out.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const part: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        part.push(w);
      } while (w !== v);
      if (part.length > 1) {
        found.push(part.sort());
      }
    }
  };
  for (const v of [...out.keys()].sort()) {
    if (!index.has(v)) {
      visit(v);
    }
  }
  return found;
}
