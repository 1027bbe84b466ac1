/**
 * The official swagger files, loaded once, with `$ref`s resolved across files and an index of which definitions
 * derive from which (polymorphism in swagger 2.0 is `allOf` + `discriminator` + `x-ms-discriminator-value`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** A swagger schema object; its meaning depends on the file it came from (relative `$ref`s). */
export type Schema = Record<string, unknown>;

export interface Located {
  schema: Schema;
  file: string;
  /** Set when the schema is a named definition (`#/definitions/NAME`). */
  name?: string;
}

export class SpecSet {
  private readonly files = new Map<string, Record<string, unknown>>();
  /** `file#name` of a definition → the definitions whose `allOf` names it. */
  private readonly children = new Map<string, Located[]>();

  constructor(documents: Map<string, Record<string, unknown>>) {
    this.files = documents;
    for (const [file, doc] of documents) {
      const defs = (doc.definitions ?? {}) as Record<string, Schema>;
      for (const [name, schema] of Object.entries(defs)) {
        for (const parent of (schema.allOf ?? []) as Schema[]) {
          if (typeof parent.$ref !== 'string') continue;
          const base = this.resolveRef(parent.$ref, file);
          const key = definitionKey(base);
          this.children.set(key, [...(this.children.get(key) ?? []), { schema, file, name }]);
        }
      }
    }
  }

  /** Every swagger file under `root` (the `swagger/specification` folder). */
  static load(root: string): SpecSet {
    const documents = new Map<string, Record<string, unknown>>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) walk(full);
        else if (entry.endsWith('.json'))
          documents.set(full, JSON.parse(readFileSync(full, 'utf8')) as Record<string, unknown>);
      }
    };
    walk(root);
    return new SpecSet(documents);
  }

  documents(): IterableIterator<[string, Record<string, unknown>]> {
    return this.files.entries();
  }

  /** Follows `$ref` (possibly several in a row) to the schema it names. */
  deref(loc: Located): Located {
    let current = loc;
    for (let hops = 0; typeof current.schema.$ref === 'string'; hops++) {
      if (hops > 20) throw new Error(`$ref loop at ${current.schema.$ref}`);
      current = this.resolveRef(current.schema.$ref as string, current.file);
    }
    return current;
  }

  resolveRef(ref: string, fromFile: string): Located {
    const [filePart, pointer = ''] = ref.split('#');
    const file = filePart ? path.resolve(path.dirname(fromFile), filePart) : fromFile;
    const doc = this.files.get(file);
    if (!doc) throw new Error(`$ref to a file not in the specs folder: ${ref} (from ${fromFile})`);
    let node: unknown = doc;
    const parts = pointer
      .split('/')
      .filter((p) => p.length > 0)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    for (const part of parts) {
      node = (node as Record<string, unknown> | undefined)?.[part];
      if (node === undefined) throw new Error(`$ref not found: ${ref} (from ${fromFile})`);
    }
    const name = parts.length === 2 && parts[0] === 'definitions' ? parts[1] : undefined;
    return { schema: node as Schema, file, name };
  }

  /** The definitions derived from `base` through `allOf`, at any depth. */
  descendants(base: Located): Located[] {
    const found: Located[] = [];
    const queue = [base];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const next = queue.shift() as Located;
      for (const child of this.children.get(definitionKey(next)) ?? []) {
        const key = definitionKey(child);
        if (seen.has(key)) continue;
        seen.add(key);
        found.push(child);
        queue.push(child);
      }
    }
    return found;
  }
}

function definitionKey(loc: Located): string {
  return `${loc.file}#${loc.name ?? ''}`;
}

/** The value a definition stands for in its family's discriminator property. */
export function discriminatorValue(loc: Located): string | undefined {
  const explicit = loc.schema['x-ms-discriminator-value'];
  return typeof explicit === 'string' ? explicit : loc.name;
}
